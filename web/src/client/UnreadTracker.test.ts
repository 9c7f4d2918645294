import { describe, expect, it, vi } from 'vitest';
import type { Room } from '../api/types';
import type { UnreadTable } from '../store/unread';
import { FakeTimers, flush } from '../testing/fakes';
import { UnreadTracker } from './UnreadTracker';

const listed = (name: string, lastReadSeq: number, unread: number): Room => ({
  name,
  description: '',
  creator: 'bob',
  isPrivate: false,
  memberCount: 0,
  createdAt: '2025-01-01T00:00:00Z',
  lastReadSeq,
  unread,
  unreadMentions: 0,
});

function setup(list: Room[]) {
  const timers = new FakeTimers();
  const listRooms = vi.fn(() => Promise.resolve(list));
  const published: UnreadTable[] = [];
  const afterListing = vi.fn();
  const tracker = new UnreadTracker({ timers, listRooms, publish: (t) => published.push(t), canFetch: () => true, refetchMs: 500, afterListing });
  return { tracker, timers, listRooms, published, afterListing };
}

describe('UnreadTracker', () => {
  it('fetches the list once for a burst of markers it cannot recount', async () => {
    const ctx = setup([listed('a', 9, 0), listed('b', 9, 0)]);
    ctx.tracker.noteListing([listed('a', 1, 5), listed('b', 1, 5)]);
    ctx.tracker.markerMoved('a', 3);
    ctx.tracker.markerMoved('b', 4);
    expect(ctx.tracker.entry('a')).toMatchObject({ lastReadSeq: 3, stale: true });
    ctx.timers.advance(500);
    await flush();
    expect(ctx.listRooms).toHaveBeenCalledTimes(1);
    expect(ctx.afterListing).toHaveBeenCalledTimes(1);
    expect(ctx.tracker.entry('a')).toMatchObject({ lastReadSeq: 9, unread: 0, stale: false });
  });

  it('does not fetch when the marker passes only what it counted itself', () => {
    const ctx = setup([]);
    ctx.tracker.noteListing([listed('a', 1, 0)]);
    ctx.tracker.mentioned('a', 2);
    ctx.tracker.markerMoved('a', 2);
    expect(ctx.tracker.entry('a')).toMatchObject({ unread: 0, unreadMentions: 0, stale: false });
    expect(ctx.timers.size).toBe(0);
  });

  it('fetches the list when a mention comes after messages no event told of', async () => {
    // seqs 2 and 3 were plain messages in a room this client is not in: only the mention (4) arrived
    const ctx = setup([{ ...listed('a', 1, 3), unreadMentions: 1 }]);
    ctx.tracker.noteListing([listed('a', 1, 0)]);
    ctx.tracker.mentioned('a', 4);
    expect(ctx.tracker.entry('a')).toMatchObject({ unread: 1, unreadMentions: 1, stale: true });
    ctx.timers.advance(500);
    await flush();
    expect(ctx.listRooms).toHaveBeenCalledTimes(1);
    expect(ctx.tracker.entry('a')).toMatchObject({ lastReadSeq: 1, unread: 3, unreadMentions: 1, stale: false });
  });

  it('does not fetch for a mention right after what it counted', () => {
    const ctx = setup([]);
    ctx.tracker.noteListing([listed('a', 1, 2)]);
    ctx.tracker.mentioned('a', 4);
    expect(ctx.tracker.entry('a')).toMatchObject({ unread: 3, unreadMentions: 1, stale: false });
    ctx.tracker.mentioned('a', 4); // the same one again counts nothing and asks nothing
    expect(ctx.tracker.entry('a')).toMatchObject({ unread: 3, unreadMentions: 1, stale: false });
    expect(ctx.timers.size).toBe(0);
  });

  it('publishes every change and forgets everything on reset', () => {
    const ctx = setup([]);
    ctx.tracker.noteListing([listed('a', 1, 2)]);
    ctx.tracker.markerMoved('a', 5);
    ctx.tracker.reset();
    expect(ctx.published.at(-1)).toEqual({});
    expect(ctx.timers.size).toBe(0);
  });
});
