// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Room } from '../api/types';
import { fakeApi, fakeClient } from '../testing/clientFakes';
import { flush } from '../testing/fakes';
import { RoomsScreen } from './RoomsScreen';

afterEach(cleanup);

function room(name: string, memberCount: number): Room {
  return { name, description: `about ${name}`, creator: 'alice', isPrivate: false, memberCount, createdAt: '2024-01-01T00:00:00Z' };
}

function setup() {
  const listRooms = vi.fn(() => Promise.resolve([room('Lobby', 1), room('games', 0)]));
  // the connection's timers are fake; the screen's polls use the real ones (5 s: never reached)
  const { client, last } = fakeClient({ api: fakeApi({ listRooms }) });
  return { client, listRooms, socket: last };
}

const count = (name: string) =>
  document.querySelector(`[data-room="${name}"] [data-testid="member-count"]`)?.textContent ?? null;

describe('RoomsScreen', () => {
  it('updates a member count from a live roomActivity event, without fetching the list again', async () => {
    const ctx = setup();
    const { container, unmount } = render(<RoomsScreen client={ctx.client} />);
    expect(await screen.findByText('about Lobby')).toBeTruthy();
    expect(count('Lobby')).toBe('1 online');

    await act(async () => {
      await flush();
      ctx.socket().serverOpens();
    });
    const watch = ctx.socket().framesOfType('watchRooms');
    expect(watch).toHaveLength(1);
    await act(async () => {
      ctx.socket().serverSends({ type: 'ack', ref: watch[0]!.ref, ok: true });
      await flush();
    });
    expect(container.querySelector('main')?.getAttribute('data-room-watch')).toBe('active');
    const fetches = ctx.listRooms.mock.calls.length;

    act(() => ctx.socket().serverSends({ type: 'roomActivity', room: 'games', memberCount: 3 }));
    expect(count('games')).toBe('3 online');
    expect(screen.getByText('2 rooms · 4 people online')).toBeTruthy();
    // the busiest room comes first
    expect(screen.getAllByTestId('member-count').map((e) => e.textContent)).toEqual(['3 online', '1 online']);
    expect(ctx.listRooms).toHaveBeenCalledTimes(fetches);

    unmount();
    expect(ctx.socket().framesOfType('unwatchRooms')).toHaveLength(1);
  });

  it('shows unread and mention counts from the list, and follows a marker moved in another tab', async () => {
    const listRooms = vi.fn(() =>
      Promise.resolve([
        { ...room('Lobby', 1), lastReadSeq: 4, unread: 3, unreadMentions: 1 },
        { ...room('games', 0), lastReadSeq: 0, unread: 0, unreadMentions: 0 },
      ]),
    );
    const { client, last } = fakeClient({ api: fakeApi({ listRooms }) });
    render(<RoomsScreen client={client} />);
    expect(await screen.findByText('about Lobby')).toBeTruthy();
    const card = (name: string) => document.querySelector(`[data-room="${name}"]`)!;
    expect(card('Lobby').querySelector('[data-testid="unread-count"]')?.textContent).toBe('3 unread');
    expect(card('Lobby').querySelector('[data-testid="mention-count"]')?.textContent).toBe('@1 mention');
    expect(card('games').querySelector('[data-testid="unread-count"]')).toBeNull();

    await act(async () => {
      await flush();
      last().serverOpens();
    });
    // a mention in a room this tab is not in counts at once
    act(() =>
      last().serverSends({
        type: 'mention',
        room: 'games',
        message: { id: 9, room: 'games', seq: 1, user: 'bob', text: '@alice', timestamp: '2025-01-01T00:00:00Z', kind: 'user', mentions: ['alice'] },
      }),
    );
    expect(card('games').querySelector('[data-testid="mention-count"]')?.textContent).toBe('@1 mention');
    expect(card('games').querySelector('[data-testid="unread-count"]')?.textContent).toBe('1 unread');
    act(() => last().serverSends({ type: 'readMarker', room: 'games', seq: 1 }));
    expect(card('games').querySelector('[data-testid="unread-count"]')).toBeNull();
  });
});
