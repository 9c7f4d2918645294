import type { Room } from '../api/types';
import type { Timers } from '../connection/ChatConnection';
import { roomKey } from '../lib/validation';
import type { Timeline } from '../store/timeline';
import {
  applyListing,
  countFromTimeline,
  countUnread,
  missesMessagesBefore,
  moveMarker,
  unknownUnread,
  type RoomUnread,
  type UnreadTable,
} from '../store/unread';

// Keeps the unread table of every room (store/unread.ts does the counting) and asks for the room
// list again when a marker moved past counts nobody here can take apart. The table is published
// into the client's snapshot on every change.

export interface UnreadTrackerOptions {
  timers: Timers;
  /** The room list with my markers (GET /api/rooms with my token). */
  listRooms: () => Promise<Room[]>;
  publish: (table: UnreadTable) => void;
  /** Fetching makes sense now (someone is signed in). */
  canFetch: () => boolean;
  /** How long after the first stale entry the list is fetched: a burst of markers costs one request. */
  refetchMs: number;
  /** Called after each fetched list went in (joined rooms count again from their timelines). */
  afterListing?: () => void;
}

/** A room whose timeline this client holds, to count from. */
export interface HeldTimeline {
  timeline: Timeline;
  me: string;
}

export class UnreadTracker {
  private current: UnreadTable = {};
  private timer: unknown = null;

  constructor(private readonly options: UnreadTrackerOptions) {}

  get table(): UnreadTable {
    return this.current;
  }

  entry(key: string): RoomUnread | undefined {
    return this.current[key];
  }

  /** The room list as the server sent it: its markers and counts. */
  noteListing(rooms: Room[]): void {
    this.set(applyListing(this.current, rooms, roomKey));
  }

  /** A joined room whose history is in is counted from its timeline. */
  countTimeline(key: string, timeline: Timeline, me: string): void {
    const entry = this.current[key];
    if (entry) this.put(key, countFromTimeline(entry, timeline, me));
  }

  /** My marker moved (here at once, or as another tab's readMarker says); `held` when the room's timeline is here. */
  markerMoved(room: string, seq: number, held?: HeldTimeline): void {
    const key = roomKey(room);
    const before = this.current[key];
    const moved = before ? moveMarker(before, seq) : unknownUnread(room, seq);
    this.put(key, held ? countFromTimeline(moved, held.timeline, held.me) : moved);
    this.fetchIfStale(key);
  }

  /** A message that mentions me, in a room whose timeline this client does not hold. */
  mentioned(room: string, seq: number): void {
    const key = roomKey(room);
    const before = this.current[key] ?? unknownUnread(room, seq - 1);
    const counted = countUnread(before, seq, true);
    // the plain messages written before it reached no one outside the room: the list counts them
    this.put(key, counted !== before && missesMessagesBefore(before, seq) ? { ...counted, stale: true } : counted);
    this.fetchIfStale(key);
  }

  /** Fetches the list now (after a reconnect: markers may have moved meanwhile). */
  async refresh(): Promise<void> {
    try {
      this.noteListing(await this.options.listRooms());
    } catch {
      return; // the counts stay as they are until the next fetch
    }
    this.options.afterListing?.();
  }

  /** Fetches the list once the burst of changes that asked for it is over. */
  refreshSoon(): void {
    if (this.timer !== null || !this.options.canFetch()) return;
    this.timer = this.options.timers.setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, this.options.refetchMs);
  }

  /** Forgets every room (signed out, or another user). */
  reset(): void {
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer);
    this.timer = null;
    this.set({});
  }

  private fetchIfStale(key: string): void {
    if (this.current[key]?.stale) this.refreshSoon();
  }

  private put(key: string, entry: RoomUnread): void {
    if (this.current[key] !== entry) this.set({ ...this.current, [key]: entry });
  }

  private set(table: UnreadTable): void {
    if (table === this.current) return;
    this.current = table;
    this.options.publish(table);
  }
}
