import { describe, expect, it } from 'vitest';
import type { Room } from '../api/types';
import { applyOnFetched, applyRoomEvent, FAST_POLL_MS, pollInterval, SAFETY_POLL_MS } from './roomList';

function room(name: string, memberCount: number): Room {
  return { name, description: '', creator: 'alice', isPrivate: false, memberCount, createdAt: '2024-01-01T00:00:00Z' };
}

const list = [room('Lobby', 2), room('games', 0)];

describe('applyRoomEvent', () => {
  it('sets the count of that room in place, without a re-fetch', () => {
    const { rooms, refetch } = applyRoomEvent(list, { type: 'roomActivity', room: 'Lobby', memberCount: 3 });
    expect(refetch).toBe(false);
    expect(rooms.map((r) => [r.name, r.memberCount])).toEqual([
      ['Lobby', 3],
      ['games', 0],
    ]);
    expect(rooms[1]).toBe(list[1]);
    expect(list[0]!.memberCount).toBe(2); // the old list is untouched
  });

  it('matches the room name ignoring case, as the server does', () => {
    expect(applyRoomEvent(list, { type: 'roomActivity', room: 'LOBBY', memberCount: 0 }).rooms[0]!.memberCount).toBe(0);
  });

  it('keeps the same list when the count is already right', () => {
    const applied = applyRoomEvent(list, { type: 'roomActivity', room: 'games', memberCount: 0 });
    expect(applied).toEqual({ rooms: list, refetch: false });
    expect(applied.rooms).toBe(list);
  });

  it('asks for a re-fetch for a room the list does not have yet', () => {
    const applied = applyRoomEvent(list, { type: 'roomActivity', room: 'new room', memberCount: 1 });
    expect(applied.refetch).toBe(true);
    expect(applied.rooms).toBe(list);
  });

  it('asks for a re-fetch when the list changed', () => {
    expect(applyRoomEvent(list, { type: 'roomListChanged', room: 'Lobby' })).toEqual({ rooms: list, refetch: true });
  });

  it('ignores a count that is not a whole number of people', () => {
    for (const memberCount of [-1, 1.5, Number.NaN, '3' as unknown as number]) {
      expect(applyRoomEvent(list, { type: 'roomActivity', room: 'Lobby', memberCount })).toEqual({ rooms: list, refetch: false });
    }
  });
});

describe('applyOnFetched', () => {
  it('lays the counts that arrived during the request over its answer, in order', () => {
    const fetched = [room('Lobby', 1), room('games', 5)];
    const rooms = applyOnFetched(fetched, [
      { type: 'roomActivity', room: 'Lobby', memberCount: 4 },
      { type: 'roomListChanged', room: 'x' },
      { type: 'roomActivity', room: 'lobby', memberCount: 3 },
      { type: 'roomActivity', room: 'unknown', memberCount: 9 },
    ]);
    expect(rooms.map((r) => r.memberCount)).toEqual([3, 5]);
  });

  it('returns the answer itself when nothing arrived', () => {
    const fetched = [room('Lobby', 1)];
    expect(applyOnFetched(fetched, [])).toBe(fetched);
  });
});

describe('pollInterval', () => {
  it('polls slowly only while the server sends live events', () => {
    expect(pollInterval('active')).toBe(SAFETY_POLL_MS);
    for (const status of ['off', 'waiting', 'pending', 'unsupported'] as const) expect(pollInterval(status)).toBe(FAST_POLL_MS);
  });
});
