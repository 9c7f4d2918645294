import type { Reaction } from '../api/types';
import type { ChatItem } from './timeline';

// Edits, deletes and reactions the server has not accepted yet (waiting for the connection, or on
// their way). The timeline keeps what the server said; these are laid over it when shown, so an
// action made offline is visible at once and disappears into the server's copy once it arrives.

export type MessageAction =
  | { type: 'editMessage'; seq: number; text: string }
  | { type: 'deleteMessage'; seq: number }
  | { type: 'react'; seq: number; emoji: string; on: boolean };

export interface PendingAction {
  id: string;
  action: MessageAction;
  /** queued: waits for the connection; sending: on the wire, no answer yet. */
  status: 'queued' | 'sending';
}

export interface ShownItem {
  item: ChatItem;
  /** Some change of this message waits for the server. */
  pending: boolean;
}

/** The message as it will be once the actions waiting for it are accepted, in their order. */
export function withPendingActions(item: ChatItem, actions: readonly PendingAction[], me: string): ShownItem {
  if (item.seq === null || actions.length === 0) return { item, pending: false };
  let shown = item;
  let pending = false;
  for (const { action } of actions) {
    if (action.seq !== item.seq || shown.deleted) continue;
    pending = true;
    switch (action.type) {
      case 'editMessage':
        shown = { ...shown, text: action.text, editedAt: shown.editedAt ?? shown.timestamp };
        break;
      case 'deleteMessage':
        shown = { ...shown, deleted: true, text: '', reactions: [], mentions: [] };
        break;
      case 'react':
        shown = { ...shown, reactions: toggled(shown.reactions, action.emoji, me, action.on) };
        break;
    }
  }
  return { item: shown, pending };
}

/** Whether `me` has reacted with `emoji` (names compared ignoring case). */
export function hasReacted(reactions: readonly Reaction[], emoji: string, me: string): boolean {
  const meKey = me.toLowerCase();
  return reactions.some((r) => r.emoji === emoji && r.users.some((u) => u.toLowerCase() === meKey));
}

/** The reactions with `me` added to or taken from `emoji`, as the server orders them. */
export function toggled(reactions: readonly Reaction[], emoji: string, me: string, on: boolean): Reaction[] {
  if (hasReacted(reactions, emoji, me) === on) return [...reactions];
  const meKey = me.toLowerCase();
  if (on) {
    const index = reactions.findIndex((r) => r.emoji === emoji);
    if (index < 0) return [...reactions, { emoji, count: 1, users: [me] }];
    return reactions.map((r, i) => (i === index ? { ...r, count: r.count + 1, users: [...r.users, me] } : r));
  }
  return reactions
    .map((r) => {
      if (r.emoji !== emoji) return r;
      const users = r.users.filter((u) => u.toLowerCase() !== meKey);
      return { ...r, users, count: users.length };
    })
    .filter((r) => r.count > 0);
}
