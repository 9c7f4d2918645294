// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RoomState } from '../client/ChatClient';
import { newRoomState } from '../client/RoomSession';
import { emptyTimeline, timelineReducer } from '../store/timeline';
import { MessageList } from './MessageList';
import { stubLayout } from '../testing/layout';

afterEach(cleanup);

beforeAll(stubLayout);

function roomWith(texts: { user: string; text: string; guest?: boolean }[]): RoomState {
  let timeline = emptyTimeline;
  texts.forEach((t, i) => {
    timeline = timelineReducer(timeline, {
      type: 'received',
      message: { id: i + 1, room: 'lobby', seq: i + 1, user: t.user, text: t.text, timestamp: new Date(Date.UTC(2025, 0, 1, 12, 0, i)).toISOString(), kind: 'user', ...(t.guest ? { guest: true } : {}) },
    });
  });
  return { ...newRoomState('lobby', 'lobby', null), joinState: 'joined', timeline, memberCount: 1, historyLoaded: true };
}

function renderList(room: RoomState) {
  return render(<MessageList room={room} me="alice" now={Date.UTC(2025, 0, 1, 12, 5)} onRetry={() => {}} onDiscard={() => {}} onLoadOlder={() => {}} />);
}

describe('MessageList', () => {
  it('renders markup in messages as literal text and creates no elements from it', () => {
    const { container } = renderList(
      roomWith([
        { user: 'mallory', text: '<img src=x onerror=alert(1)>' },
        { user: 'mallory', text: '<script>alert(2)</script>' },
      ]),
    );
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(screen.getByText('<script>alert(2)</script>')).toBeTruthy();
    expect(container.querySelector('img[src="x"]')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
  });

  it('makes http links clickable and leaves javascript: links as text', () => {
    renderList(roomWith([{ user: 'bob', text: 'see https://example.com and javascript:alert(1)' }]));
    const link = screen.getByRole('link', { name: 'https://example.com' });
    expect(link.getAttribute('href')).toBe('https://example.com/');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(screen.getAllByRole('link')).toHaveLength(1);
  });

  it('marks a guest beside its messages, and keeps a guest and an account of one name apart', () => {
    const { container } = renderList(
      roomWith([
        { user: 'carol', text: 'as a guest', guest: true },
        { user: 'carol', text: 'as the account' },
      ]),
    );
    const groups = container.querySelectorAll('.msg-group');
    expect(groups).toHaveLength(2);
    expect(groups[0]!.querySelector('.badge-guest')?.textContent).toBe('guest');
    expect(groups[1]!.querySelector('.badge-guest')).toBeNull();
  });

  it('is a live log and groups consecutive messages of one sender under one header', () => {
    const { container } = renderList(
      roomWith([
        { user: 'bob', text: 'one' },
        { user: 'bob', text: 'two' },
        { user: 'alice', text: 'three' },
      ]),
    );
    const log = screen.getByRole('log');
    expect(log.getAttribute('aria-live')).toBe('polite');
    expect(container.querySelectorAll('.msg-group')).toHaveLength(2);
    expect(container.querySelectorAll('.msg-own .msg-bubble')).toHaveLength(1);
    expect(screen.getByText('You')).toBeTruthy();
  });
});
