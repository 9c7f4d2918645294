import { describe, expect, it, vi } from 'vitest';
import type { Api } from '../api/rest';
import type { Room, WireMessage } from '../api/types';
import { fakeApi, fakeClient, guestAlice } from '../testing/clientFakes';
import { flush } from '../testing/fakes';
import type { MentionEvent } from './ChatClient';
import { v2Message } from '../testing/messages';

// The v2 lifecycle on the client: revs, edits, deletes, reactions, replies, read markers, mentions.

function setup(api: Partial<Api> = {}) {
  let counter = 0;
  vi.stubGlobal('crypto', { randomUUID: () => `temp-${++counter}` });
  const listRooms = vi.fn((): Promise<Room[]> => Promise.resolve([]));
  const ctx = fakeClient({
    api: fakeApi({
      me: vi.fn(() => Promise.resolve(guestAlice)),
      listRooms,
      history: vi.fn(() => Promise.resolve({ messages: [], hasMore: false })),
      ...api,
    }),
    epochMs: 1_700_000_000_000,
  });
  const room = (name = 'lobby') => ctx.client.getSnapshot().rooms[name]!;
  const unread = (key = 'lobby') => ctx.client.getSnapshot().unread[key];
  const mentions: MentionEvent[] = [];
  ctx.client.onMention((event) => mentions.push(event));
  return { ...ctx, room, unread, listRooms, mentions };
}

type Ctx = ReturnType<typeof setup>;

/** A v2 message; its rev is its seq unless given. */
function message(seq: number, extra: Partial<WireMessage> = {}): WireMessage {
  return v2Message(seq, { text: `hello ${seq}`, timestamp: new Date(1_700_000_000_000 + seq * 1000).toISOString(), ...extra });
}

function listed(name: string, lastReadSeq: number, unread: number, unreadMentions = 0): Room {
  return { name, description: '', creator: 'bob', isPrivate: false, memberCount: 1, createdAt: '2025-01-01T00:00:00Z', lastReadSeq, unread, unreadMentions };
}

/** Opens the socket (first time) and answers the latest join as the server does. */
async function answerJoin(ctx: Ctx, history: WireMessage[], rev: number, hasMore = false, room = 'lobby') {
  await flush();
  if (ctx.last().readyState !== 1) ctx.last().serverOpens();
  const join = ctx.last().framesOfType('join').at(-1)!;
  ctx.last().serverSends({ type: 'ack', ref: join.ref, ok: true });
  ctx.last().serverSends({ type: 'messageHistory', room, messages: history, hasMore, rev });
  ctx.last().serverSends({ type: 'roomData', room, users: [{ username: 'alice', avatarUrl: '' }, { username: 'bob', avatarUrl: '' }], memberCount: 2 });
  return join;
}

async function reconnect(ctx: Ctx) {
  ctx.last().serverCloses(1006);
  ctx.timers.advance(1_000);
  await flush();
  ctx.last().serverOpens();
}

const shown = (ctx: Ctx) => ctx.room().timeline.items.map((i) => [i.seq, i.deleted ? '(deleted)' : i.text]);

describe('ChatClient room keys', () => {
  it('keys a room as the server names it, so the history of a join of "a  b" is not dropped', async () => {
    const ctx = setup();
    ctx.client.joinRoom('a  b');
    await answerJoin(ctx, [message(1, { room: 'a b' })], 1, false, 'a b');
    const rooms = ctx.client.getSnapshot().rooms;
    expect(Object.keys(rooms)).toEqual(['a b']);
    expect(rooms['a b']).toMatchObject({ name: 'a b', joinState: 'joined', historyLoaded: true, memberCount: 2 });
    expect(rooms['a b']!.timeline.items.map((i) => i.seq)).toEqual([1]);
    ctx.client.sendMessage('A   B', 'same room');
    expect(ctx.last().framesOfType('sendMessage')).toHaveLength(1);
  });
});

describe('ChatClient revisions', () => {
  it('applies messageUpdated by seq when its rev is newer and ignores stale or repeated ones', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    await answerJoin(ctx, [message(1), message(2)], 2);
    expect(ctx.room().rev).toBe(2);
    ctx.last().serverSends({ type: 'messageUpdated', room: 'lobby', message: message(1, { rev: 3, text: 'edited', editedAt: '2025-01-01T00:00:00Z' }) });
    ctx.last().serverSends({ type: 'messageUpdated', room: 'lobby', message: message(1, { rev: 3, text: 'repeated' }) });
    ctx.last().serverSends({ type: 'messageUpdated', room: 'lobby', message: message(2, { rev: 1, text: 'stale' }) });
    expect(shown(ctx)).toEqual([
      [1, 'edited'],
      [2, 'hello 2'],
    ]);
    expect(ctx.room().rev).toBe(3);
  });

  it('re-joins with sinceRev once a rev is known, and ends with the timeline of a client that never left', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    const reply = message(3, { user: 'carol', replyTo: { seq: 1, user: 'bob', text: 'hello 1' } });
    await answerJoin(ctx, [message(1), message(2), reply], 3);
    ctx.last().serverSends({ type: 'message', room: 'lobby', message: message(4) });
    expect(ctx.room().rev).toBe(4);

    await reconnect(ctx);
    const join = ctx.last().framesOfType('join')[0]!;
    expect(join).toMatchObject({ room: 'lobby', sinceRev: 4 });
    expect(join).not.toHaveProperty('sinceSeq');
    // meanwhile: 1 edited (rev 5), 2 deleted (6), a reaction on 4 (7), a new message 5 (8)
    ctx.last().serverSends({ type: 'ack', ref: join.ref, ok: true });
    ctx.last().serverSends({
      type: 'messageHistory',
      room: 'lobby',
      hasMore: false,
      rev: 8,
      messages: [
        message(1, { rev: 5, text: 'hello again', editedAt: '2025-01-01T00:00:00Z' }),
        message(2, { rev: 6, text: '', deleted: true }),
        message(4, { rev: 7, reactions: [{ emoji: '👍', count: 1, users: ['carol'] }] }),
        message(5, { rev: 8 }),
      ],
    });
    expect(shown(ctx)).toEqual([
      [1, 'hello again'],
      [2, '(deleted)'],
      [3, 'hello 3'],
      [4, 'hello 4'],
      [5, 'hello 5'],
    ]);
    expect(ctx.room().timeline.items[2]!.replyTo).toEqual({ seq: 1, user: 'bob', text: 'hello again' });
    expect(ctx.room().timeline.items[3]!.reactions).toEqual([{ emoji: '👍', count: 1, users: ['carol'] }]);
    expect(ctx.room().rev).toBe(8);
  });

  it('asks again from the highest rev received while a resume by rev has more, and only then trusts live revs', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    await answerJoin(ctx, [message(1)], 1);
    await reconnect(ctx);
    const first = ctx.last().framesOfType('join')[0]!;
    ctx.last().serverSends({ type: 'ack', ref: first.ref, ok: true });
    ctx.last().serverSends({ type: 'messageHistory', room: 'lobby', hasMore: true, rev: 900, messages: [message(2), message(3)] });
    expect(ctx.room().rev).toBe(3);
    // a live change now does not move the cursor past what is still missing
    ctx.last().serverSends({ type: 'message', room: 'lobby', message: message(901, { rev: 901 }) });
    expect(ctx.room().rev).toBe(3);
    const second = ctx.last().framesOfType('join')[1]!;
    expect(second).toMatchObject({ sinceRev: 3 });
    expect(ctx.room().joinState).toBe('joined');
    ctx.last().serverSends({ type: 'ack', ref: second.ref, ok: true });
    ctx.last().serverSends({ type: 'messageHistory', room: 'lobby', hasMore: false, rev: 901, messages: [message(4), message(901, { rev: 901 })] });
    expect(ctx.room().rev).toBe(901);
    expect(ctx.last().framesOfType('join')).toHaveLength(2);
    expect(ctx.room().timeline.items.map((i) => i.seq)).toEqual([1, 2, 3, 4, 901]);
  });

  it('keeps a rev gap for the next resume instead of jumping over it', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    await answerJoin(ctx, [message(1)], 1);
    ctx.last().serverSends({ type: 'message', room: 'lobby', message: message(3) });
    expect(ctx.room().rev).toBe(1);
  });
});

describe('ChatClient edits, deletes, reactions and replies', () => {
  it('sends each change with a ref, and shows it until the server has it', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    await answerJoin(ctx, [message(1, { user: 'alice' })], 1);
    expect(ctx.client.editMessage('lobby', 1, ' better ')).toBe(true);
    expect(ctx.client.editMessage('lobby', 1, 'better')).toBe(false); // same text as shown: nothing to do
    const edit = ctx.last().framesOfType('editMessage')[0]!;
    expect(edit).toMatchObject({ type: 'editMessage', room: 'lobby', seq: 1, text: 'better' });
    expect(ctx.room().actions).toMatchObject([{ status: 'sending' }]);
    ctx.last().serverSends({ type: 'ack', ref: edit.ref, ok: true });
    expect(ctx.room().actions).toEqual([]);
    ctx.last().serverSends({ type: 'messageUpdated', room: 'lobby', message: message(1, { user: 'alice', rev: 2, text: 'better' }) });

    expect(ctx.client.toggleReaction('lobby', 1, '🎉')).toBe(true);
    expect(ctx.last().framesOfType('react').at(-1)).toMatchObject({ seq: 1, emoji: '🎉', on: true });
    ctx.last().serverSends({ type: 'messageUpdated', room: 'lobby', message: message(1, { user: 'alice', rev: 3, text: 'better', reactions: [{ emoji: '🎉', count: 1, users: ['alice'] }] }) });
    expect(ctx.client.toggleReaction('lobby', 1, '🎉')).toBe(true);
    expect(ctx.last().framesOfType('react').at(-1)).toMatchObject({ seq: 1, emoji: '🎉', on: false });
    expect(ctx.client.react('lobby', 1, 'two words', true)).toBe(false);

    ctx.client.deleteMessage('lobby', 1);
    expect(ctx.last().framesOfType('deleteMessage')).toEqual([{ type: 'deleteMessage', ref: expect.any(String), room: 'lobby', seq: 1 }]);
  });

  it('says why the server refused a change and drops it', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    await answerJoin(ctx, [message(1)], 1);
    ctx.client.deleteMessage('lobby', 1);
    const frame = ctx.last().framesOfType('deleteMessage')[0]!;
    ctx.last().serverSends({ type: 'error', ref: frame.ref, code: 'FORBIDDEN', message: 'not yours' });
    expect(ctx.room().actions).toEqual([]);
    expect(ctx.room().actionError).toBe('You cannot change this message.');
    ctx.client.dismissActionError('lobby');
    expect(ctx.room().actionError).toBeNull();
  });

  it('sends a reply with the seq it answers and shows the quote at once', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    await answerJoin(ctx, [message(1)], 1);
    const tempId = ctx.client.sendMessage('lobby', 'yes!', 1);
    expect(ctx.last().framesOfType('sendMessage')).toEqual([{ type: 'sendMessage', ref: tempId, room: 'lobby', tempId, text: 'yes!', replyTo: 1 }]);
    expect(ctx.room().timeline.items[1]!.replyTo).toEqual({ seq: 1, user: 'bob', text: 'hello 1' });
  });

  it('queues edits, deletes, reactions and the read marker made offline, and sends them once after the re-join', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    await answerJoin(ctx, [message(1, { user: 'alice' }), message(2), message(3)], 3);
    ctx.last().serverCloses(1006);

    expect(ctx.client.editMessage('lobby', 1, 'offline edit')).toBe(true);
    expect(ctx.client.react('lobby', 2, '👍', true)).toBe(true);
    expect(ctx.client.deleteMessage('lobby', 1)).toBe(true);
    ctx.client.markRead('lobby', 2);
    ctx.client.markRead('lobby', 3);
    expect(ctx.room().actions.map((a) => [a.action.type, a.status])).toEqual([
      ['editMessage', 'queued'],
      ['react', 'queued'],
      ['deleteMessage', 'queued'],
    ]);

    ctx.timers.advance(1_000);
    await flush();
    ctx.last().serverOpens();
    const join = ctx.last().framesOfType('join')[0]!;
    ctx.last().serverSends({ type: 'ack', ref: join.ref, ok: true });
    const changes = () => ctx.last().frames().filter((f) => ['editMessage', 'react', 'deleteMessage', 'markRead'].includes(f.type as string));
    expect(changes()).toEqual([]); // nothing before the missed history is in
    ctx.last().serverSends({ type: 'messageHistory', room: 'lobby', messages: [], hasMore: false, rev: 3 });
    expect(changes().map((f) => [f.type, f.seq])).toEqual([
      ['editMessage', 1],
      ['react', 2],
      ['deleteMessage', 1],
      ['markRead', 3],
    ]);
    // a change on its way when the connection drops goes again after the next re-join, once
    await reconnect(ctx);
    const again = ctx.last().framesOfType('join')[0]!;
    ctx.last().serverSends({ type: 'ack', ref: again.ref, ok: true });
    ctx.last().serverSends({ type: 'messageHistory', room: 'lobby', messages: [], hasMore: false, rev: 3 });
    expect(changes().map((f) => [f.type, f.seq])).toEqual([
      ['editMessage', 1],
      ['react', 2],
      ['deleteMessage', 1],
      ['markRead', 3],
    ]);
  });

  it('offers no edits, reactions or markers to a v1 server (no revs)', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    await flush();
    ctx.last().serverOpens();
    const join = ctx.last().framesOfType('join')[0]!;
    ctx.last().serverSends({ type: 'ack', ref: join.ref, ok: true });
    ctx.last().serverSends({ type: 'messageHistory', room: 'lobby', messages: [{ id: 1, room: 'lobby', seq: 1, user: 'alice', text: 'v1', timestamp: new Date().toISOString(), kind: 'user' }], hasMore: false });
    expect(ctx.client.editMessage('lobby', 1, 'x')).toBe(false);
    ctx.client.markRead('lobby', 1);
    expect(ctx.last().framesOfType('markRead')).toEqual([]);
    await reconnect(ctx);
    expect(ctx.last().framesOfType('join')[0]).toMatchObject({ sinceSeq: 1 });
  });
});

describe('ChatClient read markers and unread counts', () => {
  it('counts a joined room from its timeline, and my marker moving recounts it', async () => {
    const ctx = setup();
    ctx.listRooms.mockResolvedValue([listed('lobby', 1, 2)]);
    ctx.client.joinRoom('lobby');
    await answerJoin(ctx, [message(1), message(2), message(3, { mentions: ['alice'] })], 3);
    await flush();
    expect(ctx.listRooms).toHaveBeenCalled();
    expect(ctx.unread()).toMatchObject({ lastReadSeq: 1, unread: 2, unreadMentions: 1 });
    ctx.last().serverSends({ type: 'message', room: 'lobby', message: message(4) });
    ctx.last().serverSends({ type: 'message', room: 'lobby', message: message(5, { user: 'alice' }) });
    expect(ctx.unread()).toMatchObject({ unread: 3 });

    ctx.client.markRead('lobby', 4);
    expect(ctx.last().framesOfType('markRead')).toEqual([{ type: 'markRead', ref: expect.any(String), room: 'lobby', seq: 4 }]);
    expect(ctx.unread()).toMatchObject({ lastReadSeq: 4, unread: 0, unreadMentions: 0 });
    ctx.client.markRead('lobby', 3); // never back, and never twice
    ctx.client.markRead('lobby', 4);
    expect(ctx.last().framesOfType('markRead')).toHaveLength(1);
  });

  it('follows the read marker another tab moved, in rooms joined or not', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    ctx.listRooms.mockResolvedValue([listed('lobby', 0, 3), listed('Games', 10, 4, 1)]);
    await answerJoin(ctx, [message(1), message(2), message(3)], 3);
    await flush();
    ctx.last().serverSends({ type: 'readMarker', room: 'lobby', seq: 2 });
    expect(ctx.unread()).toMatchObject({ lastReadSeq: 2, unread: 1 });

    // a room not joined: its counts came from the list, so the list is fetched again
    ctx.listRooms.mockClear();
    ctx.listRooms.mockResolvedValue([listed('lobby', 2, 1), listed('Games', 14, 0)]);
    ctx.last().serverSends({ type: 'readMarker', room: 'games', seq: 14 });
    expect(ctx.unread('games')).toMatchObject({ lastReadSeq: 14, stale: true });
    ctx.timers.advance(500);
    await flush();
    expect(ctx.listRooms).toHaveBeenCalledTimes(1);
    expect(ctx.unread('games')).toMatchObject({ lastReadSeq: 14, unread: 0, unreadMentions: 0, stale: false });
  });

  it('counts a mention in a room this connection is not in, once, and passes it on', async () => {
    const ctx = setup();
    ctx.client.noteRoomListing([listed('Games', 10, 0)]);
    ctx.client.joinRoom('lobby');
    await answerJoin(ctx, [], 0);
    const mention = message(11, { room: 'Games', text: 'hey @alice', mentions: ['alice'] });
    ctx.last().serverSends({ type: 'mention', room: 'Games', message: mention });
    ctx.last().serverSends({ type: 'mention', room: 'Games', message: mention });
    expect(ctx.unread('games')).toMatchObject({ unread: 1, unreadMentions: 1, stale: false });
    expect(ctx.mentions).toHaveLength(2); // the notifier dedupes (see MentionNotifier)
    expect(ctx.mentions[0]).toMatchObject({ room: 'Games', message: { seq: 11 } });
    ctx.last().serverSends({ type: 'readMarker', room: 'games', seq: 11 });
    expect(ctx.unread('games')).toMatchObject({ unread: 0, unreadMentions: 0, stale: false });
  });

  it('passes on a live message of a joined room that mentions me, but not my own', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    await answerJoin(ctx, [message(1, { mentions: ['alice'] })], 1);
    expect(ctx.mentions).toEqual([]); // history is not news
    ctx.last().serverSends({ type: 'message', room: 'lobby', message: message(2, { mentions: ['Alice'] }) });
    ctx.last().serverSends({ type: 'message', room: 'lobby', message: message(3, { user: 'alice', mentions: ['alice'] }) });
    expect(ctx.mentions.map((m) => m.message.seq)).toEqual([2]);
  });
});
