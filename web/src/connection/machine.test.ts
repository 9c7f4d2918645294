import { describe, expect, it } from 'vitest';
import { initialState, MAX_ATTEMPTS, transition, type ConnectionEvent, type ConnectionState } from './machine';

const ctx = { now: 1_000, random: () => 0 };

function run(state: ConnectionState, ...events: ConnectionEvent[]) {
  let current = state;
  const effects = [];
  for (const event of events) {
    const result = transition(current, event, ctx);
    current = result.state;
    effects.push(...result.effects);
  }
  return { state: current, effects };
}

const closed: ConnectionEvent = { type: 'CLOSED', reason: 'gone' };

describe('connection state machine', () => {
  it('starts disconnected and connects on request', () => {
    const start = initialState();
    expect(start.status).toBe('DISCONNECTED');
    const { state, effects } = run(start, { type: 'CONNECT' });
    expect(state.status).toBe('CONNECTING');
    expect(state.opening).toBe(true);
    expect(effects).toEqual([{ type: 'open' }]);
  });

  it('is connected once the socket opens', () => {
    const { state } = run(initialState(), { type: 'CONNECT' }, { type: 'OPENED' });
    expect(state).toMatchObject({ status: 'CONNECTED', attempt: 0, lastError: null, retryAt: null });
  });

  it('goes to reconnecting with a backoff timer when a connected socket closes', () => {
    const { state, effects } = run(initialState(), { type: 'CONNECT' }, { type: 'OPENED' }, closed);
    expect(state).toMatchObject({ status: 'RECONNECTING', attempt: 1, opening: false, lastError: 'gone' });
    expect(effects).toEqual([{ type: 'open' }, { type: 'schedule', delayMs: 250 }]);
    expect(state.retryAt).toBe(1_250);
  });

  it('opens a socket when the backoff timer fires and is connected when it opens', () => {
    const lost = run(initialState(), { type: 'CONNECT' }, { type: 'OPENED' }, closed).state;
    const trying = run(lost, { type: 'TIMER' });
    expect(trying.state).toMatchObject({ status: 'RECONNECTING', opening: true, attempt: 1 });
    expect(trying.effects).toEqual([{ type: 'open' }]);
    expect(run(trying.state, { type: 'OPENED' }).state).toMatchObject({ status: 'CONNECTED', attempt: 0 });
  });

  it('waits longer after each failed attempt', () => {
    let state = run(initialState(), { type: 'CONNECT' }, { type: 'OPENED' }, closed).state;
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const result = run(state, { type: 'TIMER' }, closed);
      state = result.state;
      const schedule = result.effects.find((e) => e.type === 'schedule');
      if (schedule?.type === 'schedule') delays.push(schedule.delayMs);
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000]);
    expect(state.attempt).toBe(6);
  });

  it('fails after ten attempts, and not before', () => {
    let state = run(initialState(), { type: 'CONNECT' }, { type: 'OPENED' }, closed).state;
    let opens = 0;
    while (state.status === 'RECONNECTING') {
      const result = run(state, { type: 'TIMER' }, closed);
      opens += result.effects.filter((e) => e.type === 'open').length;
      state = result.state;
    }
    expect(opens).toBe(MAX_ATTEMPTS);
    expect(state).toMatchObject({ status: 'FAILED', lastError: 'gone', opening: false });
  });

  it('counts a first connect that never opens as an outage too', () => {
    const { state } = run(initialState(), { type: 'CONNECT' }, closed);
    expect(state).toMatchObject({ status: 'RECONNECTING', attempt: 1 });
  });

  it('starts over with a fresh attempt count when retried from failed', () => {
    const failed: ConnectionState = { ...initialState(), status: 'FAILED', attempt: 10, lastError: 'gone' };
    const { state, effects } = run(failed, { type: 'RETRY_NOW' });
    expect(state).toMatchObject({ status: 'CONNECTING', attempt: 0, lastError: null, opening: true });
    expect(effects).toEqual([{ type: 'open' }]);
  });

  it('skips the wait when asked to retry now', () => {
    const lost = run(initialState(), { type: 'CONNECT' }, { type: 'OPENED' }, closed).state;
    const { state, effects } = run(lost, { type: 'RETRY_NOW' });
    expect(state).toMatchObject({ status: 'RECONNECTING', opening: true, attempt: 1, retryAt: null });
    expect(effects).toEqual([{ type: 'cancelTimer' }, { type: 'open' }]);
  });

  it('stops for good on a non-retryable failure', () => {
    const { state, effects } = run(initialState(), { type: 'CONNECT' }, { type: 'CLOSED', reason: 'session ended', retryable: false });
    expect(state).toMatchObject({ status: 'FAILED', lastError: 'session ended' });
    expect(effects).toEqual([{ type: 'open' }]);
  });

  it('disconnects from any state, cancelling timers and closing the socket', () => {
    const lost = run(initialState(), { type: 'CONNECT' }, { type: 'OPENED' }, closed).state;
    const { state, effects } = run(lost, { type: 'DISCONNECT' });
    expect(state).toMatchObject({ status: 'DISCONNECTED', attempt: 0, retryAt: null });
    expect(effects).toEqual([{ type: 'cancelTimer' }, { type: 'close' }]);
    expect(run(state, { type: 'DISCONNECT' }).effects).toEqual([]);
  });

  it('ignores events that do not apply', () => {
    const connected = run(initialState(), { type: 'CONNECT' }, { type: 'OPENED' }).state;
    for (const event of [{ type: 'OPENED' }, { type: 'TIMER' }, { type: 'CONNECT' }, { type: 'RETRY_NOW' }] as ConnectionEvent[]) {
      const result = transition(connected, event, ctx);
      expect(result.state).toBe(connected);
      expect(result.effects).toEqual([]);
    }
    const idle = initialState();
    expect(transition(idle, closed, ctx).state).toBe(idle);
    expect(transition(idle, { type: 'TIMER' }, ctx).state).toBe(idle);
  });
});
