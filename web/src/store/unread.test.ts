import { describe, expect, it } from 'vitest';
import type { Room, WireMessage } from '../api/types';
import { roomKey } from '../lib/validation';
import { emptyTimeline, timelineReducer, type Timeline } from './timeline';
import { applyListing, countFromTimeline, countUnread, missesMessagesBefore, moveMarker, totalUnread, unreadFromListing, type RoomUnread } from './unread';

function listed(name: string, lastReadSeq: number, unread: number, unreadMentions = 0): Room {
  return { name, description: '', creator: 'bob', isPrivate: false, memberCount: 0, createdAt: '2025-01-01T00:00:00Z', lastReadSeq, unread, unreadMentions };
}

function timelineOf(messages: Partial<WireMessage>[], hasMore = false): Timeline {
  const full = messages.map(
    (m, i): WireMessage => ({ id: i + 1, room: 'lobby', seq: i + 1, user: 'bob', text: 'x', timestamp: '2025-01-01T00:00:00Z', kind: 'user', rev: i + 1, ...m }),
  );
  return timelineReducer(emptyTimeline, { type: 'history', messages: full, hasMore, mode: 'latest' });
}

const base = unreadFromListing(listed('lobby', 10, 3, 1))!;

describe('unread counts', () => {
  it('come from the list only when it carries markers', () => {
    expect(base).toMatchObject({ lastReadSeq: 10, unread: 3, unreadMentions: 1, stale: false });
    expect(unreadFromListing({ ...listed('x', 0, 0), lastReadSeq: undefined, unread: undefined })).toBeNull();
  });

  it('tell when a message arrives with more seqs below it than were counted', () => {
    expect(missesMessagesBefore(base, 14)).toBe(false); // 11, 12, 13 are the three counted
    expect(missesMessagesBefore(base, 15)).toBe(true);
    expect(missesMessagesBefore(countUnread(base, 14, false), 15)).toBe(false);
  });

  it('count a live message once, and none at or below the marker', () => {
    let e = countUnread(base, 11, false);
    e = countUnread(e, 11, false);
    e = countUnread(e, 12, true);
    e = countUnread(e, 9, true);
    expect(e).toMatchObject({ unread: 5, unreadMentions: 2 });
  });

  it('take off what a moved marker passes, exactly when every count is known by seq', () => {
    const known: RoomUnread = { ...base, unread: 0, unreadMentions: 0 };
    let e = countUnread(countUnread(countUnread(known, 11, false), 12, true), 13, false);
    e = moveMarker(e, 12);
    expect(e).toMatchObject({ lastReadSeq: 12, unread: 1, unreadMentions: 0, stale: false });
    expect(moveMarker(e, 5)).toBe(e); // never back
  });

  it('ask for the list again when the marker moves past counts it cannot take apart', () => {
    const e = moveMarker(base, 11);
    expect(e.stale).toBe(true);
    expect(e.lastReadSeq).toBe(11);
  });

  it('are exact from a timeline that holds everything above the marker: not mine, not deleted', () => {
    const t = timelineOf([{}, { user: 'alice' }, { deleted: true, text: '' }, { mentions: ['Alice'] }, {}]);
    const e = countFromTimeline({ ...base, lastReadSeq: 0, stale: true }, t, 'alice');
    expect(e).toMatchObject({ unread: 3, unreadMentions: 1, stale: false });
    expect(moveMarker(e, 4)).toMatchObject({ unread: 1, unreadMentions: 0, stale: false });
  });

  it('keep the counts when the timeline starts above the marker and older messages exist', () => {
    const t = timelineReducer(emptyTimeline, {
      type: 'history',
      hasMore: true,
      mode: 'latest',
      messages: [{ id: 50, room: 'lobby', seq: 50, user: 'bob', text: 'x', timestamp: '2025-01-01T00:00:00Z', kind: 'user' }],
    });
    expect(countFromTimeline(base, t, 'alice')).toBe(base);
  });

  it('take the list again, keeping a marker this client already moved further', () => {
    const table = { lobby: moveMarker({ ...base, unread: 0, unreadMentions: 0 }, 20) };
    const next = applyListing(table, [listed('Lobby', 12, 4), listed('Games  Night', 0, 2, 2)], roomKey);
    expect(next.lobby!.lastReadSeq).toBe(20);
    expect(next['games night']).toMatchObject({ name: 'Games  Night', unread: 2, unreadMentions: 2 });
    expect(totalUnread(next, new Set(['lobby']))).toEqual({ unread: 2, mentions: 2 });
  });
});
