import { describe, expect, it } from 'vitest';
import type { WireMessage } from '../api/types';
import { emptyTimeline, queuedMessages, timelineReducer, unconfirmedCount, type Timeline, type TimelineAction } from './timeline';

const at = (s: number) => new Date(Date.UTC(2025, 0, 1, 12, 0, s)).toISOString();

function msg(seq: number, user = 'bob', extra: Partial<WireMessage> = {}): WireMessage {
  return { id: 1000 + seq, room: 'lobby', seq, user, text: `message ${seq}`, timestamp: at(seq), kind: 'user', ...extra };
}

function notice(id: string, second: number, text = 'carol joined the room'): WireMessage {
  return { id: `system-${id}`, room: 'lobby', user: 'system', text, timestamp: at(second), kind: 'system' };
}

function apply(state: Timeline, ...actions: TimelineAction[]): Timeline {
  return actions.reduce(timelineReducer, state);
}

const local = (tempId: string, text: string, online = true): TimelineAction => ({
  type: 'local',
  tempId,
  user: 'alice',
  text,
  timestamp: at(50),
  online,
});

const texts = (t: Timeline) => t.items.map((i) => i.text);

describe('optimistic message timeline', () => {
  it('shows a sent message at once as sending, trimmed', () => {
    const t = apply(emptyTimeline, local('t1', '  hello  '));
    expect(t.items).toHaveLength(1);
    expect(t.items[0]).toMatchObject({ tempId: 't1', status: 'sending', text: 'hello', seq: null, id: null, user: 'alice' });
  });

  it('maps the temp id to the real id and seq on confirmation, keeping the React key', () => {
    const t = apply(emptyTimeline, local('t1', 'hello'), { type: 'confirmed', tempId: 't1', id: 77, seq: 5, timestamp: at(51) });
    expect(t.items[0]).toMatchObject({ id: 77, seq: 5, status: 'sent', key: 'tmp:t1', timestamp: at(51) });
    expect(t.lastSeq).toBe(5);
  });

  it('shows the message once whichever comes first: the confirmation or the broadcast', () => {
    const broadcast: TimelineAction = { type: 'received', message: msg(5, 'alice', { tempId: 't1', text: 'hello' }) };
    const confirmed: TimelineAction = { type: 'confirmed', tempId: 't1', id: 1005, seq: 5, timestamp: at(5) };
    const a = apply(emptyTimeline, local('t1', 'hello'), broadcast, confirmed);
    const b = apply(emptyTimeline, local('t1', 'hello'), confirmed, broadcast);
    for (const t of [a, b]) {
      expect(t.items).toHaveLength(1);
      expect(t.items[0]).toMatchObject({ id: 1005, seq: 5, status: 'sent', tempId: 't1' });
    }
  });

  it('marks a message failed with the reason, and sends it again on retry', () => {
    let t = apply(emptyTimeline, local('t1', 'hello'), { type: 'failed', tempId: 't1', error: 'Slow down.' });
    expect(t.items[0]).toMatchObject({ status: 'failed', error: 'Slow down.' });
    t = apply(t, { type: 'retry', tempId: 't1', online: true });
    expect(t.items[0]).toMatchObject({ status: 'sending', error: null });
    t = apply(t, { type: 'failed', tempId: 't1', error: 'again' }, { type: 'retry', tempId: 't1', online: false });
    expect(t.items[0]!.status).toBe('queued');
  });

  it('does not fail a message that is already confirmed', () => {
    const t = apply(
      emptyTimeline,
      local('t1', 'hello'),
      { type: 'confirmed', tempId: 't1', id: 1, seq: 1, timestamp: at(1) },
      { type: 'failed', tempId: 't1', error: 'late timeout' },
    );
    expect(t.items[0]!.status).toBe('sent');
  });

  it('queues messages written while offline, in order, until they are sent', () => {
    let t = apply(emptyTimeline, local('t1', 'first', false), local('t2', 'second', false));
    expect(queuedMessages(t).map((i) => i.tempId)).toEqual(['t1', 't2']);
    expect(unconfirmedCount(t)).toBe(2);
    t = apply(t, { type: 'sending', tempIds: ['t1', 't2'] });
    expect(queuedMessages(t)).toEqual([]);
    expect(t.items.map((i) => i.status)).toEqual(['sending', 'sending']);
  });

  it('puts messages in flight back in the queue when the connection drops', () => {
    const t = apply(emptyTimeline, local('t1', 'hello'), { type: 'connectionLost' });
    expect(t.items[0]).toMatchObject({ status: 'queued', uncertain: true });
  });

  it('recognises a resent message the server already had, by temp id in the resumed history', () => {
    const t = apply(
      emptyTimeline,
      { type: 'history', messages: [msg(1), msg(2)], hasMore: false, mode: 'latest' },
      local('t1', 'hello'),
      { type: 'connectionLost' },
      { type: 'history', messages: [msg(3, 'alice', { tempId: 't1', text: 'hello' })], hasMore: false, mode: 'resume' },
    );
    expect(texts(t)).toEqual(['message 1', 'message 2', 'hello']);
    expect(t.items[2]).toMatchObject({ status: 'sent', seq: 3, key: 'tmp:t1' });
    expect(queuedMessages(t)).toEqual([]);
  });

  it('recognises an in-flight message by author and text when the session was renewed and the temp id is not echoed', () => {
    const t = apply(
      emptyTimeline,
      local('t1', 'hello'),
      { type: 'connectionLost' },
      { type: 'history', messages: [msg(3, 'alice', { text: 'hello' })], hasMore: false, mode: 'resume' },
    );
    expect(t.items).toHaveLength(1);
    expect(t.items[0]).toMatchObject({ status: 'sent', seq: 3 });
  });

  it('does not match a queued message that never left by its text alone', () => {
    const t = apply(
      emptyTimeline,
      local('t1', 'hello', false),
      { type: 'received', message: msg(3, 'alice', { text: 'hello' }) },
    );
    expect(t.items.map((i) => i.status)).toEqual(['sent', 'queued']);
  });

  it('never shows a message twice, by id or by seq', () => {
    const t = apply(
      emptyTimeline,
      { type: 'history', messages: [msg(1), msg(2), msg(3)], hasMore: false, mode: 'latest' },
      { type: 'received', message: msg(3) },
      { type: 'history', messages: [msg(2), msg(3), msg(4)], hasMore: false, mode: 'resume' },
      { type: 'received', message: { ...msg(4), id: 'other-id' } },
      { type: 'received', message: { ...msg(9), seq: 4 } },
    );
    expect(t.items.map((i) => i.seq)).toEqual([1, 2, 3, 4]);
  });

  it('keeps seq order whatever order messages arrive in', () => {
    const t = apply(
      emptyTimeline,
      { type: 'received', message: msg(3) },
      { type: 'received', message: msg(1) },
      { type: 'history', messages: [msg(2)], hasMore: false, mode: 'resume' },
    );
    expect(t.items.map((i) => i.seq)).toEqual([1, 2, 3]);
    expect(t.lastSeq).toBe(3);
    expect(t.oldestSeq).toBe(1);
  });

  it('keeps messages being sent after the stored ones', () => {
    const t = apply(emptyTimeline, local('t1', 'mine'), { type: 'received', message: msg(8) });
    expect(texts(t)).toEqual(['message 8', 'mine']);
  });

  it('places join and leave notices by time and ignores a repeated notice', () => {
    const t = apply(
      emptyTimeline,
      { type: 'received', message: notice('a', 15) },
      { type: 'history', messages: [msg(10), msg(20)], hasMore: true, mode: 'latest' },
      { type: 'received', message: notice('a', 15) },
    );
    expect(texts(t)).toEqual(['message 10', 'carol joined the room', 'message 20']);
  });

  it('loads older pages before what is shown and tracks whether more exist', () => {
    let t = apply(emptyTimeline, { type: 'history', messages: [msg(51), msg(52)], hasMore: true, mode: 'latest' });
    expect(t.hasMoreOlder).toBe(true);
    t = apply(t, { type: 'history', messages: [msg(49), msg(50)], hasMore: false, mode: 'older' });
    expect(t.items.map((i) => i.seq)).toEqual([49, 50, 51, 52]);
    expect(t.hasMoreOlder).toBe(false);
    expect(t.oldestSeq).toBe(49);
  });

  it('does not take hasMore of a resumed page as older history', () => {
    const t = apply(
      emptyTimeline,
      { type: 'history', messages: [msg(1)], hasMore: false, mode: 'latest' },
      { type: 'history', messages: [msg(2)], hasMore: true, mode: 'resume' },
    );
    expect(t.hasMoreOlder).toBe(false);
  });

  it('discards a failed message on request only', () => {
    let t = apply(emptyTimeline, local('t1', 'a'), local('t2', 'b'), { type: 'failed', tempId: 't2', error: 'x' });
    t = apply(t, { type: 'discard', tempId: 't1' }, { type: 'discard', tempId: 't2' });
    expect(texts(t)).toEqual(['a']);
  });

  it('returns the same state for actions that change nothing', () => {
    const t = apply(emptyTimeline, { type: 'history', messages: [msg(1)], hasMore: false, mode: 'latest' });
    expect(timelineReducer(t, { type: 'confirmed', tempId: 'unknown', id: 5, seq: 5, timestamp: at(5) })).toBe(t);
    expect(timelineReducer(t, { type: 'connectionLost' })).toBe(t);
    expect(timelineReducer(t, local('t1', 'x')).items).toHaveLength(2);
    const twice = apply(t, local('t1', 'x'));
    expect(timelineReducer(twice, local('t1', 'x'))).toBe(twice);
  });
});
