import { parseServerFrame, type ClientFrame, type ServerFrame } from '../api/types';
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { initialState, MAX_ATTEMPTS, transition, type ConnectionEffect, type ConnectionEvent, type ConnectionState } from './machine';

/** The part of the browser's WebSocket the connection uses, so tests can hand in a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: { code: number; reason: string; wasClean?: boolean }) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Thrown by the URL provider when retrying is pointless (the session ended): the connection goes to FAILED. */
export class FatalConnectionError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'FatalConnectionError';
    this.code = code;
  }
}

export interface ConnectionOptions {
  /** The WebSocket URL for the next attempt; may refresh the session first. `attempt` is 0 for the first connect. */
  url: (attempt: number) => Promise<string>;
  createSocket: (url: string) => SocketLike;
  timers?: Timers;
  now?: () => number;
  random?: () => number;
  backoff?: BackoffOptions;
  maxAttempts?: number;
  /** Idle time after which a ping is sent, and how long to wait for any frame after it. */
  heartbeatMs?: number;
  heartbeatTimeoutMs?: number;
  /** How long a socket may stay in the handshake before the attempt counts as failed. */
  openTimeoutMs?: number;
}

const OPEN = 1;

/** Human text for a close code, for the status banner. */
export function describeClose(code: number, reason: string): string {
  switch (code) {
    case 1000:
      return 'The connection was closed.';
    case 1001:
      return 'The server is restarting.';
    case 1006:
      return 'The server could not be reached.';
    case 1008:
      return 'The server closed the connection (the client fell behind).';
    case 1009:
      return 'The server closed the connection (a frame was too large).';
    case 1011:
      return 'The server hit an error.';
    case 4001:
      return reason ? `Your session has ended (${reason}).` : 'Your session has ended.';
    default:
      return reason ? `The connection closed: ${reason}.` : `The connection closed (code ${code}).`;
  }
}

/**
 * One WebSocket to the server, kept alive: runs the state machine, opens sockets, waits with
 * backoff between attempts, pings an idle connection and drops one that stopped answering.
 */
export class ChatConnection {
  private state: ConnectionState;
  private socket: SocketLike | null = null;
  private epoch = 0;
  private retryTimer: unknown = null;
  private heartbeatTimer: unknown = null;
  private heartbeatDeadline: unknown = null;
  private openTimer: unknown = null;
  private pingCounter = 0;
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly frameListeners = new Set<(frame: ServerFrame) => void>();
  private readonly timers: Timers;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly backoff: BackoffOptions;
  private readonly heartbeatMs: number;
  private readonly heartbeatTimeoutMs: number;
  private readonly openTimeoutMs: number;

  constructor(private readonly options: ConnectionOptions) {
    this.state = initialState(options.maxAttempts ?? MAX_ATTEMPTS);
    this.timers = options.timers ?? {
      setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
      clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
    };
    this.now = options.now ?? (() => Date.now());
    this.random = options.random ?? Math.random;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.heartbeatMs = options.heartbeatMs ?? 25_000;
    this.heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 10_000;
    this.openTimeoutMs = options.openTimeoutMs ?? 10_000;
  }

  get current(): ConnectionState {
    return this.state;
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onFrame(listener: (frame: ServerFrame) => void): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  /** Connects, unless already connected or on the way. */
  start(): void {
    this.dispatch({ type: 'CONNECT' });
  }

  /** Skips the wait (or leaves FAILED) and tries now. */
  retryNow(): void {
    this.dispatch({ type: 'RETRY_NOW' });
  }

  /** Closes on purpose: no reconnecting. */
  stop(): void {
    this.dispatch({ type: 'DISCONNECT' });
  }

  /** Drops the current socket as if the network had failed (after a session change, say); reconnects with backoff. */
  reconnect(reason: string): void {
    if (this.socket === null) return;
    this.abandonSocket();
    this.dispatch({ type: 'CLOSED', reason });
  }

  /** Sends a frame when connected; false when it could not be sent (the caller queues it). */
  send(frame: ClientFrame): boolean {
    const socket = this.socket;
    if (this.state.status !== 'CONNECTED' || socket === null || socket.readyState !== OPEN) return false;
    try {
      socket.send(JSON.stringify(frame));
      return true;
    } catch {
      return false;
    }
  }

  private dispatch(event: ConnectionEvent): void {
    const { state, effects } = transition(this.state, event, { now: this.now(), random: this.random, backoff: this.backoff });
    const changed = state !== this.state;
    this.state = state;
    for (const effect of effects) this.perform(effect);
    if (changed) for (const listener of [...this.stateListeners]) listener(state);
  }

  private perform(effect: ConnectionEffect): void {
    switch (effect.type) {
      case 'open':
        this.open();
        break;
      case 'close':
        this.abandonSocket();
        this.epoch++;
        break;
      case 'schedule':
        this.clearRetryTimer();
        this.retryTimer = this.timers.setTimeout(() => {
          this.retryTimer = null;
          this.dispatch({ type: 'TIMER' });
        }, effect.delayMs);
        break;
      case 'cancelTimer':
        this.clearRetryTimer();
        break;
    }
  }

  private open(): void {
    const epoch = ++this.epoch;
    const attempt = this.state.attempt;
    this.options
      .url(attempt)
      .then((url) => {
        if (epoch !== this.epoch || !this.state.opening) return;
        let socket: SocketLike;
        try {
          socket = this.options.createSocket(url);
        } catch (e) {
          this.dispatch({ type: 'CLOSED', reason: e instanceof Error ? e.message : 'could not open a connection' });
          return;
        }
        this.attach(socket, epoch);
      })
      .catch((error: unknown) => {
        if (epoch !== this.epoch) return;
        const fatal = error instanceof FatalConnectionError;
        this.dispatch({
          type: 'CLOSED',
          reason: error instanceof Error ? error.message : 'could not prepare the connection',
          retryable: !fatal,
        });
      });
  }

  private attach(socket: SocketLike, epoch: number): void {
    this.socket = socket;
    this.openTimer = this.timers.setTimeout(() => {
      this.openTimer = null;
      if (this.socket !== socket || epoch !== this.epoch) return;
      this.abandonSocket();
      this.dispatch({ type: 'CLOSED', reason: 'The server did not answer in time.' });
    }, this.openTimeoutMs);
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.clearOpenTimer();
      this.dispatch({ type: 'OPENED' });
      this.armHeartbeat();
    };
    socket.onmessage = (ev) => {
      if (this.socket !== socket) return;
      this.armHeartbeat();
      const frame = parseServerFrame(ev.data);
      if (frame === null) return;
      for (const listener of [...this.frameListeners]) listener(frame);
    };
    socket.onerror = () => {
      // onclose follows with the code
    };
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.detach(socket);
      this.socket = null;
      this.clearOpenTimer();
      this.clearHeartbeat();
      this.dispatch({ type: 'CLOSED', reason: describeClose(ev.code, ev.reason) });
    };
  }

  /** After a quiet period, ping; if nothing at all comes back in time, the connection is dead. */
  private armHeartbeat(): void {
    this.clearHeartbeat();
    const socket = this.socket;
    this.heartbeatTimer = this.timers.setTimeout(() => {
      this.heartbeatTimer = null;
      if (this.socket !== socket || !this.send({ type: 'ping', ref: `ping-${++this.pingCounter}` })) return;
      this.heartbeatDeadline = this.timers.setTimeout(() => {
        this.heartbeatDeadline = null;
        if (this.socket !== socket) return;
        this.abandonSocket();
        this.dispatch({ type: 'CLOSED', reason: 'The server stopped answering.' });
      }, this.heartbeatTimeoutMs);
    }, this.heartbeatMs);
  }

  private abandonSocket(): void {
    const socket = this.socket;
    this.socket = null;
    this.clearOpenTimer();
    this.clearHeartbeat();
    if (socket === null) return;
    this.detach(socket);
    try {
      socket.close(1000, 'client closed');
    } catch {
      // already closed
    }
  }

  private detach(socket: SocketLike): void {
    socket.onopen = null;
    socket.onclose = null;
    socket.onmessage = null;
    socket.onerror = null;
  }

  private clearRetryTimer(): void {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private clearOpenTimer(): void {
    if (this.openTimer !== null) this.timers.clearTimeout(this.openTimer);
    this.openTimer = null;
  }

  private clearHeartbeat(): void {
    if (this.heartbeatTimer !== null) this.timers.clearTimeout(this.heartbeatTimer);
    if (this.heartbeatDeadline !== null) this.timers.clearTimeout(this.heartbeatDeadline);
    this.heartbeatTimer = null;
    this.heartbeatDeadline = null;
  }
}
