import type { User } from '../api/types';

/** Who is signed in in this tab: the token for REST and the WebSocket, and the user it belongs to. */
export interface Session {
  token: string;
  user: User;
}

const KEY = 'chillin.session';

export interface SessionStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * Accounts are remembered across tabs and restarts (localStorage); a guest lives as long as its tab
 * (sessionStorage), so two tabs can be two different guests.
 */
export class SessionStore {
  constructor(
    private readonly persistent: SessionStorageLike | null,
    private readonly perTab: SessionStorageLike | null,
  ) {}

  static browser(): SessionStore {
    return new SessionStore(safeStorage(() => window.localStorage), safeStorage(() => window.sessionStorage));
  }

  load(): Session | null {
    return parse(this.perTab?.getItem(KEY) ?? null) ?? parse(this.persistent?.getItem(KEY) ?? null);
  }

  save(session: Session): void {
    const json = JSON.stringify(session);
    this.perTab?.setItem(KEY, json);
    if (session.user.guest) this.persistent?.removeItem(KEY);
    else this.persistent?.setItem(KEY, json);
  }

  clear(): void {
    this.perTab?.removeItem(KEY);
    this.persistent?.removeItem(KEY);
  }
}

function parse(json: string | null): Session | null {
  if (json === null) return null;
  try {
    const value = JSON.parse(json) as Partial<Session> | null;
    if (value && typeof value.token === 'string' && value.user && typeof value.user.username === 'string') {
      return value as Session;
    }
  } catch {
    // corrupt entry: treated as signed out
  }
  return null;
}

/** The storage `get` gives when it can be used, else null. */
export function safeStorage(get: () => Storage): SessionStorageLike | null {
  try {
    const storage = get();
    const probe = '__chillin_probe__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch {
    return null; // storage disabled (private mode, say): the session lasts as long as the page
  }
}

/** The WebSocket URL for this page: same host, ws or wss to match http or https. */
export function webSocketUrl(location: Pick<Location, 'protocol' | 'host'>, token: string | null): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  return `${scheme}//${location.host}/ws${query}`;
}
