// Finds http(s) links in message text. The result is plain data that components render as text
// nodes and <a> elements; nothing here (or anywhere in the client) produces HTML from a string.

export type Segment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/giu;
const TRAILING_PUNCTUATION = /^[.,;:!?'"»”’)\]}]$/u;

/** Splits text into plain runs and links; only http: and https: URLs with a host become links. */
export function splitLinks(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index ?? 0;
    let candidate = match[0];
    candidate = trimUnbalancedTail(candidate);
    const href = safeHref(candidate);
    if (href === null) continue;
    if (start > last) segments.push({ kind: 'text', text: text.slice(last, start) });
    segments.push({ kind: 'link', text: candidate, href });
    last = start + candidate.length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return mergeText(segments);
}

/** The normalised URL when it is http(s) with a host, else null. */
export function safeHref(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '') return null;
  return url.href;
}

/** Drops sentence punctuation after a link, but keeps a closing bracket that closes one inside it. */
function trimUnbalancedTail(candidate: string): string {
  const closers: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  let result = candidate;
  while (result !== '' && TRAILING_PUNCTUATION.test(result.charAt(result.length - 1))) {
    const last = result.charAt(result.length - 1);
    const opener = closers[last];
    // "https://en.wikipedia.org/wiki/Foo_(bar)" keeps its ")"
    if (opener !== undefined && count(result, opener) >= count(result, last)) break;
    result = result.slice(0, -1);
  }
  return result;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

function mergeText(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const prev = out[out.length - 1];
    if (s.kind === 'text' && prev && prev.kind === 'text') {
      out[out.length - 1] = { kind: 'text', text: prev.text + s.text };
    } else {
      out.push(s);
    }
  }
  return out;
}
