// Mentions in message text (PROTOCOL.md v2): `@name` not preceded by a letter, digit, `_` or `-`
// and not followed by one; names compared ignoring case. Pure: the composer's autocomplete and the
// highlight in messages use these.

const NAME_CHAR = /[\p{L}\p{N}_-]/u;
const USERNAME = /^[A-Za-z0-9_-]*$/;

export type MentionSegment = { kind: 'text'; text: string } | { kind: 'mention'; text: string; name: string };

/** Splits text into plain runs and the mentions of `names` (the message's `mentions`), each kept as written. */
export function splitMentions(text: string, names: readonly string[]): MentionSegment[] {
  if (names.length === 0 || !text.includes('@')) return [{ kind: 'text', text }];
  const wanted = new Map(names.map((n) => [n.toLowerCase(), n]));
  const segments: MentionSegment[] = [];
  let last = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (at > 0 && NAME_CHAR.test(text[at - 1]!)) continue;
    let end = at + 1;
    while (end < text.length && NAME_CHAR.test(text[end]!)) end++;
    const name = wanted.get(text.slice(at + 1, end).toLowerCase());
    if (!name) continue;
    if (at > last) segments.push({ kind: 'text', text: text.slice(last, at) });
    segments.push({ kind: 'mention', text: text.slice(at, end), name });
    last = end;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

/** The name being typed after an `@` just before the caret ("" right after the @), or null when none is. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  if (at > 0 && NAME_CHAR.test(before[at - 1]!)) return null;
  const query = before.slice(at + 1);
  if (!USERNAME.test(query) || query.length > 20) return null;
  return { start: at, query };
}

/** The members whose name starts with the query (ignoring case), me left out, at most `limit`. */
export function suggestMembers(names: readonly string[], query: string, me: string, limit = 6): string[] {
  const q = query.toLowerCase();
  const meKey = me.toLowerCase();
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    const k = name.toLowerCase();
    if (k === meKey || seen.has(k) || !k.startsWith(q)) continue;
    seen.add(k);
    out.push(name);
  }
  out.sort((a, b) => a.localeCompare(b));
  return out.slice(0, limit);
}

/** The text with the `@query` before the caret replaced by `@name ` and where the caret goes after it. */
export function completeMention(text: string, caret: number, name: string): { text: string; caret: number } | null {
  const found = mentionQuery(text, caret);
  if (!found) return null;
  const after = text.slice(caret);
  const insert = `@${name}${after.startsWith(' ') ? '' : ' '}`;
  const next = text.slice(0, found.start) + insert + after;
  return { text: next, caret: found.start + insert.length };
}

/** Whether the message names me among its mentions. */
export function mentionsUser(mentions: readonly string[], me: string): boolean {
  const meKey = me.toLowerCase();
  return meKey !== '' && mentions.some((name) => name.toLowerCase() === meKey);
}
