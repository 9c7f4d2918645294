import { useEffect, useRef, type RefObject } from 'react';

/** The reader can see the page: the tab is shown and the window has the focus. */
export function pageIsAttended(): boolean {
  return document.visibilityState === 'visible' && document.hasFocus();
}

const SEEN_RATIO = 0.5;

/**
 * Reports the newest seq whose message is actually on screen while the page is attended: messages
 * (elements with `data-read-seq`) inside `root` are watched with an IntersectionObserver, and the
 * report runs again when the tab is shown or the window gets the focus. `version` changes when
 * messages are added, so new ones are watched too.
 */
export function useReadTracker(
  root: RefObject<HTMLElement | null>,
  version: unknown,
  enabled: boolean,
  onRead: (seq: number) => void,
  attended: () => boolean = pageIsAttended,
): void {
  const visible = useRef(new Set<number>());
  const observer = useRef<IntersectionObserver | null>(null);
  const report = useRef<() => void>(() => {});
  report.current = () => {
    if (!enabled || !attended() || visible.current.size === 0) return;
    onRead(Math.max(...visible.current));
  };

  useEffect(() => {
    const el = root.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const seen = visible.current;
    const io = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const seq = Number((entry.target as HTMLElement).dataset.readSeq);
          if (!Number.isInteger(seq)) continue;
          const rootHeight = entry.rootBounds?.height ?? 0;
          const shown =
            entry.isIntersecting && (entry.intersectionRatio >= SEEN_RATIO || (rootHeight > 0 && entry.intersectionRect.height >= rootHeight * SEEN_RATIO));
          if (shown) seen.add(seq);
          else seen.delete(seq);
        }
        report.current();
      },
      { root: el, threshold: [0, SEEN_RATIO, 1] },
    );
    observer.current = io;
    const again = () => report.current();
    document.addEventListener('visibilitychange', again);
    window.addEventListener('focus', again);
    return () => {
      io.disconnect();
      observer.current = null;
      seen.clear();
      document.removeEventListener('visibilitychange', again);
      window.removeEventListener('focus', again);
    };
  }, [root]);

  useEffect(() => {
    const el = root.current;
    const io = observer.current;
    if (!el || !io) return;
    // observing an element twice is a no-op, so every message can simply be offered again
    el.querySelectorAll<HTMLElement>('[data-read-seq]').forEach((node) => io.observe(node));
  }, [root, version]);

  useEffect(() => {
    report.current();
  }, [enabled]);
}
