import { describe, expect, it, vi } from 'vitest';
import { FakeTimers } from '../testing/fakes';
import { PendingRequests } from './PendingRequests';

describe('PendingRequests', () => {
  it('gives each request a fresh ref and hands it back once for its answer', () => {
    const table = new PendingRequests(new FakeTimers());
    const join = table.add({ kind: 'join', key: 'lobby' });
    const watch = table.add({ kind: 'watch' });
    expect(join).toMatch(/^join-\d+$/);
    expect(watch).not.toBe(join);
    expect(table.take(join)).toEqual({ kind: 'join', key: 'lobby' });
    expect(table.take(join)).toBeUndefined();
    expect(table.take('somebody-else')).toBeUndefined();
  });

  it('keeps a send under its temp id and times it out unless answered', () => {
    const timers = new FakeTimers();
    const table = new PendingRequests(timers);
    const onTimeout = vi.fn();
    table.add({ kind: 'send', key: 'lobby', tempId: 't1' }, { ref: 't1', timeoutMs: 1000, onTimeout });
    table.add({ kind: 'send', key: 'lobby', tempId: 't2' }, { ref: 't2', timeoutMs: 1000, onTimeout });
    expect(table.take('t1')).toMatchObject({ tempId: 't1' });
    timers.advance(1000);
    expect(onTimeout).toHaveBeenCalledTimes(1);
    expect(table.take('t2')).toBeUndefined();
  });

  it('a request sent again under the same ref replaces the first and its timer', () => {
    const timers = new FakeTimers();
    const table = new PendingRequests(timers);
    const onTimeout = vi.fn();
    table.add({ kind: 'send', key: 'lobby', tempId: 't1' }, { ref: 't1', timeoutMs: 1000, onTimeout });
    timers.advance(600);
    table.add({ kind: 'send', key: 'lobby', tempId: 't1' }, { ref: 't1', timeoutMs: 1000, onTimeout });
    timers.advance(600);
    expect(onTimeout).not.toHaveBeenCalled();
    timers.advance(400);
    expect(onTimeout).toHaveBeenCalledTimes(1);
  });

  it('forgets a room, or everything when the connection closes, and says what was open', () => {
    const timers = new FakeTimers();
    const table = new PendingRequests(timers);
    table.add({ kind: 'join', key: 'lobby' });
    table.add({ kind: 'markRead', key: 'games', seq: 4 }, { timeoutMs: 10, onTimeout: () => {} });
    table.add({ kind: 'watch' });
    expect(table.drop((r) => 'key' in r && r.key === 'lobby')).toEqual([{ kind: 'join', key: 'lobby' }]);
    expect(table.clear()).toEqual([{ kind: 'markRead', key: 'games', seq: 4 }, { kind: 'watch' }]);
    expect(table.size).toBe(0);
    expect(timers.size).toBe(0);
  });
});
