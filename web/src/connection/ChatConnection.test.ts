import { describe, expect, it } from 'vitest';
import { FakeSocket, FakeTimers, flush } from '../testing/fakes';
import { ChatConnection, FatalConnectionError } from './ChatConnection';
import type { ConnectionStatus } from './machine';

function setup(options: { url?: (attempt: number) => Promise<string> } = {}) {
  const timers = new FakeTimers();
  const sockets: FakeSocket[] = [];
  const attempts: number[] = [];
  const connection = new ChatConnection({
    url:
      options.url ??
      (async (attempt) => {
        attempts.push(attempt);
        return `ws://chat.test/ws?attempt=${attempt}`;
      }),
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    timers,
    now: () => timers.now,
    random: () => 0,
  });
  const statuses: ConnectionStatus[] = [];
  connection.onState((s) => statuses.push(s.status));
  const frames: unknown[] = [];
  connection.onFrame((f) => frames.push(f));
  const last = () => sockets[sockets.length - 1]!;
  return { timers, sockets, attempts, connection, statuses, frames, last };
}

describe('ChatConnection', () => {
  it('connects and passes frames on', async () => {
    const { connection, statuses, last, frames } = setup();
    connection.start();
    await flush();
    last().serverOpens();
    last().serverSends({ type: 'pong' });
    expect(statuses).toEqual(['CONNECTING', 'CONNECTED']);
    expect(frames).toEqual([{ type: 'pong' }]);
  });

  it('sends frames only while connected', async () => {
    const { connection, last } = setup();
    expect(connection.send({ type: 'ping' })).toBe(false);
    connection.start();
    await flush();
    expect(connection.send({ type: 'ping' })).toBe(false);
    last().serverOpens();
    expect(connection.send({ type: 'typing', room: 'lobby' })).toBe(true);
    expect(last().frames()).toEqual([{ type: 'typing', room: 'lobby' }]);
  });

  it('reconnects after the backoff when the server goes away, asking for a fresh URL', async () => {
    const { connection, timers, sockets, attempts, last, statuses } = setup();
    connection.start();
    await flush();
    last().serverOpens();
    last().serverCloses(1001, 'server is shutting down');
    expect(connection.current).toMatchObject({ status: 'RECONNECTING', attempt: 1, lastError: 'The server is restarting.' });
    expect(timers.delays()).toEqual([250]);
    timers.advance(249);
    await flush();
    expect(sockets).toHaveLength(1);
    timers.advance(1);
    await flush();
    expect(sockets).toHaveLength(2);
    expect(attempts).toEqual([0, 1]);
    last().serverOpens();
    expect(statuses).toEqual(['CONNECTING', 'CONNECTED', 'RECONNECTING', 'RECONNECTING', 'CONNECTED']);
  });

  it('says why when the server ends the session (4001), and asks for a fresh URL', async () => {
    const { connection, timers, attempts, last } = setup();
    connection.start();
    await flush();
    last().serverOpens();
    last().serverCloses(4001, 'the session was logged out');
    expect(connection.current).toMatchObject({
      status: 'RECONNECTING',
      lastError: 'Your session has ended (the session was logged out).',
    });
    timers.advance(250);
    await flush();
    expect(attempts).toEqual([0, 1]);
  });

  it('gives up after ten failed attempts and starts again on retry', async () => {
    const { connection, timers, sockets, last } = setup();
    connection.start();
    await flush();
    last().serverCloses(1006);
    for (let i = 0; i < 10; i++) {
      timers.advance(60_000);
      await flush();
      last().serverCloses(1006);
    }
    expect(sockets).toHaveLength(11);
    expect(connection.current).toMatchObject({ status: 'FAILED', lastError: 'The server could not be reached.' });
    timers.advance(10 * 60_000);
    await flush();
    expect(sockets).toHaveLength(11);
    connection.retryNow();
    await flush();
    expect(sockets).toHaveLength(12);
    last().serverOpens();
    expect(connection.current.status).toBe('CONNECTED');
  });

  it('pings a quiet connection and drops it when nothing comes back', async () => {
    const { connection, timers, last, sockets } = setup();
    connection.start();
    await flush();
    last().serverOpens();
    timers.advance(25_000);
    expect(last().framesOfType('ping')).toHaveLength(1);
    timers.advance(9_999);
    expect(connection.current.status).toBe('CONNECTED');
    timers.advance(1);
    expect(connection.current).toMatchObject({ status: 'RECONNECTING', lastError: 'The server stopped answering.' });
    expect(sockets[0]!.closedByClient).toBe(true);
  });

  it('keeps a connection that answers the ping', async () => {
    const { connection, timers, last } = setup();
    connection.start();
    await flush();
    last().serverOpens();
    timers.advance(25_000);
    last().serverSends({ type: 'pong', ref: 'ping-1' });
    timers.advance(20_000);
    expect(connection.current.status).toBe('CONNECTED');
  });

  it('counts a handshake that hangs as a failed attempt', async () => {
    const { connection, timers } = setup();
    connection.start();
    await flush();
    timers.advance(10_000);
    expect(connection.current).toMatchObject({ status: 'RECONNECTING', attempt: 1, lastError: 'The server did not answer in time.' });
  });

  it('fails at once when the URL provider says retrying is pointless', async () => {
    const { connection, sockets } = setup({
      url: async () => {
        throw new FatalConnectionError('SESSION_EXPIRED', 'Your session has ended.');
      },
    });
    connection.start();
    await flush();
    expect(sockets).toHaveLength(0);
    expect(connection.current).toMatchObject({ status: 'FAILED', lastError: 'Your session has ended.' });
  });

  it('stops on request without reconnecting, and ignores the old socket afterwards', async () => {
    const { connection, timers, sockets, last, frames } = setup();
    connection.start();
    await flush();
    last().serverOpens();
    const old = last();
    connection.stop();
    expect(connection.current.status).toBe('DISCONNECTED');
    expect(old.closedByClient).toBe(true);
    old.serverSends({ type: 'pong' });
    old.serverCloses(1006);
    timers.advance(120_000);
    await flush();
    expect(frames).toEqual([]);
    expect(sockets).toHaveLength(1);
    expect(connection.current.status).toBe('DISCONNECTED');
  });

  it('ignores frames that are not JSON objects with a type', async () => {
    const { connection, last, frames } = setup();
    connection.start();
    await flush();
    last().serverOpens();
    last().onmessage?.({ data: 'not json' });
    last().onmessage?.({ data: '[1,2]' });
    last().onmessage?.({ data: '{"no":"type"}' });
    expect(frames).toEqual([]);
  });
});
