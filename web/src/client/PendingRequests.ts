import type { Timers } from '../connection/ChatConnection';

// Every frame that waits for a direct answer (ack, error, messageConfirmed), in one table keyed by
// the `ref` the server echoes. An answer takes its entry out; a closed connection answers nothing
// any more, so the table is emptied and the caller decides what goes again after the reconnect.

export type PendingRequest =
  | { kind: 'auth' }
  | { kind: 'join'; key: string }
  | { kind: 'leave'; key: string }
  | { kind: 'send'; key: string; tempId: string }
  | { kind: 'action'; key: string; actionId: string }
  | { kind: 'markRead'; key: string; seq: number }
  | { kind: 'watch' }
  | { kind: 'unwatch' };

export interface AddOptions {
  /** The ref the protocol fixes (a send's temp id); otherwise a fresh `<kind>-<n>`. */
  ref?: string;
  /** Calls `onTimeout` when no answer came this long after the request went out. */
  timeoutMs?: number;
  onTimeout?: () => void;
}

const PREFIX: Record<PendingRequest['kind'], string> = {
  auth: 'auth',
  join: 'join',
  leave: 'leave',
  send: 'send',
  action: 'action',
  markRead: 'read',
  watch: 'watch',
  unwatch: 'unwatch',
};

export class PendingRequests {
  private readonly entries = new Map<string, { request: PendingRequest; timer: unknown }>();
  private counter = 0;

  constructor(private readonly timers: Timers) {}

  /** Registers a request and returns its ref; a request under a ref already waiting replaces it. */
  add(request: PendingRequest, options: AddOptions = {}): string {
    const ref = options.ref ?? `${PREFIX[request.kind]}-${++this.counter}`;
    this.forget(ref);
    const { timeoutMs, onTimeout } = options;
    const timer =
      timeoutMs !== undefined && onTimeout
        ? this.timers.setTimeout(() => {
            if (this.entries.get(ref)?.request !== request) return;
            this.entries.delete(ref);
            onTimeout();
          }, timeoutMs)
        : null;
    this.entries.set(ref, { request, timer });
    return ref;
  }

  /** The request an answer with this ref belongs to, taken out of the table (undefined: not ours, or answered). */
  take(ref: string | number | undefined): PendingRequest | undefined {
    if (ref === undefined) return undefined;
    const key = String(ref);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.forget(key);
    return entry.request;
  }

  /** Forgets what matches (a room left, a watch given up): later answers to them are ignored. */
  drop(matches: (request: PendingRequest) => boolean): PendingRequest[] {
    const dropped: PendingRequest[] = [];
    for (const [ref, entry] of [...this.entries]) {
      if (!matches(entry.request)) continue;
      this.forget(ref);
      dropped.push(entry.request);
    }
    return dropped;
  }

  /** Empties the table (the connection closed) and returns what was waiting, oldest first. */
  clear(): PendingRequest[] {
    return this.drop(() => true);
  }

  get size(): number {
    return this.entries.size;
  }

  private forget(ref: string): void {
    const entry = this.entries.get(ref);
    if (!entry) return;
    if (entry.timer !== null) this.timers.clearTimeout(entry.timer);
    this.entries.delete(ref);
  }
}
