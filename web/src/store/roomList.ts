import type { Room, RoomListEvent } from '../api/types';
import { roomKey as key } from '../lib/validation';

// The room list as the rooms screen shows it, kept fresh by live events (the `watchRooms`
// extension), by fetching the rooms they name (`GET /api/rooms/{name}`) and by re-fetching every
// page of `GET /api/rooms`. Pure functions; RoomListFeed runs them.

/** Re-fetch this long after the first of a burst of list changes, so a burst costs one request. */
export const REFETCH_DEBOUNCE_MS = 300;
/**
 * A burst of list changes naming at most this many rooms fetches just those rooms; a bigger one (a client
 * quick-joining names by the hundred, say) fetches the whole list once instead.
 */
export const SINGLE_FETCH_MAX = 10;
/** Polling when the server sends no live events (socket down, or an older server). */
export const FAST_POLL_MS = 5_000;
/** The safety poll while live events arrive: only repairs what a lost event would leave wrong. */
export const SAFETY_POLL_MS = 60_000;

/**
 * Where watching the room list stands (the `watchRooms` extension):
 * `off` nobody watches; `waiting` for the WebSocket; `pending` asked, no answer yet;
 * `active` the server sends room-list events; `unsupported` the server refused (an older server
 * answers MALFORMED) on this connection, so the watcher polls instead.
 */
export type RoomWatchStatus = 'off' | 'waiting' | 'pending' | 'active' | 'unsupported';

export interface Applied {
  rooms: Room[];
  /** The event says something the list cannot show by itself: fetch the list again. */
  refetch: boolean;
}

/**
 * Applies one live event: `roomActivity` sets that room's count in place (the same array when
 * nothing changes); a room the list does not have yet, and `roomListChanged`, ask for a re-fetch.
 */
export function applyRoomEvent(rooms: Room[], event: RoomListEvent): Applied {
  if (event.type === 'roomListChanged') return { rooms, refetch: true };
  if (event.type !== 'roomActivity') return { rooms, refetch: false };
  const { memberCount } = event;
  if (typeof event.room !== 'string' || !Number.isInteger(memberCount) || memberCount < 0) return { rooms, refetch: false };
  const wanted = key(event.room);
  const index = rooms.findIndex((r) => key(r.name) === wanted);
  if (index < 0) return { rooms, refetch: true };
  if (rooms[index]!.memberCount === memberCount) return { rooms, refetch: false };
  const next = rooms.slice();
  next[index] = { ...rooms[index]!, memberCount };
  return { rooms: next, refetch: false };
}

/**
 * A fetched list with the counts that arrived while the request was on its way laid over it, in
 * order. The response may predate those events; if it is newer, a later event corrects it, since
 * events come in the server's order and the last one applied wins.
 */
export function applyOnFetched(fetched: Room[], during: readonly RoomListEvent[]): Room[] {
  let rooms = fetched;
  for (const event of during) if (event.type === 'roomActivity') rooms = applyRoomEvent(rooms, event).rooms;
  return rooms;
}

/**
 * The list with some rooms fetched again one by one, each asked for by `name`: a room the server has replaces the
 * list's copy in place (or joins the list), one it does not have (null) leaves the list.
 */
export function applyFetchedRooms(rooms: Room[], fetched: ReadonlyArray<{ name: string; room: Room | null }>): Room[] {
  let next = rooms;
  for (const { name, room } of fetched) {
    const wanted = key(name);
    const index = next.findIndex((r) => key(r.name) === wanted);
    if (room === null) {
      if (index >= 0) next = next.filter((_, i) => i !== index);
    } else if (index >= 0) {
      next = next.map((r, i) => (i === index ? room : r));
    } else {
      next = [...next, room];
    }
  }
  return next;
}

/** How often to poll: slowly while the server sends live events, as before when it does not. */
export function pollInterval(
  status: RoomWatchStatus,
  { fastMs = FAST_POLL_MS, safetyMs = SAFETY_POLL_MS }: { fastMs?: number; safetyMs?: number } = {},
): number {
  return status === 'active' ? safetyMs : fastMs;
}
