import { describeError } from '../api/rest';
import type { Room, RoomListEvent } from '../api/types';
import type { Timers } from '../connection/ChatConnection';
import { roomKey } from '../lib/validation';
import {
  applyFetchedRooms,
  applyOnFetched,
  applyRoomEvent,
  pollInterval,
  REFETCH_DEBOUNCE_MS,
  SINGLE_FETCH_MAX,
  type RoomWatchStatus,
} from '../store/roomList';
import type { RoomWatchEvent } from './ChatClient';

// Keeps the rooms screen's list fresh: the whole list (every page) at start, live room events while
// the server sends them (counts in place; the rooms a burst of list changes names, fetched one by one
// after it, or the whole list for a big burst), the whole list again whenever watching (re)starts
// because events may have been missed, a slow safety poll while watching, and the old 5 s poll
// whenever watching is not possible. One request at a time. Timers and the data sources are injected.

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
  /** One room by name, null when it is gone; without it every list change fetches the whole list. */
  getRoom?: (name: string) => Promise<Room | null>;
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
  /** The whole list is wanted: it is fetched as soon as no request is on its way. */
  private wantList = false;
  /** Rooms whose change was heard, by key, to fetch one by one once the burst is over. */
  private readonly changed = new Map<string, string>();
  /** Keys of the rooms the request on its way fetches one by one. */
  private fetching = new Set<string>();
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
    this.wantList = false;
    this.changed.clear();
    this.fetching = new Set();
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
        this.noteChanged(event.room);
        return;
      case 'roomActivity': {
        if (this.inFlight) this.during.push(event);
        const load = this.view.load;
        if (load.state !== 'ready') return; // the request on its way, or the next poll, brings it
        const { rooms, refetch } = applyRoomEvent(load.rooms, event);
        if (rooms !== load.rooms) this.setLoad({ ...load, rooms });
        if (refetch) {
          const key = roomKey(event.room);
          if (!this.askedUnknown.has(key) && !this.fetching.has(key)) {
            this.askedUnknown.add(key);
            this.noteChanged(event.room);
          }
        }
        return;
      }
    }
  }

  /** A room changed: it is fetched (or the whole list) `debounceMs` after the first change of a burst. */
  private noteChanged(room: string): void {
    this.changed.set(roomKey(room), room);
    if (this.debounceTimer !== null) return;
    this.debounceTimer = this.timers.setTimeout(() => {
      this.debounceTimer = null;
      this.next();
    }, this.options.debounceMs ?? REFETCH_DEBOUNCE_MS);
  }

  /** Asks for the whole list now, or as soon as the request on its way is answered. */
  private fetchNow(): void {
    this.wantList = true;
    this.next();
  }

  /** Sends the next request, if one is wanted and none is on its way (its answer may predate what asked for it). */
  private next(): void {
    if (!this.running || this.inFlight) return;
    const getRoom = this.options.getRoom;
    const names = [...this.changed.values()];
    if (this.wantList || (names.length > 0 && (!getRoom || names.length > SINGLE_FETCH_MAX || this.view.load.state !== 'ready'))) {
      // a request sent now sees every change whose event has arrived so far
      this.wantList = false;
      this.changed.clear();
      this.clearDebounce();
      this.armPoll();
      this.send(() => this.fetchList());
    } else if (names.length > 0 && getRoom) {
      this.changed.clear();
      this.fetching = new Set(names.map(roomKey));
      this.send(() => this.fetchRooms(getRoom, names));
    }
  }

  private send(request: () => Promise<(load: RoomListLoad) => RoomListLoad>): void {
    this.inFlight = true;
    this.during = [];
    void this.run(this.generation, request);
  }

  private async fetchList(): Promise<(load: RoomListLoad) => RoomListLoad> {
    const rooms = await this.options.listRooms();
    return () => ({ state: 'ready', rooms, error: null });
  }

  private async fetchRooms(getRoom: (name: string) => Promise<Room | null>, names: string[]) {
    const fetched = await Promise.all(names.map(async (name) => ({ name, room: await getRoom(name) })));
    return (load: RoomListLoad): RoomListLoad =>
      load.state === 'ready' ? { ...load, rooms: applyFetchedRooms(load.rooms, fetched) } : load;
  }

  /** Runs one request; its answer is laid over the list as it is when it comes, with the counts heard meanwhile on top. */
  private async run(generation: number, request: () => Promise<(load: RoomListLoad) => RoomListLoad>): Promise<void> {
    try {
      const update = await request();
      if (generation !== this.generation) return;
      const load = update(this.view.load);
      this.setLoad(load.state === 'ready' ? { ...load, rooms: applyOnFetched(load.rooms, this.during) } : load);
    } catch (error) {
      if (generation !== this.generation) return;
      // the list stays as it is; the next poll fetches it whole again
      const load = this.view.load;
      this.setLoad(load.state === 'ready' ? { ...load, error: describeError(error) } : { state: 'error', error: describeError(error) });
    }
    this.inFlight = false;
    this.during = [];
    this.fetching = new Set();
    // changes heard meanwhile wait for the end of their burst, unless it is over already
    if (this.wantList || this.debounceTimer === null) this.next();
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
