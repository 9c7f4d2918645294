import type { Room } from '../api/types';
import type { Timeline } from './timeline';

// Unread counts per room as pure functions. The server's list (GET /api/rooms with a token) gives
// each room's read marker and counts; live events then keep them true: a message I can name by seq
// is counted one by one, so a marker that moves past it can take it off again. Counts from the
// list cannot be taken apart that way: a marker that moves while they remain makes the entry
// stale, and the client fetches the list again. A room whose timeline holds every message above
// the marker is counted exactly from it.

export interface RoomUnread {
  /** The room's name as the server spells it. */
  name: string;
  lastReadSeq: number;
  unread: number;
  unreadMentions: number;
  /** Unread messages known by seq, each with whether it mentions me. */
  counted: Readonly<Record<number, boolean>>;
  /** The counts hold messages not known by seq and the marker moved past some: fetch the list again. */
  stale: boolean;
}

export type UnreadTable = Readonly<Record<string, RoomUnread>>;

/** The room's entry from the server's list, or null when the list says nothing of markers (no token, a v1 server). */
export function unreadFromListing(room: Room): RoomUnread | null {
  if (typeof room.lastReadSeq !== 'number' || typeof room.unread !== 'number') return null;
  return {
    name: room.name,
    lastReadSeq: room.lastReadSeq,
    unread: Math.max(0, room.unread),
    unreadMentions: Math.max(0, room.unreadMentions ?? 0),
    counted: {},
    stale: false,
  };
}

/** An entry for a room the list did not tell about yet: nothing read, nothing counted, the list is wanted. */
export function unknownUnread(name: string, lastReadSeq: number): RoomUnread {
  return { name, lastReadSeq, unread: 0, unreadMentions: 0, counted: {}, stale: true };
}

/** One more unread message, known by seq (the same seq twice, or one at or below the marker, counts nothing). */
export function countUnread(entry: RoomUnread, seq: number, mentionsMe: boolean): RoomUnread {
  if (seq <= entry.lastReadSeq || entry.counted[seq] !== undefined) return entry;
  return {
    ...entry,
    unread: entry.unread + 1,
    unreadMentions: entry.unreadMentions + (mentionsMe ? 1 : 0),
    counted: { ...entry.counted, [seq]: mentionsMe },
  };
}

/**
 * A message with this seq arrives above the marker, and there are more seqs between the marker and it
 * than unread messages counted: some came without an event (in a room this client is not in, only
 * mentions are sent), so the counts are likely short and only the list can tell.
 */
export function missesMessagesBefore(entry: RoomUnread, seq: number): boolean {
  return seq - entry.lastReadSeq - 1 > entry.unread;
}

/** The marker moves forward to `seq` (never back): what it passes is read. */
export function moveMarker(entry: RoomUnread, seq: number): RoomUnread {
  if (seq <= entry.lastReadSeq) return entry;
  const known = Object.entries(entry.counted).map(([s, mention]) => [Number(s), mention] as const);
  const unknown = entry.unread - known.length;
  const unknownMentions = entry.unreadMentions - known.filter(([, mention]) => mention).length;
  const left = known.filter(([s]) => s > seq);
  const counted: Record<number, boolean> = {};
  for (const [s, mention] of left) counted[s] = mention;
  return {
    ...entry,
    lastReadSeq: seq,
    unread: unknown + left.length,
    unreadMentions: unknownMentions + left.filter(([, mention]) => mention).length,
    counted,
    stale: entry.stale || unknown > 0,
  };
}

/**
 * The exact counts from a room's timeline, when it holds every message above the marker; else the
 * entry as it was. Deleted messages and my own do not count.
 */
export function countFromTimeline(entry: RoomUnread, timeline: Timeline, me: string): RoomUnread {
  const covers = !timeline.hasMoreOlder || (timeline.oldestSeq !== null && timeline.oldestSeq <= entry.lastReadSeq + 1);
  if (!covers) return entry;
  const meKey = me.toLowerCase();
  const counted: Record<number, boolean> = {};
  let unread = 0;
  let mentions = 0;
  for (const item of timeline.items) {
    if (item.kind !== 'user' || item.seq === null || item.seq <= entry.lastReadSeq || item.deleted) continue;
    if (item.user.toLowerCase() === meKey) continue;
    const mentionsMe = item.mentions.some((name) => name.toLowerCase() === meKey);
    counted[item.seq] = mentionsMe;
    unread++;
    if (mentionsMe) mentions++;
  }
  if (!entry.stale && unread === entry.unread && mentions === entry.unreadMentions && sameKeys(counted, entry.counted)) return entry;
  return { ...entry, unread, unreadMentions: mentions, counted, stale: false };
}

/** The whole list fetched again: its counts replace the table's (a marker this client moved further stays). */
export function applyListing(table: UnreadTable, rooms: Room[], key: (name: string) => string): UnreadTable {
  const next: Record<string, RoomUnread> = { ...table };
  let changed = false;
  for (const room of rooms) {
    const fresh = unreadFromListing(room);
    if (!fresh) continue;
    const k = key(room.name);
    const before = table[k];
    next[k] = before && before.lastReadSeq > fresh.lastReadSeq ? moveMarker(fresh, before.lastReadSeq) : fresh;
    changed = true;
  }
  return changed ? next : table;
}

/** Sums over every room but the ones `except` names (the room being read, say). */
export function totalUnread(table: UnreadTable, except: ReadonlySet<string> = new Set()): { unread: number; mentions: number } {
  let unread = 0;
  let mentions = 0;
  for (const [k, entry] of Object.entries(table)) {
    if (except.has(k)) continue;
    unread += entry.unread;
    mentions += entry.unreadMentions;
  }
  return { unread, mentions };
}

function sameKeys(a: Readonly<Record<number, boolean>>, b: Readonly<Record<number, boolean>>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => b[Number(k)] === a[Number(k)]);
}
