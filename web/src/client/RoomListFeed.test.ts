import { describe, expect, it, vi } from 'vitest';
import type { Room, RoomListEvent } from '../api/types';
import type { RoomWatchStatus } from '../store/roomList';
import { fakeApi, fakeClient } from '../testing/clientFakes';
import { FakeTimers, flush } from '../testing/fakes';
import type { RoomWatchEvent } from './ChatClient';
import { RoomListFeed } from './RoomListFeed';

function room(name: string, memberCount: number): Room {
  return { name, description: '', creator: 'alice', isPrivate: false, memberCount, createdAt: '2024-01-01T00:00:00Z' };
}

/** Stands in for ChatClient.watchRooms: the test sets the status and sends events. */
class FakeWatch {
  status: RoomWatchStatus = 'off';
  listener: ((event: RoomWatchEvent) => void) | null = null;
  unsubscribed = 0;

  subscribe = (listener: (event: RoomWatchEvent) => void): (() => void) => {
    this.listener = listener;
    this.set('waiting');
    return () => {
      this.listener = null;
      this.status = 'off';
      this.unsubscribed++;
    };
  };

  set(status: RoomWatchStatus): void {
    this.status = status;
    this.listener?.({ type: 'status', status });
  }

  send(event: RoomListEvent): void {
    this.listener?.(event);
  }

  /** Connected and acknowledged, as after the server's ack. */
  activate(): void {
    this.set('pending');
    this.set('active');
  }
}

function setup(options: { manual?: boolean } = {}) {
  const timers = new FakeTimers();
  const watch = new FakeWatch();
  const server = { rooms: [room('Lobby', 1), room('games', 0)] };
  const requests: Array<{ resolve: (rooms: Room[]) => void; reject: (error: unknown) => void }> = [];
  const listRooms = vi.fn(() =>
    options.manual
      ? new Promise<Room[]>((resolve, reject) => requests.push({ resolve, reject }))
      : Promise.resolve(server.rooms.map((r) => ({ ...r }))),
  );
  const roomRequests: Array<{ name: string; resolve: (room: Room | null) => void }> = [];
  const getRoom = vi.fn((name: string) =>
    options.manual
      ? new Promise<Room | null>((resolve) => roomRequests.push({ name, resolve }))
      : Promise.resolve(server.rooms.find((r) => r.name.toLowerCase() === name.toLowerCase()) ?? null),
  );
  const page = { visible: true };
  const feed = new RoomListFeed({
    listRooms,
    getRoom,
    watch: watch.subscribe,
    watchStatus: () => watch.status,
    timers,
    isVisible: () => page.visible,
  });
  const counts = (): Record<string, number> | null => {
    const load = feed.getSnapshot().load;
    return load.state === 'ready' ? Object.fromEntries(load.rooms.map((r) => [r.name, r.memberCount])) : null;
  };
  return { feed, timers, watch, server, listRooms, getRoom, requests, roomRequests, page, counts };
}

/** Started, first list in, watching acknowledged and the catch-up fetch answered. */
async function watching(ctx: ReturnType<typeof setup>) {
  ctx.feed.start();
  await flush();
  ctx.watch.activate();
  await flush();
  ctx.listRooms.mockClear();
  ctx.getRoom.mockClear();
}

describe('RoomListFeed', () => {
  it('fetches at start and polls every 5 s while the server sends no live events', async () => {
    const ctx = setup();
    ctx.feed.start();
    await flush();
    expect(ctx.listRooms).toHaveBeenCalledTimes(1);
    expect(ctx.counts()).toEqual({ Lobby: 1, games: 0 });
    expect(ctx.feed.getSnapshot().watch).toBe('waiting');
    ctx.server.rooms = [room('Lobby', 2), room('games', 0)];
    ctx.timers.advance(4_999);
    expect(ctx.listRooms).toHaveBeenCalledTimes(1);
    ctx.timers.advance(1);
    await flush();
    expect(ctx.listRooms).toHaveBeenCalledTimes(2);
    expect(ctx.counts()).toEqual({ Lobby: 2, games: 0 });
  });

  it('fetches once when watching starts, then applies counts in place and only polls every 60 s', async () => {
    const ctx = setup();
    ctx.feed.start();
    await flush();
    ctx.watch.set('pending');
    expect(ctx.listRooms).toHaveBeenCalledTimes(1);
    ctx.watch.set('active');
    await flush();
    expect(ctx.listRooms).toHaveBeenCalledTimes(2); // events before the watch was in place are lost
    expect(ctx.feed.getSnapshot().watch).toBe('active');

    ctx.watch.send({ type: 'roomActivity', room: 'lobby', memberCount: 4 });
    ctx.watch.send({ type: 'roomActivity', room: 'games', memberCount: 1 });
    expect(ctx.counts()).toEqual({ Lobby: 4, games: 1 });
    ctx.timers.advance(59_999);
    await flush();
    expect(ctx.listRooms).toHaveBeenCalledTimes(2);
    ctx.timers.advance(1);
    await flush();
    expect(ctx.listRooms).toHaveBeenCalledTimes(3);
  });

  it('coalesces list changes for 300 ms after the first and fetches only the rooms they name, once each', async () => {
    const ctx = setup();
    await watching(ctx);
    ctx.server.rooms = [...ctx.server.rooms, room('new', 1)];
    ctx.watch.send({ type: 'roomListChanged', room: 'new' });
    ctx.timers.advance(100);
    ctx.watch.send({ type: 'roomListChanged', room: 'other' });
    ctx.timers.advance(100);
    ctx.watch.send({ type: 'roomListChanged', room: 'New' });
    ctx.timers.advance(99);
    expect(ctx.getRoom).not.toHaveBeenCalled();
    ctx.timers.advance(1);
    await flush();
    expect(ctx.getRoom.mock.calls.map((call) => call[0])).toEqual(['New', 'other']);
    expect(ctx.listRooms).not.toHaveBeenCalled();
    expect(ctx.counts()).toEqual({ Lobby: 1, games: 0, new: 1 });
    ctx.timers.advance(1_000);
    expect(ctx.getRoom).toHaveBeenCalledTimes(2);
  });

  it('drops a room the server no longer has and takes a changed one as the server now has it', async () => {
    const ctx = setup();
    await watching(ctx);
    ctx.server.rooms = [{ ...room('Lobby', 3), isPrivate: true }];
    ctx.watch.send({ type: 'roomListChanged', room: 'games' });
    ctx.watch.send({ type: 'roomListChanged', room: 'lobby' });
    ctx.timers.advance(300);
    await flush();
    const load = ctx.feed.getSnapshot().load;
    expect(load.state === 'ready' && load.rooms).toEqual([{ ...room('Lobby', 3), isPrivate: true }]);
    expect(ctx.listRooms).not.toHaveBeenCalled();
  });

  it('fetches the whole list once when a burst names more than ten rooms', async () => {
    const ctx = setup();
    await watching(ctx);
    for (let i = 0; i < 11; i++) ctx.watch.send({ type: 'roomListChanged', room: `quick ${i}` });
    ctx.timers.advance(300);
    await flush();
    expect(ctx.listRooms).toHaveBeenCalledTimes(1);
    expect(ctx.getRoom).not.toHaveBeenCalled();
  });

  it('fetches once for a room the list lacks, not on every count of a room the list never shows', async () => {
    const ctx = setup();
    await watching(ctx);
    ctx.watch.send({ type: 'roomActivity', room: 'hidden', memberCount: 1 });
    ctx.watch.send({ type: 'roomActivity', room: 'hidden', memberCount: 2 });
    ctx.timers.advance(300);
    await flush();
    expect(ctx.getRoom).toHaveBeenCalledTimes(1);
    ctx.watch.send({ type: 'roomActivity', room: 'Hidden', memberCount: 3 });
    ctx.timers.advance(300);
    await flush();
    expect(ctx.getRoom).toHaveBeenCalledTimes(1);
    expect(ctx.counts()).toEqual({ Lobby: 1, games: 0 });

    // after a list change, an unknown room is worth a look again
    ctx.watch.send({ type: 'roomListChanged', room: 'hidden' });
    ctx.timers.advance(300);
    await flush();
    expect(ctx.getRoom).toHaveBeenCalledTimes(2);
    ctx.server.rooms = [...ctx.server.rooms, room('Hidden', 0)];
    ctx.watch.send({ type: 'roomActivity', room: 'hidden', memberCount: 4 });
    ctx.timers.advance(300);
    await flush();
    expect(ctx.getRoom).toHaveBeenCalledTimes(3);
    expect(ctx.counts()).toEqual({ Lobby: 1, games: 0, Hidden: 0 });
    expect(ctx.listRooms).not.toHaveBeenCalled();
  });

  it('keeps a count that arrives while one room is fetched over the older answer', async () => {
    const ctx = setup({ manual: true });
    ctx.feed.start();
    ctx.requests[0]!.resolve([room('Lobby', 1)]);
    await flush();
    ctx.watch.send({ type: 'roomListChanged', room: 'games' });
    ctx.timers.advance(300);
    expect(ctx.roomRequests.map((r) => r.name)).toEqual(['games']);
    ctx.watch.send({ type: 'roomActivity', room: 'games', memberCount: 2 });
    ctx.roomRequests[0]!.resolve(room('games', 0));
    await flush();
    expect(ctx.counts()).toEqual({ Lobby: 1, games: 2 });
    ctx.timers.advance(300);
    expect(ctx.roomRequests).toHaveLength(1); // the count of a room on its way asks for nothing more
    expect(ctx.requests).toHaveLength(1);
  });

  it('without a way to fetch one room, a list change fetches the whole list', async () => {
    const timers = new FakeTimers();
    const watch = new FakeWatch();
    const listRooms = vi.fn(() => Promise.resolve([room('Lobby', 1)]));
    const feed = new RoomListFeed({ listRooms, watch: watch.subscribe, watchStatus: () => watch.status, timers });
    feed.start();
    await flush();
    watch.send({ type: 'roomListChanged', room: 'new' });
    timers.advance(300);
    await flush();
    expect(listRooms).toHaveBeenCalledTimes(2);
  });

  it('keeps polling every 5 s when the server refuses to watch', async () => {
    const ctx = setup();
    ctx.feed.start();
    await flush();
    ctx.watch.set('pending');
    ctx.timers.advance(1_000);
    ctx.watch.set('unsupported');
    await flush();
    expect(ctx.listRooms).toHaveBeenCalledTimes(1);
    expect(ctx.feed.getSnapshot().watch).toBe('unsupported');
    ctx.timers.advance(4_000);
    await flush();
    expect(ctx.listRooms).toHaveBeenCalledTimes(2);
    ctx.timers.advance(5_000);
    await flush();
    expect(ctx.listRooms).toHaveBeenCalledTimes(3);
  });

  it('polls every 5 s while the socket is down, and fetches once when watching again after the reconnect', async () => {
    const ctx = setup();
    await watching(ctx);
    ctx.timers.advance(10_000);
    ctx.watch.set('waiting'); // the connection dropped
    ctx.timers.advance(5_000);
    await flush();
    expect(ctx.listRooms).toHaveBeenCalledTimes(1);
    ctx.timers.advance(2_000);
    ctx.watch.set('pending');
    ctx.watch.set('active');
    await flush();
    expect(ctx.listRooms).toHaveBeenCalledTimes(2);
    ctx.timers.advance(59_999);
    await flush();
    expect(ctx.listRooms).toHaveBeenCalledTimes(2);
  });

  it('keeps counts that arrive while a request is on its way over its older answer', async () => {
    const ctx = setup({ manual: true });
    ctx.feed.start();
    ctx.requests[0]!.resolve([room('Lobby', 1)]);
    await flush();
    ctx.watch.activate();
    expect(ctx.requests).toHaveLength(2);
    ctx.watch.send({ type: 'roomActivity', room: 'Lobby', memberCount: 5 });
    expect(ctx.counts()).toEqual({ Lobby: 5 });
    ctx.requests[1]!.resolve([room('Lobby', 1), room('games', 0)]); // handled before the join
    await flush();
    expect(ctx.counts()).toEqual({ Lobby: 5, games: 0 });
  });

  it('fetches again when a change arrives while a request is on its way, never two at once', async () => {
    const ctx = setup({ manual: true });
    ctx.feed.start();
    ctx.watch.activate(); // asks for a catch-up while the first request is out
    ctx.watch.send({ type: 'roomListChanged', room: 'new' });
    ctx.timers.advance(300);
    expect(ctx.requests).toHaveLength(1);
    ctx.requests[0]!.resolve([room('Lobby', 1)]);
    await flush();
    expect(ctx.requests).toHaveLength(2);
    ctx.requests[1]!.resolve([room('Lobby', 1), room('new', 1)]);
    await flush();
    expect(ctx.requests).toHaveLength(2);
    expect(ctx.counts()).toEqual({ Lobby: 1, new: 1 });
  });

  it('keeps the list and says so when a fetch fails; shows the error when there is no list yet', async () => {
    const ctx = setup({ manual: true });
    ctx.feed.start();
    ctx.requests[0]!.reject(new Error('boom'));
    await flush();
    expect(ctx.feed.getSnapshot().load).toEqual({ state: 'error', error: 'Boom.' });
    ctx.feed.refresh();
    ctx.requests[1]!.resolve([room('Lobby', 1)]);
    await flush();
    ctx.timers.advance(5_000);
    ctx.requests[2]!.reject(new Error('down'));
    await flush();
    expect(ctx.feed.getSnapshot().load).toEqual({ state: 'ready', rooms: [room('Lobby', 1)], error: 'Down.' });
  });

  it('skips polls while the tab is hidden', async () => {
    const ctx = setup();
    ctx.feed.start();
    await flush();
    ctx.page.visible = false;
    ctx.timers.advance(10_000);
    expect(ctx.listRooms).toHaveBeenCalledTimes(1);
    ctx.page.visible = true;
    ctx.timers.advance(5_000);
    expect(ctx.listRooms).toHaveBeenCalledTimes(2);
  });

  it('stops watching and polling when stopped, drops a late answer, and can start again', async () => {
    const ctx = setup({ manual: true });
    ctx.feed.start();
    ctx.watch.send({ type: 'roomListChanged', room: 'x' });
    ctx.feed.stop();
    expect(ctx.watch.unsubscribed).toBe(1);
    expect(ctx.timers.size).toBe(0);
    expect(ctx.feed.getSnapshot().watch).toBe('off');
    ctx.requests[0]!.resolve([room('Lobby', 1)]);
    await flush();
    expect(ctx.feed.getSnapshot().load).toEqual({ state: 'loading' });

    ctx.feed.start(); // React's StrictMode mounts twice
    expect(ctx.requests).toHaveLength(2);
    expect(ctx.feed.getSnapshot().watch).toBe('waiting');
    ctx.requests[1]!.resolve([room('Lobby', 2)]);
    await flush();
    expect(ctx.counts()).toEqual({ Lobby: 2 });
  });
});

describe('RoomListFeed with ChatClient', () => {
  function setupWithClient() {
    const listRooms = vi.fn(() => Promise.resolve([room('Lobby', 1)]));
    const { client, timers, last } = fakeClient({ api: fakeApi({ listRooms }) });
    const feed = new RoomListFeed({
      listRooms: () => client.api.listRooms(),
      watch: (listener) => client.watchRooms(listener),
      watchStatus: () => client.roomWatchStatus,
      timers,
    });
    return { client, feed, timers, listRooms, last };
  }

  it('watches over the client socket and updates a count from a roomActivity frame', async () => {
    const ctx = setupWithClient();
    ctx.feed.start();
    await flush();
    ctx.last().serverOpens();
    const watch = ctx.last().framesOfType('watchRooms')[0]!;
    ctx.last().serverSends({ type: 'ack', ref: watch.ref, ok: true });
    await flush();
    expect(ctx.feed.getSnapshot().watch).toBe('active');
    expect(ctx.listRooms).toHaveBeenCalledTimes(2);
    ctx.last().serverSends({ type: 'roomActivity', room: 'Lobby', memberCount: 2 });
    const load = ctx.feed.getSnapshot().load;
    expect(load.state === 'ready' && load.rooms[0]!.memberCount).toBe(2);
    expect(ctx.listRooms).toHaveBeenCalledTimes(2);

    ctx.feed.stop();
    expect(ctx.last().framesOfType('unwatchRooms')).toHaveLength(1);
  });

  it('falls back to the 5 s poll when an older server answers watchRooms with MALFORMED', async () => {
    const ctx = setupWithClient();
    ctx.feed.start();
    await flush();
    ctx.last().serverOpens();
    const watch = ctx.last().framesOfType('watchRooms')[0]!;
    ctx.last().serverSends({ type: 'error', ref: watch.ref, code: 'MALFORMED', message: 'unknown type: watchRooms' });
    expect(ctx.feed.getSnapshot().watch).toBe('unsupported');
    ctx.listRooms.mockClear();
    ctx.timers.advance(5_000);
    await flush();
    expect(ctx.listRooms).toHaveBeenCalledTimes(1);
    ctx.feed.stop();
    expect(ctx.last().framesOfType('unwatchRooms')).toHaveLength(0);
  });
});
