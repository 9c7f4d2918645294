// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Room, WireMessage } from '../api/types';
import type { RoomState } from '../client/ChatClient';
import { newRoomState } from '../client/RoomSession';
import type { PendingAction } from '../store/pendingActions';
import { emptyTimeline, timelineReducer } from '../store/timeline';
import { MessageList, type MessageCallbacks } from './MessageList';
import { stubLayout } from '../testing/layout';

afterEach(cleanup);

beforeAll(stubLayout);

function message(seq: number, extra: Partial<WireMessage> = {}): WireMessage {
  return {
    id: seq,
    room: 'lobby',
    seq,
    user: 'bob',
    text: `hello ${seq}`,
    timestamp: new Date(Date.UTC(2025, 0, 1, 12, 0, seq)).toISOString(),
    kind: 'user',
    rev: seq,
    reactions: [],
    mentions: [],
    ...extra,
  };
}

const info = (creator: string): Room => ({ name: 'lobby', description: '', creator, isPrivate: false, memberCount: 2, createdAt: '2025-01-01T00:00:00Z' });

function roomWith(messages: WireMessage[], extra: Partial<RoomState> = {}): RoomState {
  const timeline = timelineReducer(emptyTimeline, { type: 'history', messages, hasMore: false, mode: 'latest' });
  return { ...newRoomState('lobby', 'lobby', null), joinState: 'joined', historyLoaded: true, timeline, rev: messages.length, ...extra };
}

function callbacks() {
  return {
    onToggleReaction: vi.fn<MessageCallbacks['onToggleReaction']>(),
    onReply: vi.fn<MessageCallbacks['onReply']>(),
    onEdit: vi.fn<MessageCallbacks['onEdit']>(),
    onDelete: vi.fn<MessageCallbacks['onDelete']>(),
    onRead: vi.fn<MessageCallbacks['onRead']>(),
  };
}

function renderList(room: RoomState, cb = callbacks(), props: { unreadAfter?: number | null; readEnabled?: boolean } = {}) {
  const utils = render(
    <MessageList room={room} me="alice" now={Date.UTC(2025, 0, 1, 12, 5)} onRetry={() => {}} onDiscard={() => {}} onLoadOlder={() => {}} callbacks={cb} {...props} />,
  );
  const row = (seq: number) => utils.container.querySelector<HTMLElement>(`[data-testid="message"][data-seq="${seq}"]`)!;
  return { ...utils, cb, row };
}

describe('MessageList with the v2 lifecycle', () => {
  it('marks an edited message and shows a placeholder for a deleted one', () => {
    const { row } = renderList(roomWith([message(1, { editedAt: '2025-01-01T12:01:00Z', text: 'fixed' }), message(2, { deleted: true, text: '' })]));
    expect(within(row(1)).getByTestId('edited-marker').textContent).toContain('(edited)');
    expect(within(row(2)).getByTestId('message-deleted').textContent).toBe('Message deleted');
    expect(within(row(2)).queryByTestId('message-actions')).toBeNull(); // nothing more to do with it
  });

  it('shows reaction chips with counts and who reacted, and toggles mine on click', () => {
    const reactions = [{ emoji: '👍', count: 2, users: ['bob', 'alice'] }, { emoji: '🎉', count: 1, users: ['carol'] }];
    const { row, cb } = renderList(roomWith([message(1, { reactions })]));
    const chips = within(row(1)).getAllByTestId('reaction-chip');
    expect(chips.map((c) => c.textContent)).toEqual(['👍2', '🎉1']);
    expect(chips[0]!.getAttribute('aria-pressed')).toBe('true');
    expect(chips[0]!.getAttribute('aria-label')).toBe('👍 2: You and bob');
    expect(chips[1]!.getAttribute('data-tooltip')).toBe('carol reacted with 🎉');
    fireEvent.click(chips[1]!);
    expect(cb.onToggleReaction).toHaveBeenCalledWith(1, '🎉');
  });

  it('reacts from the quick row and from the picker', () => {
    const { row, cb } = renderList(roomWith([message(1)]));
    fireEvent.click(within(row(1)).getByRole('button', { name: 'React' }));
    fireEvent.click(screen.getByRole('button', { name: 'React with 😂' }));
    expect(cb.onToggleReaction).toHaveBeenLastCalledWith(1, '😂');
    fireEvent.click(within(row(1)).getByRole('button', { name: 'React' }));
    fireEvent.click(screen.getByRole('button', { name: 'More reactions' }));
    fireEvent.click(screen.getByRole('button', { name: 'party face' }));
    expect(cb.onToggleReaction).toHaveBeenLastCalledWith(1, '🥳');
    expect(screen.queryByRole('dialog', { name: 'Emoji' })).toBeNull();
  });

  it('edits my message inline: Escape cancels, Enter saves', () => {
    const { row, cb } = renderList(roomWith([message(1, { user: 'alice' }), message(2)]));
    expect(within(row(2)).queryByRole('button', { name: 'Edit message' })).toBeNull(); // not mine
    fireEvent.click(within(row(1)).getByRole('button', { name: 'Edit message' }));
    let box = screen.getByRole('textbox', { name: 'Edit message' }) as HTMLTextAreaElement;
    expect(box.value).toBe('hello 1');
    expect(document.activeElement).toBe(box);
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: 'Edit message' })).toBeNull();
    expect(cb.onEdit).not.toHaveBeenCalled();

    fireEvent.click(within(row(1)).getByRole('button', { name: 'Edit message' }));
    box = screen.getByRole('textbox', { name: 'Edit message' }) as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: 'hello, edited' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(cb.onEdit).toHaveBeenCalledWith(1, 'hello, edited');
    expect(screen.queryByRole('textbox', { name: 'Edit message' })).toBeNull();
  });

  it('deletes only after confirming; the room creator may delete any message', () => {
    const plain = renderList(roomWith([message(1)]));
    expect(within(plain.row(1)).queryByRole('button', { name: 'Delete message' })).toBeNull();
    cleanup();
    const { row, cb } = renderList(roomWith([message(1)], { info: info('Alice') }));
    fireEvent.click(within(row(1)).getByRole('button', { name: 'Delete message' }));
    expect(screen.getByText('Delete this message?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(cb.onDelete).not.toHaveBeenCalled();
    fireEvent.click(within(row(1)).getByRole('button', { name: 'Delete message' }));
    fireEvent.click(screen.getByTestId('confirm-delete'));
    expect(cb.onDelete).toHaveBeenCalledWith(1);
  });

  it('shows the quote of a reply and jumps to the original, highlighting it', () => {
    vi.useFakeTimers();
    try {
      const reply = message(3, { user: 'carol', replyTo: { seq: 1, user: 'bob', text: 'hello 1' } });
      const { row, cb } = renderList(roomWith([message(1), message(2), reply]));
      const quote = within(row(3)).getByTestId('reply-quote');
      expect(quote.getAttribute('aria-label')).toBe('In reply to bob: hello 1. Show the original message.');
      fireEvent.click(quote);
      expect(row(1).getAttribute('data-highlighted')).toBe('true');
      expect(document.activeElement).toBe(row(1));
      act(() => {
        vi.advanceTimersByTime(2_100);
      });
      expect(row(1).getAttribute('data-highlighted')).toBeNull();
      fireEvent.click(within(row(2)).getByRole('button', { name: 'Reply' }));
      expect(cb.onReply).toHaveBeenCalledWith(expect.objectContaining({ seq: 2 }));
    } finally {
      vi.useRealTimers();
    }
  });

  it('highlights mentions of me in the text', () => {
    const { row } = renderList(roomWith([message(1, { text: 'hi @Alice and @bob', mentions: ['alice', 'bob'] })]));
    expect(within(row(1)).getByTestId('mention-me').textContent).toBe('@Alice');
    expect(within(row(1)).getAllByText('@bob')).toHaveLength(1);
  });

  it('puts the "new messages" line before the first message of someone else above my marker', () => {
    const { container } = renderList(roomWith([message(1), message(2, { user: 'alice' }), message(3), message(4)]), callbacks(), { unreadAfter: 1 });
    const divider = screen.getByTestId('unread-divider');
    expect(divider.getAttribute('role')).toBe('separator');
    const order = [...container.querySelectorAll('[data-testid="unread-divider"], [data-testid="message"]')].map(
      (el) => el.getAttribute('data-seq') ?? 'line',
    );
    expect(order).toEqual(['1', '2', 'line', '3', '4']);
  });

  it('shows waiting changes over the server copy', () => {
    const actions: PendingAction[] = [{ id: 'a1', status: 'queued', action: { type: 'editMessage', seq: 1, text: 'offline edit' } }];
    const { row } = renderList(roomWith([message(1, { user: 'alice' })], { actions }));
    expect(row(1).querySelector('.msg-text')?.textContent).toBe('offline edit');
    expect(row(1).querySelector('.msg-pending-change')).not.toBeNull();
  });

  it('opens the actions with a long press and lets the lifted finger\'s click pass by', () => {
    vi.useFakeTimers();
    try {
      const { row, cb } = renderList(roomWith([message(1)]));
      fireEvent.pointerDown(row(1), { pointerType: 'touch', clientX: 40, clientY: 20 });
      act(() => void vi.advanceTimersByTime(600));
      expect(row(1).className).toContain('msg-row-actions');
      fireEvent.pointerUp(row(1), { pointerType: 'touch' });
      // the browser's click for that touch hits the Reply button that opened under the finger
      fireEvent.click(within(row(1)).getByRole('button', { name: 'Reply' }));
      expect(cb.onReply).not.toHaveBeenCalled();
      expect(row(1).className).toContain('msg-row-actions');
      // a real tap on it afterwards replies
      const reply = within(row(1)).getByRole('button', { name: 'Reply' });
      fireEvent.pointerDown(reply, { pointerType: 'touch' });
      fireEvent.pointerUp(reply, { pointerType: 'touch' });
      fireEvent.click(reply);
      expect(cb.onReply).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('offers no actions with a v1 server', () => {
    const { row } = renderList(roomWith([message(1, { rev: undefined })], { rev: null }));
    expect(within(row(1)).queryByTestId('message-actions')).toBeNull();
  });

  it('marks read the newest message on screen, only while enabled', () => {
    const observers: Array<{ callback: IntersectionObserverCallback; targets: Element[] }> = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        targets: Element[] = [];
        constructor(readonly callback: IntersectionObserverCallback) {
          observers.push(this);
        }
        observe(el: Element) {
          if (!this.targets.includes(el)) this.targets.push(el);
        }
        disconnect() {}
        unobserve() {}
      },
    );
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    const cb = callbacks();
    const room = roomWith([message(1), message(2), message(3)]);
    const { rerender } = renderList(room, cb, { readEnabled: false });
    const io = observers.at(-1)!;
    const see = (...seqs: number[]) =>
      act(() =>
        io.callback(
          io.targets.map((target) => ({
            target,
            isIntersecting: seqs.includes(Number((target as HTMLElement).dataset.readSeq)),
            intersectionRatio: seqs.includes(Number((target as HTMLElement).dataset.readSeq)) ? 1 : 0,
            intersectionRect: { height: 0 },
            rootBounds: { height: 500 },
          })) as unknown as IntersectionObserverEntry[],
          io as unknown as IntersectionObserver,
        ),
      );
    expect(io.targets).toHaveLength(3);
    see(1, 2);
    expect(cb.onRead).not.toHaveBeenCalled();
    rerender(<MessageList room={room} me="alice" now={0} onRetry={() => {}} onDiscard={() => {}} onLoadOlder={() => {}} callbacks={cb} readEnabled />);
    expect(cb.onRead).toHaveBeenLastCalledWith(2);
    see(2, 3);
    expect(cb.onRead).toHaveBeenLastCalledWith(3);
    vi.mocked(document.hasFocus).mockReturnValue(false);
    cb.onRead.mockClear();
    see(1, 2, 3);
    expect(cb.onRead).not.toHaveBeenCalled();
  });
});
