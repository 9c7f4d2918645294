// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatClient, ChatSnapshot } from '../client/ChatClient';
import { initialState, type ConnectionState } from '../connection/machine';
import { ConnectionBanner } from './ConnectionBanner';

afterEach(cleanup);

function snapshot(connection: Partial<ConnectionState>, extra: Partial<ChatSnapshot> = {}): ChatSnapshot {
  return {
    session: { token: 't', user: { username: 'alice', avatarUrl: '/a', guest: true, createdAt: null } },
    connection: { ...initialState(), ...connection },
    sessionProblem: null,
    rooms: {},
    unread: {},
    online: true,
    ...extra,
  };
}

function renderBanner(chat: ChatSnapshot, queued = 0) {
  const client = { retryConnection: vi.fn(), reauthenticate: vi.fn(), signOut: vi.fn() };
  render(<ConnectionBanner client={client as unknown as ChatClient} chat={chat} queued={queued} />);
  return client;
}

describe('ConnectionBanner', () => {
  it('stays out of the way while connected', () => {
    renderBanner(snapshot({ status: 'CONNECTED' }));
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('says it is connecting', () => {
    renderBanner(snapshot({ status: 'CONNECTING', opening: true }));
    expect(screen.getByRole('status').textContent).toContain('Connecting to the chat server');
  });

  it('counts down to the next attempt, says how many unsent messages wait, and can retry at once', () => {
    const client = renderBanner(
      snapshot({ status: 'RECONNECTING', attempt: 3, retryAt: Date.now() + 4_000, lastError: 'The server is restarting.' }),
      2,
    );
    const text = screen.getByRole('status').textContent ?? '';
    expect(text).toMatch(/Reconnecting in [34] s \(attempt 3 of 10\)/);
    expect(text).toContain('2 unsent messages will go out when it is back.');
    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    expect(client.retryConnection).toHaveBeenCalledOnce();
  });

  it('offers a retry button when it gave up', () => {
    const client = renderBanner(snapshot({ status: 'FAILED', attempt: 10, lastError: 'The server could not be reached.' }));
    expect(screen.getByRole('status').textContent).toContain('Could not reconnect after 10 attempts. The server could not be reached.');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(client.retryConnection).toHaveBeenCalledOnce();
  });

  it('asks an account holder for the password when the session ended', () => {
    const chat = snapshot(
      { status: 'FAILED' },
      {
        session: { token: 't', user: { username: 'bob', avatarUrl: '/b', guest: false, createdAt: '2025-01-01T00:00:00Z' } },
        sessionProblem: { code: 'SESSION_EXPIRED', message: 'Your session has ended.' },
      },
    );
    const client = renderBanner(chat);
    fireEvent.change(screen.getByLabelText('Password for bob'), { target: { value: 'secret1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(client.reauthenticate).toHaveBeenCalledWith('secret1');
  });

  it('says when the browser is offline', () => {
    renderBanner(snapshot({ status: 'RECONNECTING', attempt: 1, retryAt: Date.now() + 500 }, { online: false }), 1);
    expect(screen.getByRole('status').textContent).toContain('You are offline. 1 unsent message will go out when it is back.');
  });
});
