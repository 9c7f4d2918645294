import { describe, expect, it } from 'vitest';
import { backoffDelay, baseDelay, DEFAULT_BACKOFF } from './backoff';

describe('backoff', () => {
  it('doubles the base delay per attempt up to the ceiling', () => {
    const delays = Array.from({ length: 10 }, (_, i) => baseDelay(i + 1));
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000]);
  });

  it('keeps the jittered delay between half and all of the base delay', () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const d = baseDelay(attempt);
      expect(backoffDelay(attempt, () => 0)).toBe(d / 2);
      expect(backoffDelay(attempt, () => 0.999999)).toBeLessThanOrEqual(d);
      expect(backoffDelay(attempt, () => 0.999999)).toBeGreaterThan(d * 0.99);
      expect(backoffDelay(attempt, () => 0.5)).toBe(Math.round(d * 0.75));
    }
  });

  it('spreads clients with different random draws', () => {
    const draws = [0.1, 0.4, 0.7, 0.95];
    const delays = new Set(draws.map((r) => backoffDelay(4, () => r)));
    expect(delays.size).toBe(draws.length);
  });

  it('clamps a random source that misbehaves', () => {
    expect(backoffDelay(1, () => 7)).toBe(500);
    expect(backoffDelay(1, () => -3)).toBe(250);
  });

  it('honours custom options, including no jitter', () => {
    const options = { baseMs: 100, maxMs: 250, factor: 3, jitter: 0 };
    expect([1, 2, 3].map((n) => backoffDelay(n, () => 0.3, options))).toEqual([100, 250, 250]);
  });

  it('refuses attempt numbers below one', () => {
    expect(() => baseDelay(0)).toThrow(RangeError);
    expect(() => baseDelay(1.5, DEFAULT_BACKOFF)).toThrow(RangeError);
  });
});
