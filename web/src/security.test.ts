import { describe, expect, it } from 'vitest';

// Every client source file as text (Vite's glob import), tests excluded.
const sources = import.meta.glob(['./**/*.{ts,tsx}', '!./**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

describe('the client source', () => {
  it('is all looked at', () => {
    expect(Object.keys(sources)).toContain('./components/MessageList.tsx');
    expect(Object.keys(sources).length).toBeGreaterThan(20);
  });

  it('never turns strings into HTML or code', () => {
    const pattern = /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write\b|\beval\(|new Function\(/;
    const offenders = Object.entries(sources)
      .filter(([, text]) => pattern.test(text))
      .map(([file]) => file);
    expect(offenders).toEqual([]);
  });
});
