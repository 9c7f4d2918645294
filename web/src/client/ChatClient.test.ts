import { describe, expect, it, vi } from 'vitest';
import { ApiError, type Api } from '../api/rest';
import type { User, WireMessage } from '../api/types';
import { fakeApi, fakeClient, guestAlice } from '../testing/clientFakes';
import { flush } from '../testing/fakes';
import type { RoomWatchEvent } from './ChatClient';

const alice = guestAlice;

function chatApi(overrides: Partial<Api> = {}): Api {
  return fakeApi({
    me: vi.fn(() => Promise.resolve(alice)),
    listRooms: vi.fn(() => Promise.resolve([])),
    history: vi.fn(() => Promise.resolve({ messages: [], hasMore: false })),
    ...overrides,
  });
}

function setup(options: { user?: User; api?: Partial<Api> } = {}) {
  const api = chatApi(options.api);
  let counter = 0;
  const { client, timers, sockets, last, perTab } = fakeClient({
    api,
    user: options.user ?? alice,
    epochMs: 1_700_000_000_000,
    confirmTimeoutMs: 15_000,
  });
  vi.stubGlobal('crypto', { randomUUID: () => `temp-${++counter}` });
  const room = (name = 'lobby') => client.getSnapshot().rooms[name.toLowerCase()]!;
  return { client, timers, sockets, api, last, room, perTab };
}

function message(seq: number, user = 'bob', extra: Partial<WireMessage> = {}): WireMessage {
  return {
    id: seq,
    room: 'lobby',
    seq,
    user,
    text: `hello ${seq}`,
    timestamp: new Date(1_700_000_000_000 + seq * 1000).toISOString(),
    kind: 'user',
    ...extra,
  };
}

/** Opens the socket and answers the join the way the server does: ack, history, roomData. */
async function joinAnswered(ctx: ReturnType<typeof setup>, history: WireMessage[] = [], hasMore = false) {
  await flush();
  ctx.last().serverOpens();
  const join = ctx.last().framesOfType('join').at(-1)!;
  ctx.last().serverSends({ type: 'ack', ref: join.ref, ok: true });
  ctx.last().serverSends({ type: 'messageHistory', room: 'lobby', messages: history, hasMore });
  ctx.last().serverSends({
    type: 'roomData',
    room: 'lobby',
    users: [
      { username: 'alice', avatarUrl: '/a' },
      { username: 'bob', avatarUrl: '/b' },
    ],
    memberCount: 2,
  });
  return join;
}

describe('ChatClient', () => {
  it('connects to ws on the page host, sends the token first and joins without sinceSeq the first time', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    const join = await joinAnswered(ctx, [message(1), message(2)], true);
    expect(ctx.last().url).toBe('ws://chat.test:5000/ws');
    expect(ctx.last().frames()[0]).toEqual({ type: 'auth', ref: 'auth', token: 'token-1' });
    expect(join).toMatchObject({ type: 'join', room: 'lobby' });
    expect(join).not.toHaveProperty('sinceSeq');
    expect(ctx.room()).toMatchObject({ joinState: 'joined', memberCount: 2, historyLoaded: true });
    expect(ctx.room().timeline.items.map((i) => i.seq)).toEqual([1, 2]);
    expect(ctx.room().timeline.hasMoreOlder).toBe(true);
  });

  it('shows a sent message at once and marks it sent when the server confirms it', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    await joinAnswered(ctx);
    const tempId = ctx.client.sendMessage('lobby', ' hi there ');
    expect(ctx.room().timeline.items[0]).toMatchObject({ status: 'sending', text: 'hi there' });
    expect(ctx.last().framesOfType('sendMessage')).toEqual([
      { type: 'sendMessage', ref: tempId, room: 'lobby', tempId, text: 'hi there' },
    ]);
    ctx.last().serverSends({ type: 'messageConfirmed', ref: tempId, room: 'lobby', tempId, id: 9, seq: 1, timestamp: new Date().toISOString() });
    ctx.last().serverSends({ type: 'message', room: 'lobby', message: message(1, 'alice', { id: 9, tempId: tempId!, text: 'hi there' }) });
    expect(ctx.room().timeline.items).toHaveLength(1);
    expect(ctx.room().timeline.items[0]).toMatchObject({ status: 'sent', id: 9, seq: 1 });
  });

  it('refuses to send what the server would refuse', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    await joinAnswered(ctx);
    expect(ctx.client.sendMessage('lobby', '   ')).toBeNull();
    expect(ctx.client.sendMessage('lobby', 'x'.repeat(501))).toBeNull();
    expect(ctx.last().framesOfType('sendMessage')).toEqual([]);
  });

  it('queues messages while disconnected and sends them once after re-joining with the last seq', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    await joinAnswered(ctx, [message(1), message(2)]);
    ctx.last().serverCloses(1001);
    expect(ctx.client.getSnapshot().connection.status).toBe('RECONNECTING');

    const tempId = ctx.client.sendMessage('lobby', 'written offline');
    expect(ctx.room().timeline.items.at(-1)).toMatchObject({ status: 'queued' });

    ctx.timers.advance(1_000);
    await flush();
    expect(ctx.api.me).toHaveBeenCalled();
    expect(ctx.sockets).toHaveLength(2);
    ctx.last().serverOpens();
    const join = ctx.last().framesOfType('join')[0]!;
    expect(join).toMatchObject({ room: 'lobby', sinceSeq: 2 });
    // nothing goes out before the missed history is in
    expect(ctx.last().framesOfType('sendMessage')).toEqual([]);
    ctx.last().serverSends({ type: 'ack', ref: join.ref, ok: true });
    expect(ctx.last().framesOfType('sendMessage')).toEqual([]);
    ctx.last().serverSends({ type: 'messageHistory', room: 'lobby', messages: [message(3)], hasMore: false });
    expect(ctx.last().framesOfType('sendMessage')).toEqual([
      { type: 'sendMessage', ref: tempId, room: 'lobby', tempId, text: 'written offline' },
    ]);
    ctx.last().serverSends({ type: 'messageConfirmed', room: 'lobby', tempId, id: 4, seq: 4, timestamp: new Date().toISOString() });
    ctx.last().serverSends({ type: 'message', room: 'lobby', message: message(4, 'alice', { tempId: tempId!, text: 'written offline' }) });
    expect(ctx.room().timeline.items.map((i) => [i.seq, i.status])).toEqual([
      [1, 'sent'],
      [2, 'sent'],
      [3, 'sent'],
      [4, 'sent'],
    ]);
  });

  it('resends a message that was in flight with the same temp id, so the server can deduplicate it', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    await joinAnswered(ctx);
    const tempId = ctx.client.sendMessage('lobby', 'in flight');
    ctx.last().serverCloses(1006);
    ctx.timers.advance(1_000);
    await joinAnswered(ctx, [message(1, 'alice', { tempId: tempId!, text: 'in flight' })]);
    // the resumed history already holds it: nothing to resend
    expect(ctx.last().framesOfType('sendMessage')).toEqual([]);
    expect(ctx.room().timeline.items).toHaveLength(1);
    expect(ctx.room().timeline.items[0]).toMatchObject({ status: 'sent', seq: 1 });
  });

  it('resends with the same temp id when the server did not have it', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    await joinAnswered(ctx);
    const tempId = ctx.client.sendMessage('lobby', 'in flight');
    ctx.last().serverCloses(1006);
    ctx.timers.advance(1_000);
    await joinAnswered(ctx);
    expect(ctx.last().framesOfType('sendMessage')).toEqual([
      { type: 'sendMessage', ref: tempId, room: 'lobby', tempId, text: 'in flight' },
    ]);
  });

  it('pages the rest of a long outage with REST after the resumed history', async () => {
    const history = vi.fn(() => Promise.resolve({ messages: [message(4), message(5)], hasMore: false }));
    const ctx = setup({ api: { history } });
    ctx.client.joinRoom('lobby');
    await joinAnswered(ctx, [message(1)]);
    ctx.last().serverCloses(1006);
    ctx.timers.advance(1_000);
    await joinAnswered(ctx, [message(2), message(3)], true);
    await flush();
    expect(history).toHaveBeenCalledWith('lobby', { after: 3, limit: 100 });
    expect(ctx.room().timeline.items.map((i) => i.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('gets a guest a fresh token when the server forgot the session', async () => {
    const me = vi.fn(() => Promise.reject(new ApiError(401, 'UNAUTHORIZED', 'unknown or expired token')));
    const guest = vi.fn(() => Promise.resolve({ user: alice, token: 'token-2' }));
    const ctx = setup({ api: { me, guest } });
    ctx.client.joinRoom('lobby');
    await joinAnswered(ctx);
    ctx.last().serverCloses(1001);
    ctx.timers.advance(1_000);
    await flush();
    expect(guest).toHaveBeenCalledWith('alice');
    expect(ctx.last().url).toBe('ws://chat.test:5000/ws');
    ctx.last().serverOpens();
    expect(ctx.last().framesOfType('auth')).toEqual([{ type: 'auth', ref: 'auth', token: 'token-2' }]);
    expect(ctx.client.session?.token).toBe('token-2');
    expect(ctx.perTab.getItem('chillin.session')).toContain('token-2');
  });

  it('asks an account holder to log in again when the session is gone, then carries on', async () => {
    const bob: User = { username: 'bob', avatarUrl: '/b', guest: false, createdAt: '2025-01-01T00:00:00Z' };
    const me = vi.fn((): Promise<User> => Promise.reject(new ApiError(401, 'UNAUTHORIZED', 'unknown or expired token')));
    const login = vi.fn(() => Promise.resolve({ user: bob, token: 'token-9' }));
    const ctx = setup({ user: bob, api: { me, login } });
    ctx.client.joinRoom('lobby');
    await joinAnswered(ctx);
    ctx.client.sendMessage('lobby', 'keep me');
    ctx.last().serverCloses(1001);
    ctx.timers.advance(1_000);
    await flush();
    const snapshot = ctx.client.getSnapshot();
    expect(snapshot.connection.status).toBe('FAILED');
    expect(snapshot.sessionProblem?.code).toBe('SESSION_EXPIRED');
    expect(ctx.sockets).toHaveLength(1);

    me.mockImplementation(() => Promise.resolve(bob));
    await ctx.client.reauthenticate('secret1');
    expect(login).toHaveBeenCalledWith('bob', 'secret1');
    await joinAnswered(ctx);
    expect(ctx.last().framesOfType('auth').map((f) => f.token)).toEqual(['token-9']);
    expect(ctx.client.getSnapshot().sessionProblem).toBeNull();
    expect(ctx.last().framesOfType('sendMessage').map((f) => f.text)).toEqual(['keep me']);
  });

  it('says clearly when a private room refuses the password, and joins with the right one', async () => {
    const ctx = setup();
    ctx.client.joinRoom('vault', 'wrong-password');
    await flush();
    ctx.last().serverOpens();
    const join = ctx.last().framesOfType('join')[0]!;
    expect(join).toMatchObject({ room: 'vault', password: 'wrong-password' });
    ctx.last().serverSends({ type: 'error', ref: join.ref, code: 'FORBIDDEN', message: "wrong password for room 'vault'" });
    expect(ctx.room('vault')).toMatchObject({ joinState: 'error', joinError: { code: 'FORBIDDEN' } });
    expect(ctx.room('vault').joinError?.message).toMatch(/password is not right/);

    ctx.client.joinRoom('vault', 'right-password');
    expect(ctx.last().framesOfType('join')[1]).toMatchObject({ room: 'vault', password: 'right-password' });
    expect(ctx.room('vault').joinState).toBe('joining');
  });

  it('tells the user when the room is deleted and does not rejoin it after a reconnect', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    await joinAnswered(ctx);
    const socket = ctx.last();

    socket.serverSends({ type: 'roomDeleted', room: 'lobby' });

    expect(ctx.room('lobby')).toMatchObject({ joinState: 'error', joinError: { code: 'NOT_FOUND' }, memberCount: 0 });
    expect(ctx.room('lobby').joinError?.message).toMatch(/deleted/);
    ctx.client.joinRoom('other');
    socket.serverCloses(1001);
    ctx.timers.advance(60_000);
    await flush();
    expect(ctx.sockets).toHaveLength(2);
    ctx.last().serverOpens();
    expect(ctx.last().framesOfType('join').map((f) => f.room)).toEqual(['other']);
  });

  it('marks a rate-limited message failed with the wait, and retries it with the same temp id', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    await joinAnswered(ctx);
    const tempId = ctx.client.sendMessage('lobby', 'one too many')!;
    ctx.last().serverSends({ type: 'error', ref: tempId, code: 'RATE_LIMITED', message: 'slow down', retryAfter: 4 });
    expect(ctx.room().timeline.items[0]).toMatchObject({ status: 'failed' });
    expect(ctx.room().timeline.items[0]!.error).toMatch(/Try again in 4 s/);
    ctx.client.retryMessage('lobby', tempId);
    expect(ctx.room().timeline.items[0]!.status).toBe('sending');
    expect(ctx.last().framesOfType('sendMessage').map((f) => f.tempId)).toEqual([tempId, tempId]);
  });

  it('fails a message the server never confirms', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    await joinAnswered(ctx);
    ctx.client.sendMessage('lobby', 'into the void');
    ctx.timers.advance(15_000);
    expect(ctx.room().timeline.items[0]).toMatchObject({ status: 'failed', error: 'The server did not confirm this message.' });
  });

  it('shows who is typing until they stop, send, or go quiet', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    await joinAnswered(ctx);
    ctx.last().serverSends({ type: 'userTyping', room: 'lobby', user: 'bob' });
    ctx.last().serverSends({ type: 'userTyping', room: 'lobby', user: 'alice' });
    expect(ctx.room().typing).toEqual(['bob']);
    ctx.last().serverSends({ type: 'message', room: 'lobby', message: message(1, 'bob') });
    expect(ctx.room().typing).toEqual([]);
    ctx.last().serverSends({ type: 'userTyping', room: 'lobby', user: 'bob' });
    ctx.last().serverSends({ type: 'userStoppedTyping', room: 'lobby', user: 'bob' });
    expect(ctx.room().typing).toEqual([]);
    ctx.last().serverSends({ type: 'userTyping', room: 'lobby', user: 'bob' });
    ctx.timers.advance(7_000);
    expect(ctx.room().typing).toEqual([]);
  });

  it('sends typing notices only in a joined room', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    await flush();
    ctx.last().serverOpens();
    ctx.client.setTyping('lobby', true);
    expect(ctx.last().framesOfType('typing')).toEqual([]);
    ctx.last().serverSends({ type: 'ack', ref: ctx.last().framesOfType('join')[0]!.ref, ok: true });
    ctx.client.setTyping('lobby', true);
    ctx.client.setTyping('lobby', false);
    expect(ctx.last().frames().slice(-2)).toEqual([
      { type: 'typing', room: 'lobby' },
      { type: 'stopTyping', room: 'lobby' },
    ]);
  });

  it('loads older history with REST before the oldest seq shown', async () => {
    const history = vi.fn(() => Promise.resolve({ messages: [message(1), message(2)], hasMore: false }));
    const ctx = setup({ api: { history } });
    ctx.client.joinRoom('lobby');
    await joinAnswered(ctx, [message(3), message(4)], true);
    await ctx.client.loadOlder('lobby');
    expect(history).toHaveBeenCalledWith('lobby', { before: 3, limit: 50 });
    expect(ctx.room().timeline.items.map((i) => i.seq)).toEqual([1, 2, 3, 4]);
    expect(ctx.room().timeline.hasMoreOlder).toBe(false);
  });

  it('leaves a room with a leave frame and forgets it', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    await joinAnswered(ctx);
    ctx.client.leaveRoom('lobby');
    expect(ctx.last().framesOfType('leave')).toHaveLength(1);
    expect(ctx.client.getSnapshot().rooms).toEqual({});
  });

  it('starts signed out, saying why, when a remembered account session is no longer valid', async () => {
    const bob: User = { username: 'bob', avatarUrl: '/b', guest: false, createdAt: '2025-01-01T00:00:00Z' };
    const me = vi.fn((): Promise<User> => Promise.reject(new ApiError(401, 'UNAUTHORIZED', 'unknown or expired token')));
    const ctx = setup({ user: bob, api: { me } });
    await expect(ctx.client.restoreSession()).resolves.toBeNull();
    expect(ctx.client.getSnapshot().sessionProblem?.code).toBe('SESSION_EXPIRED');
    expect(ctx.perTab.getItem('chillin.session')).toBeNull();
  });

  it('keeps a remembered session that still works', async () => {
    const ctx = setup();
    await expect(ctx.client.restoreSession()).resolves.toMatchObject({ token: 'token-1' });
  });
});

describe('ChatClient room-list watching', () => {
  function watchWith(ctx: ReturnType<typeof setup>) {
    const events: RoomWatchEvent[] = [];
    const stop = ctx.client.watchRooms((event) => events.push(event));
    const statuses = () => events.filter((e) => e.type === 'status').map((e) => (e as { status: string }).status);
    return { events, stop, statuses };
  }

  it('opens the socket for the rooms screen, asks to watch once connected, and is active on the ack', async () => {
    const ctx = setup();
    const w = watchWith(ctx);
    expect(ctx.client.roomWatchStatus).toBe('waiting');
    await flush();
    expect(ctx.sockets).toHaveLength(1);
    ctx.last().serverOpens();
    const watch = ctx.last().framesOfType('watchRooms');
    expect(watch).toHaveLength(1);
    expect(ctx.client.roomWatchStatus).toBe('pending');
    ctx.last().serverSends({ type: 'ack', ref: watch[0]!.ref, ok: true });
    expect(w.statuses()).toEqual(['waiting', 'pending', 'active']);
    expect(ctx.last().framesOfType('join')).toHaveLength(0);
  });

  it('passes room events on, ignores types it does not know, and drops a nonsense count', async () => {
    const ctx = setup();
    const w = watchWith(ctx);
    await flush();
    ctx.last().serverOpens();
    ctx.last().serverSends({ type: 'ack', ref: ctx.last().framesOfType('watchRooms')[0]!.ref, ok: true });
    ctx.last().serverSends({ type: 'roomActivity', room: 'lobby', memberCount: 3 });
    ctx.last().serverSends({ type: 'roomActivity', room: 'lobby', memberCount: -1 });
    ctx.last().serverSends({ type: 'somethingNew', room: 'lobby' });
    ctx.last().serverSends({ type: 'roomListChanged', room: 'games' });
    expect(w.events.filter((e) => e.type !== 'status')).toEqual([
      { type: 'roomActivity', room: 'lobby', memberCount: 3 },
      { type: 'roomListChanged', room: 'games' },
    ]);
  });

  it('watches at once on a connection that is already open (coming back from a room)', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    await joinAnswered(ctx);
    ctx.client.leaveRoom('lobby');
    watchWith(ctx);
    expect(ctx.last().framesOfType('watchRooms')).toHaveLength(1);
    expect(ctx.client.roomWatchStatus).toBe('pending');
    expect(ctx.sockets).toHaveLength(1);
  });

  it('is unsupported on this connection when the server answers watchRooms with an error', async () => {
    const ctx = setup();
    const w = watchWith(ctx);
    await flush();
    ctx.last().serverOpens();
    const watch = ctx.last().framesOfType('watchRooms')[0]!;
    ctx.last().serverSends({ type: 'error', ref: watch.ref, code: 'MALFORMED', message: 'unknown type' });
    expect(w.statuses()).toEqual(['waiting', 'pending', 'unsupported']);
    w.stop();
    expect(ctx.last().framesOfType('unwatchRooms')).toHaveLength(0);
  });

  it('asks to watch again after every reconnect, next to the room re-joins', async () => {
    const ctx = setup();
    ctx.client.joinRoom('lobby');
    await joinAnswered(ctx);
    const w = watchWith(ctx);
    ctx.last().serverSends({ type: 'ack', ref: ctx.last().framesOfType('watchRooms')[0]!.ref, ok: true });
    ctx.last().serverCloses(1001);
    expect(ctx.client.roomWatchStatus).toBe('waiting');
    ctx.timers.advance(60_000);
    await flush();
    expect(ctx.sockets).toHaveLength(2);
    ctx.last().serverOpens();
    expect(ctx.last().framesOfType('join')).toHaveLength(1);
    const again = ctx.last().framesOfType('watchRooms');
    expect(again).toHaveLength(1);
    ctx.last().serverSends({ type: 'ack', ref: again[0]!.ref, ok: true });
    expect(w.statuses()).toEqual(['waiting', 'pending', 'active', 'waiting', 'pending', 'active']);
  });

  it('stops watching with unwatchRooms when the last watcher goes, and passes nothing on after', async () => {
    const ctx = setup();
    const first = watchWith(ctx);
    const second = watchWith(ctx);
    await flush();
    ctx.last().serverOpens();
    expect(ctx.last().framesOfType('watchRooms')).toHaveLength(1);
    ctx.last().serverSends({ type: 'ack', ref: ctx.last().framesOfType('watchRooms')[0]!.ref, ok: true });
    first.stop();
    expect(ctx.last().framesOfType('unwatchRooms')).toHaveLength(0);
    second.stop();
    expect(ctx.last().framesOfType('unwatchRooms')).toHaveLength(1);
    expect(ctx.client.roomWatchStatus).toBe('off');
    const before = second.events.length;
    ctx.last().serverSends({ type: 'roomActivity', room: 'lobby', memberCount: 3 });
    expect(second.events).toHaveLength(before);
    expect(ctx.last().closedByClient).toBe(false); // the next screen most likely needs the connection
  });
});
