import { describe, expect, it } from 'vitest';

// Read from disk: Vitest hands CSS imports (?raw included) to the test as empty strings.
interface NodeFs {
  readFileSync(path: URL, encoding: 'utf8'): string;
}
const fs = (globalThis as unknown as { process: { getBuiltinModule(id: 'node:fs'): NodeFs } }).process.getBuiltinModule('node:fs');
const css = fs.readFileSync(new URL('./styles.css', import.meta.url), 'utf8');

interface Rule {
  media: string | null;
  selectors: string[];
  body: string;
}

/** The style rules of a flat stylesheet (one level of @media), each with the media query it sits in. */
function rules(text: string): Rule[] {
  const source = text.replace(/\/\*[\s\S]*?\*\//g, '');
  const found: Rule[] = [];
  let media: string | null = null;
  let depth = 0;
  let start = 0;
  let prelude = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '{') {
      const head = source.slice(start, i).trim();
      if (head.startsWith('@media')) {
        media = head.slice('@media'.length).trim();
      } else {
        prelude = head;
      }
      depth++;
      start = i + 1;
    } else if (c === '}') {
      if (depth === 2 || (depth === 1 && media === null)) {
        found.push({ media, selectors: prelude.split(',').map((s) => s.trim()), body: source.slice(start, i) });
      } else if (depth === 1) {
        media = null;
      }
      depth--;
      start = i + 1;
    }
  }
  return found;
}

describe('the message actions in styles.css', () => {
  const all = rules(css);

  it('are found by this reader', () => {
    expect(all.some((r) => r.selectors.includes('.msg-row-actions > .msg-actions'))).toBe(true);
  });

  it('show on hover only where the device can hover, so a long press on a touch screen is not undone by a sticky :hover', () => {
    const hoverRules = all.filter((r) => r.selectors.some((s) => /:hover\s*>\s*\.msg-actions\b/.test(s)));
    expect(hoverRules.length).toBeGreaterThan(0);
    for (const rule of hoverRules) {
      expect(rule.media ?? 'everywhere').toMatch(/\(hover:\s*hover\)/);
    }
    const hiding = all.filter((r) => r.selectors.some((s) => /\.msg-actions\b/.test(s)) && /opacity:\s*0\s*;/.test(r.body));
    expect(hiding.map((r) => r.selectors.join(', '))).toEqual(['.msg-actions']);
  });
});
