/** How long to wait before reconnect attempt n: exponential growth, a ceiling, and jitter so clients do not reconnect in lockstep. */
export interface BackoffOptions {
  /** Delay before the first attempt, before jitter. */
  baseMs: number;
  /** Upper bound of the un-jittered delay. */
  maxMs: number;
  /** Growth per attempt. */
  factor: number;
  /** Share of the delay that is random: 0 = none, 1 = anywhere between 0 and the full delay. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000, factor: 2, jitter: 0.5 };

/** The un-jittered delay of attempt n (1-based). */
export function baseDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a whole number >= 1, was ${attempt}`);
  return Math.min(options.maxMs, options.baseMs * options.factor ** (attempt - 1));
}

/**
 * The delay of attempt n with jitter: uniformly within [(1 - jitter) * d, d] for the base delay d,
 * where `random` returns a number in [0, 1) like Math.random.
 */
export function backoffDelay(attempt: number, random: () => number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const d = baseDelay(attempt, options);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(d * (1 - options.jitter) + d * options.jitter * r);
}
