import { roomKey } from '../lib/validation';
import type { MentionEvent } from './ChatClient';
import type { SessionStorageLike } from './session';

// Browser notifications for messages that mention me while the tab is hidden. Permission is asked
// once ever (remembered), from a user gesture; a message is notified at most once per tab (room +
// seq), and the notification's tag lets the browser fold the copies other tabs show into one.

export type Permission = 'default' | 'granted' | 'denied';

/** The part of the Notification API used here (the browser's, or a test's stand-in). */
export interface NotificationPort {
  permission(): Permission;
  requestPermission(): Promise<Permission>;
  show(title: string, options: { body: string; tag: string }, onClick: () => void): void;
}

export interface MentionNotifierOptions {
  /** Null where the browser has no notifications. */
  notifications: NotificationPort | null;
  /** Where "asked once" is remembered. */
  storage: SessionStorageLike | null;
  isHidden: () => boolean;
  /** A click on a notification: show that room. */
  onOpen?: (room: string) => void;
}

const ASKED_KEY = 'chillin.notifications.asked';
/** Seen mentions remembered for dedupe; older ones cannot come again in practice. */
const REMEMBERED = 500;
const BODY_MAX = 140;

export class MentionNotifier {
  private readonly seen = new Set<string>();

  constructor(private readonly options: MentionNotifierOptions) {}

  /** Asks for permission the first time ever (call it from a user gesture); later calls do nothing. */
  askPermissionOnce(): void {
    const port = this.options.notifications;
    if (!port || port.permission() !== 'default' || this.asked()) return;
    try {
      this.options.storage?.setItem(ASKED_KEY, '1');
    } catch {
      // storage may be full or blocked: at worst it asks once per page load
    }
    void port.requestPermission().catch(() => 'denied');
  }

  /** Shows a notification for this mention when the tab is hidden and it is allowed; true when shown. */
  notify(event: MentionEvent): boolean {
    const seq = event.message.seq;
    if (typeof seq !== 'number') return false;
    const id = `${roomKey(event.room)}#${seq}`;
    if (this.seen.has(id)) return false;
    this.remember(id);
    const port = this.options.notifications;
    if (!port || !this.options.isHidden() || port.permission() !== 'granted') return false;
    const body = Array.from(event.message.text).slice(0, BODY_MAX).join('');
    port.show(`${event.message.user} in #${event.room}`, { body, tag: `chillin-mention:${id}` }, () => this.options.onOpen?.(event.room));
    return true;
  }

  private asked(): boolean {
    try {
      return this.options.storage?.getItem(ASKED_KEY) === '1';
    } catch {
      return false;
    }
  }

  private remember(id: string): void {
    this.seen.add(id);
    if (this.seen.size <= REMEMBERED) return;
    const oldest = this.seen.values().next().value;
    if (oldest !== undefined) this.seen.delete(oldest);
  }
}

/** The browser's Notification API, or null where there is none (or it cannot be used). */
export function browserNotifications(): NotificationPort | null {
  const api = (globalThis as { Notification?: typeof Notification }).Notification;
  if (typeof api !== 'function') return null;
  return {
    permission: () => api.permission as Permission,
    requestPermission: () => api.requestPermission() as Promise<Permission>,
    show: (title, options, onClick) => {
      try {
        const notification = new api(title, options);
        notification.onclick = () => {
          window.focus();
          onClick();
          notification.close();
        };
      } catch {
        // some mobile browsers only notify from a service worker: the badge still counts it
      }
    },
  };
}
