/** The tab's title with what is unread in front: "(3) #lobby · Chillin", "(3 · @1) ..." when some mention me. */
export function pageTitle(base: string, totals: { unread: number; mentions: number }): string {
  if (totals.unread <= 0 && totals.mentions <= 0) return base;
  const count = totals.mentions > 0 ? `${totals.unread} · @${totals.mentions}` : String(totals.unread);
  return `(${count}) ${base}`;
}
