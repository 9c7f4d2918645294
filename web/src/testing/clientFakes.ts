import { vi } from 'vitest';
import type { Api } from '../api/rest';
import type { User } from '../api/types';
import { ChatClient } from '../client/ChatClient';
import { SessionStore, type SessionStorageLike } from '../client/session';
import { FakeSocket, FakeTimers } from './fakes';

/** localStorage / sessionStorage in memory. */
export class MemoryStorage implements SessionStorageLike {
  readonly map = new Map<string, string>();
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

export const guestAlice: User = { username: 'alice', avatarUrl: '/api/users/alice/avatar', guest: true, createdAt: null };

/** An API whose every call fails as unexpected, but for the ones the test gives (all spied on). */
export function fakeApi(overrides: Partial<Api> = {}): Api {
  const unexpected = () => Promise.reject(new Error('unexpected call'));
  return {
    register: vi.fn(unexpected),
    login: vi.fn(unexpected),
    guest: vi.fn(unexpected),
    logout: vi.fn(() => Promise.resolve()),
    me: vi.fn(unexpected),
    listRooms: vi.fn(unexpected),
    room: vi.fn(unexpected),
    createRoom: vi.fn(unexpected),
    checkRoomAccess: vi.fn(unexpected),
    history: vi.fn(unexpected),
    ...overrides,
  };
}

/** A ChatClient for a logged-in user over fake sockets and timers; the test opens and feeds the sockets. */
export function fakeClient(options: { api: Api; user?: User; epochMs?: number; confirmTimeoutMs?: number }) {
  const timers = new FakeTimers();
  const sockets: FakeSocket[] = [];
  const perTab = new MemoryStorage();
  const sessions = new SessionStore(new MemoryStorage(), perTab);
  sessions.save({ token: 'token-1', user: options.user ?? guestAlice });
  const client = new ChatClient({
    sessions,
    api: options.api,
    location: { protocol: 'http:', host: 'chat.test:5000' },
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    timers,
    now: () => (options.epochMs ?? 0) + timers.now,
    random: () => 0,
    ...(options.confirmTimeoutMs === undefined ? {} : { confirmTimeoutMs: options.confirmTimeoutMs }),
  });
  const last = () => sockets[sockets.length - 1]!;
  return { client, timers, sockets, last, perTab };
}
