import { describeError } from '../api/rest';
import type { Room, RoomListEvent } from '../api/types';
import type { Timers } from '../connection/ChatConnection';
import {
  applyOnFetched,
  applyRoomEvent,
  pollInterval,
  REFETCH_DEBOUNCE_MS,
  type RoomWatchStatus,
} from '../store/roomList';
import type { RoomWatchEvent } from './ChatClient';

// Keeps the rooms screen's list fresh: one fetch at start, live room events while the server sends
// them (counts in place, a coalesced re-fetch for list changes), a re-fetch whenever watching
// (re)starts because events may have been missed, a slow safety poll while watching, and the old
// 5 s poll whenever watching is not possible. Timers and the data sources are injected.

export type RoomListLoad =
  | { state: 'loading' }
  | { state: 'ready'; rooms: Room[]; error: string | null }
  | { state: 'error'; error: string };

export interface RoomListView {
  load: RoomListLoad;
  watch: RoomWatchStatus;
}

export interface RoomListFeedOptions {
  listRooms: () => Promise<Room[]>;
  /** Subscribes to room-list events and watch status; without it the feed only polls. */
  watch?: (listener: (event: RoomWatchEvent) => void) => () => void;
  /** The watch status right now (the subscription reports changes). */
  watchStatus?: () => RoomWatchStatus;
  timers?: Timers;
  /** Polls are skipped while this is false (a hidden tab); live events still apply. */
  isVisible?: () => boolean;
  debounceMs?: number;
  fastPollMs?: number;
  safetyPollMs?: number;
}

export class RoomListFeed {
  private view: RoomListView = { load: { state: 'loading' }, watch: 'off' };
  private readonly listeners = new Set<() => void>();
  private readonly timers: Timers;
  private running = false;
  /** Bumped by start and stop, so a response from an earlier run is dropped. */
  private generation = 0;
  private unwatch: (() => void) | null = null;
  private pollTimer: unknown = null;
  private debounceTimer: unknown = null;
  private inFlight = false;
  private again = false;
  /** Counts that arrived while the request was on its way, laid over its answer. */
  private during: RoomListEvent[] = [];
  /** Rooms not in the list whose activity already asked for a re-fetch, so an unlisted room cannot cause a stream of them. */
  private readonly askedUnknown = new Set<string>();

  constructor(private readonly options: RoomListFeedOptions) {
    this.timers = options.timers ?? {
      setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
      clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): RoomListView => this.view;

  /** Fetches the list and starts watching and polling; again after stop() (React may do both twice). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.generation++;
    this.askedUnknown.clear();
    this.fetchNow();
    this.unwatch = this.options.watch?.((event) => this.onWatchEvent(event)) ?? null;
    this.setWatch(this.options.watchStatus?.() ?? 'off');
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.generation++;
    const unwatch = this.unwatch;
    this.unwatch = null;
    unwatch?.();
    this.clearPoll();
    this.clearDebounce();
    this.inFlight = false;
    this.again = false;
    this.during = [];
    this.setWatch('off');
  }

  /** Fetches now (the "Try again" button). */
  refresh(): void {
    this.fetchNow();
  }

  private onWatchEvent(event: RoomWatchEvent): void {
    if (!this.running) return;
    switch (event.type) {
      case 'status': {
        const before = this.view.watch;
        this.setWatch(event.status);
        // Events sent before the server had the watch (or while the socket was down) are lost: catch up once.
        if (event.status === 'active' && before !== 'active') this.fetchNow();
        return;
      }
      case 'roomListChanged':
        this.askedUnknown.clear();
        this.scheduleRefetch();
        return;
      case 'roomActivity': {
        if (this.inFlight) this.during.push(event);
        const load = this.view.load;
        if (load.state !== 'ready') return; // the request on its way, or the next poll, brings it
        const { rooms, refetch } = applyRoomEvent(load.rooms, event);
        if (rooms !== load.rooms) this.setLoad({ ...load, rooms });
        if (refetch) {
          const key = event.room.trim().toLowerCase();
          if (!this.askedUnknown.has(key)) {
            this.askedUnknown.add(key);
            this.scheduleRefetch();
          }
        }
        return;
      }
    }
  }

  /** Coalesces a burst: one fetch `debounceMs` after the first event of it. */
  private scheduleRefetch(): void {
    if (this.debounceTimer !== null) return;
    this.debounceTimer = this.timers.setTimeout(() => {
      this.debounceTimer = null;
      this.fetchNow();
    }, this.options.debounceMs ?? REFETCH_DEBOUNCE_MS);
  }

  private fetchNow(): void {
    if (!this.running) return;
    if (this.inFlight) {
      // that answer may predate what asked for this one: fetch again when it is in
      this.again = true;
      return;
    }
    // a request sent now sees every change whose event has arrived so far
    this.clearDebounce();
    this.inFlight = true;
    this.during = [];
    this.armPoll();
    void this.runFetch(this.generation);
  }

  private async runFetch(generation: number): Promise<void> {
    try {
      const rooms = await this.options.listRooms();
      if (generation !== this.generation) return;
      this.setLoad({ state: 'ready', rooms: applyOnFetched(rooms, this.during), error: null });
    } catch (error) {
      if (generation !== this.generation) return;
      const load = this.view.load;
      this.setLoad(load.state === 'ready' ? { ...load, error: describeError(error) } : { state: 'error', error: describeError(error) });
    }
    this.inFlight = false;
    this.during = [];
    if (this.again) {
      this.again = false;
      this.fetchNow();
    }
  }

  private interval(status: RoomWatchStatus): number {
    return pollInterval(status, { fastMs: this.options.fastPollMs, safetyMs: this.options.safetyPollMs });
  }

  /** The next poll, one interval after the last request (or change of watch status). */
  private armPoll(): void {
    this.clearPoll();
    if (!this.running) return;
    this.pollTimer = this.timers.setTimeout(() => {
      this.pollTimer = null;
      if (this.options.isVisible?.() ?? true) this.fetchNow();
      else this.armPoll();
    }, this.interval(this.view.watch));
  }

  private setWatch(status: RoomWatchStatus): void {
    const before = this.view.watch;
    if (status === before) return;
    this.publish({ ...this.view, watch: status });
    if (this.running && this.interval(status) !== this.interval(before)) this.armPoll();
  }

  private setLoad(load: RoomListLoad): void {
    this.publish({ ...this.view, load });
  }

  private publish(view: RoomListView): void {
    this.view = view;
    for (const listener of [...this.listeners]) listener();
  }

  private clearPoll(): void {
    if (this.pollTimer !== null) this.timers.clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }

  private clearDebounce(): void {
    if (this.debounceTimer !== null) this.timers.clearTimeout(this.debounceTimer);
    this.debounceTimer = null;
  }
}
