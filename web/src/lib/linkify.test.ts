import { describe, expect, it } from 'vitest';
import { safeHref, splitLinks } from './linkify';

describe('linkify', () => {
  it('turns http and https URLs into links and keeps the rest as text', () => {
    expect(splitLinks('see https://example.com/a?b=1 and http://x.org')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: ' and ' },
      { kind: 'link', text: 'http://x.org', href: 'http://x.org/' },
    ]);
  });

  it('leaves javascript:, data: and other schemes as plain text', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://files.example.com', 'file:///etc/passwd']) {
      expect(splitLinks(text)).toEqual([{ kind: 'text', text }]);
    }
  });

  it('does not let markup ride along in a link', () => {
    const segments = splitLinks('<a href="https://evil.example/">x</a>');
    expect(segments.filter((s) => s.kind === 'link').map((s) => s.text)).toEqual(['https://evil.example/']);
    expect(segments.map((s) => s.text).join('')).toBe('<a href="https://evil.example/">x</a>');
  });

  it('drops trailing punctuation but keeps balanced brackets', () => {
    expect(splitLinks('go to https://example.com.')[1]).toMatchObject({ text: 'https://example.com' });
    expect(splitLinks('(https://example.com)')[1]).toMatchObject({ text: 'https://example.com' });
    expect(splitLinks('https://en.wikipedia.org/wiki/Foo_(bar)')[0]).toMatchObject({
      text: 'https://en.wikipedia.org/wiki/Foo_(bar)',
    });
  });

  it('ignores a scheme with no host', () => {
    expect(splitLinks('http://')).toEqual([{ kind: 'text', text: 'http://' }]);
    expect(safeHref('https://')).toBeNull();
  });

  it('returns the text unchanged when there is no link', () => {
    expect(splitLinks('<img src=x onerror=alert(1)>')).toEqual([{ kind: 'text', text: '<img src=x onerror=alert(1)>' }]);
    expect(splitLinks('')).toEqual([]);
  });
});
