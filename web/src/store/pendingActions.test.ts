import { describe, expect, it } from 'vitest';
import { emptyTimeline, timelineReducer, type ChatItem } from './timeline';
import { toggled, withPendingActions, type PendingAction } from './pendingActions';

function item(extra: Partial<ChatItem> = {}): ChatItem {
  const t = timelineReducer(emptyTimeline, {
    type: 'received',
    message: { id: 1, room: 'lobby', seq: 1, user: 'alice', text: 'hello', timestamp: '2025-01-01T00:00:00Z', kind: 'user', rev: 1, reactions: [{ emoji: '👍', count: 1, users: ['bob'] }] },
  });
  return { ...t.items[0]!, ...extra };
}

const pending = (action: PendingAction['action']): PendingAction => ({ id: 'a', action, status: 'queued' });

describe('changes waiting for the server, as shown', () => {
  it('shows a waiting edit with the edited marker', () => {
    const shown = withPendingActions(item(), [pending({ type: 'editMessage', seq: 1, text: 'hello there' })], 'alice');
    expect(shown.pending).toBe(true);
    expect(shown.item).toMatchObject({ text: 'hello there' });
    expect(shown.item.editedAt).not.toBeNull();
  });

  it('shows a waiting delete, and nothing after it applies', () => {
    const shown = withPendingActions(
      item(),
      [pending({ type: 'deleteMessage', seq: 1 }), pending({ type: 'react', seq: 1, emoji: '🎉', on: true })],
      'alice',
    );
    expect(shown.item).toMatchObject({ deleted: true, text: '', reactions: [] });
  });

  it('leaves other messages alone', () => {
    const original = item();
    expect(withPendingActions(original, [pending({ type: 'deleteMessage', seq: 2 })], 'alice')).toEqual({ item: original, pending: false });
  });

  it('adds my reaction at the end of its emoji, or a new emoji at the end, and takes it back', () => {
    const reactions = [{ emoji: '👍', count: 1, users: ['bob'] }];
    expect(toggled(reactions, '👍', 'alice', true)).toEqual([{ emoji: '👍', count: 2, users: ['bob', 'alice'] }]);
    expect(toggled(reactions, '🎉', 'alice', true)).toEqual([...reactions, { emoji: '🎉', count: 1, users: ['alice'] }]);
    expect(toggled([{ emoji: '👍', count: 1, users: ['Alice'] }], '👍', 'alice', false)).toEqual([]);
  });
});
