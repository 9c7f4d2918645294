// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Room, User, WireMessage } from '../api/types';
import type { ChatClient } from '../client/ChatClient';
import { useChat } from '../lib/hooks';
import { fakeApi, fakeClient, guestAlice } from '../testing/clientFakes';
import { flush } from '../testing/fakes';
import { ChatScreen } from './ChatScreen';
import { stubLayout } from '../testing/layout';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

beforeAll(stubLayout);

const lobby: Room = { name: 'lobby', description: '', creator: 'bob', isPrivate: false, memberCount: 2, createdAt: '2025-01-01T00:00:00Z' };

function message(seq: number, extra: Partial<WireMessage> = {}): WireMessage {
  return { id: seq, room: 'lobby', seq, user: 'bob', text: `hello ${seq}`, timestamp: new Date(Date.UTC(2025, 0, 1, 12, 0, seq)).toISOString(), kind: 'user', rev: seq, reactions: [], mentions: [], ...extra };
}

/** Every message is on screen at once: the reader sees all of them. */
function everythingVisible() {
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(private readonly callback: IntersectionObserverCallback) {}
      observe(target: Element) {
        const entry = { target, isIntersecting: true, intersectionRatio: 1, intersectionRect: { height: 20 }, rootBounds: { height: 500 } };
        queueMicrotask(() => this.callback([entry as unknown as IntersectionObserverEntry], this as unknown as IntersectionObserver));
      }
      disconnect() {}
      unobserve() {}
    },
  );
  vi.spyOn(document, 'hasFocus').mockReturnValue(true);
}

function Screen({ client }: { client: ChatClient }) {
  const chat = useChat(client);
  return <ChatScreen client={client} chat={chat} roomName="lobby" />;
}

async function openLobby(history: WireMessage[], listing: Room[], options: { room?: () => Promise<Room | null>; user?: User } = {}) {
  let counter = 0;
  vi.stubGlobal('crypto', { randomUUID: () => `temp-${++counter}` });
  const ctx = fakeClient({
    api: fakeApi({
      me: vi.fn(() => Promise.resolve(options.user ?? guestAlice)),
      room: vi.fn(options.room ?? (() => Promise.resolve(lobby))),
      listRooms: vi.fn(() => Promise.resolve(listing)),
    }),
    ...(options.user ? { user: options.user } : {}),
  });
  render(<Screen client={ctx.client} />);
  await act(async () => {
    await flush();
    ctx.last().serverOpens();
    const join = ctx.last().framesOfType('join')[0]!;
    ctx.last().serverSends({ type: 'ack', ref: join.ref, ok: true });
    ctx.last().serverSends({ type: 'messageHistory', room: 'lobby', messages: history, hasMore: false, rev: history.length });
    ctx.last().serverSends({ type: 'roomData', room: 'lobby', users: [{ username: 'alice', avatarUrl: '' }, { username: 'bob', avatarUrl: '' }], memberCount: 2 });
    await flush();
  });
  return ctx;
}

const row = (seq: number) => document.querySelector<HTMLElement>(`[data-testid="message"][data-seq="${seq}"]`)!;

describe('ChatScreen with the v2 lifecycle', () => {
  it('opens at my read marker with a "new messages" line, then moves the marker to what is seen', async () => {
    everythingVisible();
    const ctx = await openLobby([message(1), message(2), message(3)], [{ ...lobby, lastReadSeq: 1, unread: 2, unreadMentions: 0 }]);
    await act(async () => {
      ctx.timers.advance(600); // the list the client asks for, since the room's marker is unknown
      await flush();
    });
    expect(screen.getByTestId('unread-divider')).toBeTruthy();
    await act(async () => {
      await flush();
    });
    expect(ctx.last().framesOfType('markRead').map((f) => f.seq)).toEqual([3]);
    expect(ctx.client.getSnapshot().unread.lobby).toMatchObject({ lastReadSeq: 3, unread: 0 });
    // the line stays where the marker was when the room opened
    expect(screen.getByTestId('unread-divider')).toBeTruthy();
  });

  it('replies, edits and deletes through the client', async () => {
    const ctx = await openLobby([message(1), message(2, { user: 'alice' })], []);
    fireEvent.click(within(row(1)).getByRole('button', { name: 'Reply' }));
    expect(screen.getByTestId('composer-reply').textContent).toContain('Replying to bob: hello 1');
    const box = screen.getByLabelText('Message #lobby') as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: 'sure' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(ctx.last().framesOfType('sendMessage').at(-1)).toMatchObject({ text: 'sure', replyTo: 1 });
    expect(screen.queryByTestId('composer-reply')).toBeNull();

    fireEvent.click(within(row(2)).getByRole('button', { name: 'Edit message' }));
    const editor = screen.getByRole('textbox', { name: 'Edit message' });
    fireEvent.change(editor, { target: { value: 'hello 2, edited' } });
    fireEvent.keyDown(editor, { key: 'Enter' });
    expect(ctx.last().framesOfType('editMessage')).toMatchObject([{ seq: 2, text: 'hello 2, edited' }]);
    expect(row(2).querySelector('.msg-text')?.textContent).toBe('hello 2, edited'); // shown at once

    fireEvent.click(within(row(2)).getByRole('button', { name: 'Delete message' }));
    fireEvent.click(screen.getByTestId('confirm-delete'));
    expect(ctx.last().framesOfType('deleteMessage')).toMatchObject([{ seq: 2 }]);
    expect(within(row(2)).getByTestId('message-deleted')).toBeTruthy();

    const refused = ctx.last().framesOfType('deleteMessage')[0]!;
    act(() => ctx.last().serverSends({ type: 'error', ref: refused.ref, code: 'NOT_FOUND', message: 'no such message' }));
    expect(screen.getByTestId('action-error').textContent).toContain('That message is gone.');
  });

  it('asks for the room again after a quick-join created it, so its creator may delete the others\' messages', async () => {
    const alice: User = { username: 'alice', avatarUrl: '', guest: false, createdAt: '2025-01-01T00:00:00Z' };
    const mine = { ...lobby, creator: 'alice' };
    // the first answer comes before the join has created the room
    const answers: (Room | null)[] = [null, mine];
    const room = vi.fn(() => Promise.resolve(answers.length > 0 ? answers.shift()! : mine));
    const ctx = await openLobby([message(1)], [], { room, user: alice });
    expect(room).toHaveBeenCalledTimes(2);
    expect(ctx.client.getSnapshot().rooms.lobby?.info?.creator).toBe('alice');
    expect(within(row(1)).getByRole('button', { name: 'Delete message' })).toBeTruthy();
  });

  it('offers a guest who made the room no deletes of the others\' messages, as the server refuses them', async () => {
    await openLobby([message(1), message(2, { user: 'alice' })], [], { room: () => Promise.resolve({ ...lobby, creator: 'alice' }) });
    expect(within(row(1)).queryByRole('button', { name: 'Delete message' })).toBeNull();
    expect(within(row(2)).getByRole('button', { name: 'Delete message' })).toBeTruthy();
  });
});
