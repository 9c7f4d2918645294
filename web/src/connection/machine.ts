import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';

// The connection's life as a pure state machine: events in, a new state and effects out.
// The driver (ChatConnection) performs the effects; tests drive this function directly.

export type ConnectionStatus = 'DISCONNECTED' | 'CONNECTING' | 'CONNECTED' | 'RECONNECTING' | 'FAILED';

export interface ConnectionState {
  status: ConnectionStatus;
  /** The reconnect attempt waited for or in progress (1..maxAttempts); 0 outside an outage. */
  attempt: number;
  maxAttempts: number;
  /** Epoch millis when the next attempt starts, while RECONNECTING waits. */
  retryAt: number | null;
  /** A socket is being opened (CONNECTING, or RECONNECTING during an attempt). */
  opening: boolean;
  /** Why the last connection ended or failed, in words. */
  lastError: string | null;
}

export type ConnectionEvent =
  | { type: 'CONNECT' }
  | { type: 'OPENED' }
  | { type: 'CLOSED'; reason: string; retryable?: boolean }
  | { type: 'TIMER' }
  | { type: 'RETRY_NOW' }
  | { type: 'DISCONNECT' };

export type ConnectionEffect =
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'schedule'; delayMs: number }
  | { type: 'cancelTimer' };

export interface MachineContext {
  now: number;
  random: () => number;
  backoff?: BackoffOptions;
}

export const MAX_ATTEMPTS = 10;

export function initialState(maxAttempts: number = MAX_ATTEMPTS): ConnectionState {
  return { status: 'DISCONNECTED', attempt: 0, maxAttempts, retryAt: null, opening: false, lastError: null };
}

export interface Transition {
  state: ConnectionState;
  effects: ConnectionEffect[];
}

const unchanged = (state: ConnectionState): Transition => ({ state, effects: [] });

/** The next state and the effects to perform; events that do not apply in a state change nothing. */
export function transition(state: ConnectionState, event: ConnectionEvent, ctx: MachineContext): Transition {
  if (event.type === 'DISCONNECT') {
    if (state.status === 'DISCONNECTED') return unchanged(state);
    return {
      state: { ...state, status: 'DISCONNECTED', attempt: 0, retryAt: null, opening: false },
      effects: [{ type: 'cancelTimer' }, { type: 'close' }],
    };
  }
  switch (state.status) {
    case 'DISCONNECTED':
    case 'FAILED':
      if (event.type === 'CONNECT' || event.type === 'RETRY_NOW') {
        return {
          state: { ...state, status: 'CONNECTING', attempt: 0, retryAt: null, opening: true, lastError: null },
          effects: [{ type: 'open' }],
        };
      }
      return unchanged(state);
    case 'CONNECTING':
      if (event.type === 'OPENED') return connected(state);
      if (event.type === 'CLOSED') return lost(state, 1, event, ctx);
      return unchanged(state);
    case 'CONNECTED':
      if (event.type === 'CLOSED') return lost(state, 1, event, ctx);
      return unchanged(state);
    case 'RECONNECTING':
      if (state.opening) {
        if (event.type === 'OPENED') return connected(state);
        if (event.type === 'CLOSED') return lost(state, state.attempt + 1, event, ctx);
        return unchanged(state);
      }
      if (event.type === 'TIMER') {
        return { state: { ...state, opening: true, retryAt: null }, effects: [{ type: 'open' }] };
      }
      if (event.type === 'RETRY_NOW') {
        return { state: { ...state, opening: true, retryAt: null }, effects: [{ type: 'cancelTimer' }, { type: 'open' }] };
      }
      return unchanged(state);
  }
}

function connected(state: ConnectionState): Transition {
  return {
    state: { ...state, status: 'CONNECTED', attempt: 0, retryAt: null, opening: false, lastError: null },
    effects: [],
  };
}

/** The connection ended or an attempt failed: wait for attempt `next`, or give up. */
function lost(
  state: ConnectionState,
  next: number,
  event: { reason: string; retryable?: boolean },
  ctx: MachineContext,
): Transition {
  if (event.retryable === false || next > state.maxAttempts) {
    return {
      state: { ...state, status: 'FAILED', retryAt: null, opening: false, lastError: event.reason },
      effects: [],
    };
  }
  const delayMs = backoffDelay(next, ctx.random, ctx.backoff ?? DEFAULT_BACKOFF);
  return {
    state: {
      ...state,
      status: 'RECONNECTING',
      attempt: next,
      retryAt: ctx.now + delayMs,
      opening: false,
      lastError: event.reason,
    },
    effects: [{ type: 'schedule', delayMs }],
  };
}
