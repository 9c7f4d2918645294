import { describe, expect, it, vi } from 'vitest';
import type { WireMessage } from '../api/types';
import { MemoryStorage } from '../testing/clientFakes';
import { MentionNotifier, type NotificationPort, type Permission } from './MentionNotifier';

function port(initial: Permission) {
  let permission = initial;
  const shown: Array<{ title: string; body: string; tag: string; click: () => void }> = [];
  const requestPermission = vi.fn(() => {
    permission = 'granted';
    return Promise.resolve(permission);
  });
  const api: NotificationPort = {
    permission: () => permission,
    requestPermission,
    show: (title, options, click) => shown.push({ title, ...options, click }),
  };
  return { api, shown, requestPermission };
}

const mention = (seq: number, room = 'Lobby'): { room: string; message: WireMessage } => ({
  room,
  message: { id: seq, room, seq, user: 'bob', text: 'hey @alice', timestamp: '2025-01-01T00:00:00Z', kind: 'user', mentions: ['alice'] },
});

describe('MentionNotifier', () => {
  it('notifies a mention while the tab is hidden, never twice for one message', () => {
    const p = port('granted');
    const onOpen = vi.fn();
    let hidden = true;
    const notifier = new MentionNotifier({ notifications: p.api, storage: new MemoryStorage(), isHidden: () => hidden, onOpen });
    expect(notifier.notify(mention(1))).toBe(true);
    expect(notifier.notify(mention(1, 'lobby'))).toBe(false);
    expect(notifier.notify(mention(2))).toBe(true);
    expect(p.shown.map((s) => [s.title, s.body, s.tag])).toEqual([
      ['bob in #Lobby', 'hey @alice', 'chillin-mention:lobby#1'],
      ['bob in #Lobby', 'hey @alice', 'chillin-mention:lobby#2'],
    ]);
    p.shown[0]!.click();
    expect(onOpen).toHaveBeenCalledWith('Lobby');
    hidden = false;
    expect(notifier.notify(mention(3))).toBe(false);
    hidden = true;
    expect(notifier.notify(mention(3))).toBe(false); // seen while visible: not news any more
  });

  it('asks for permission once ever, remembered across page loads', () => {
    const storage = new MemoryStorage();
    const p = port('default');
    new MentionNotifier({ notifications: p.api, storage, isHidden: () => true }).askPermissionOnce();
    new MentionNotifier({ notifications: port('default').api, storage, isHidden: () => true }).askPermissionOnce();
    const again = new MentionNotifier({ notifications: p.api, storage, isHidden: () => true });
    again.askPermissionOnce();
    expect(p.requestPermission).toHaveBeenCalledTimes(1);
  });

  it('shows nothing without permission or without notifications at all', () => {
    const p = port('denied');
    expect(new MentionNotifier({ notifications: p.api, storage: null, isHidden: () => true }).notify(mention(1))).toBe(false);
    expect(new MentionNotifier({ notifications: null, storage: null, isHidden: () => true }).notify(mention(1))).toBe(false);
    expect(p.shown).toEqual([]);
  });
});
