// Human times: relative for reading at a glance, exact for the tooltip.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then a date. */
export function relativeTime(iso: string, now: number, locale?: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const diff = now - then;
  if (diff < 45_000) return 'just now';
  if (diff < HOUR) return `${Math.max(1, Math.round(diff / MINUTE))} min ago`;
  if (diff < DAY) return `${Math.round(diff / HOUR)} h ago`;
  const days = calendarDaysBetween(then, now);
  if (days <= 1) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  const sameYear = new Date(then).getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(locale, sameYear ? { day: 'numeric', month: 'short' } : { dateStyle: 'medium' }).format(
    new Date(then),
  );
}

/** The full date and time, for title attributes. */
export function exactTime(iso: string, locale?: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'medium' }).format(new Date(then));
}

function calendarDaysBetween(a: number, b: number): number {
  const da = new Date(a);
  const db = new Date(b);
  const startA = new Date(da.getFullYear(), da.getMonth(), da.getDate()).getTime();
  const startB = new Date(db.getFullYear(), db.getMonth(), db.getDate()).getTime();
  return Math.round((startB - startA) / DAY);
}
