import { describe, expect, it } from 'vitest';
import { exactTime, relativeTime } from './time';

const now = Date.UTC(2025, 5, 15, 12, 0, 0);
const ago = (ms: number) => new Date(now - ms).toISOString();

describe('relative times', () => {
  it('reads naturally from seconds to days', () => {
    expect(relativeTime(ago(10_000), now)).toBe('just now');
    expect(relativeTime(ago(5 * 60_000), now)).toBe('5 min ago');
    expect(relativeTime(ago(3 * 3_600_000), now)).toBe('3 h ago');
    expect(relativeTime(ago(4 * 86_400_000), now)).toBe('4 days ago');
  });

  it('gives an exact time for tooltips', () => {
    expect(exactTime(ago(0), 'en-GB')).toMatch(/2025/);
    expect(relativeTime('not a date', now)).toBe('');
  });
});
