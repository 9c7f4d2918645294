import type { AuthResponse, HistoryResponse, Room, User } from './types';

/** A failed request: the protocol's error code and message, or NETWORK when the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly retryAfter: number | undefined;

  constructor(status: number, code: string, message: string, field?: string, retryAfter?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.retryAfter = retryAfter;
  }
}

const FALLBACK_CODES: Record<number, string> = {
  400: 'VALIDATION',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

/** Reads `{"error": {"code", "message", "field"?}}`; anything else still becomes an ApiError with a code from the status. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const retryHeader = response.headers.get('Retry-After');
  const retryAfter = retryHeader !== null && /^\d+$/.test(retryHeader.trim()) ? Number(retryHeader.trim()) : undefined;
  let code = FALLBACK_CODES[response.status] ?? (response.status >= 500 ? 'INTERNAL' : 'MALFORMED');
  let message = `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  let field: string | undefined;
  try {
    const body: unknown = await response.json();
    const error = (body as { error?: unknown } | null)?.error as
      | { code?: unknown; message?: unknown; field?: unknown }
      | undefined;
    if (error && typeof error === 'object') {
      if (typeof error.code === 'string') code = error.code;
      if (typeof error.message === 'string' && error.message.trim() !== '') message = error.message;
      if (typeof error.field === 'string') field = error.field;
    }
  } catch {
    // not JSON (a proxy's error page, say): keep the status-based description
  }
  return new ApiError(response.status, code, message, field, retryAfter);
}

/** A human sentence for any failure, for showing next to the control that caused it. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'NETWORK':
        return "Can't reach the server. Check your connection and try again.";
      case 'RATE_LIMITED':
        return error.retryAfter !== undefined
          ? `Too many attempts. Try again in ${error.retryAfter} second${error.retryAfter === 1 ? '' : 's'}.`
          : 'Too many attempts. Wait a moment and try again.';
      case 'INTERNAL':
        return 'Something went wrong on the server. Please try again.';
      case 'UNAVAILABLE':
        return 'The server is temporarily unavailable. Please try again in a moment.';
      default:
        return sentence(error.message);
    }
  }
  if (error instanceof Error && error.message) return sentence(error.message);
  return 'Something went wrong. Please try again.';
}

/** Capitalises the first letter and ends with a full stop, so server texts read as sentences. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return trimmed;
  const first = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}

export interface ApiOptions {
  /** Returns the session token, or null for anonymous requests. */
  getToken: () => string | null;
  fetch?: typeof fetch;
}

export interface HistoryQuery {
  limit?: number;
  before?: number;
  after?: number;
}

export interface Api {
  register(username: string, password: string): Promise<AuthResponse>;
  login(username: string, password: string): Promise<AuthResponse>;
  guest(name: string): Promise<AuthResponse>;
  logout(): Promise<void>;
  me(): Promise<User>;
  /** Every room: the server's pages one after the other. */
  listRooms(): Promise<Room[]>;
  /** One room as the list shows it, or null when the server has no such room (any more). */
  room(name: string): Promise<Room | null>;
  createRoom(name: string, description: string, password: string): Promise<Room>;
  checkRoomAccess(roomName: string, password: string | undefined): Promise<Room>;
  history(room: string, query: HistoryQuery): Promise<HistoryResponse>;
}

/** Rooms per request when fetching the whole list: the server's largest page. */
export const ROOM_PAGE_LIMIT = 500;

const roomPath = (room: string): string => `/api/rooms/${encodeURIComponent(room)}`;

/** The REST client of PROTOCOL.md; every path is relative to the page's origin (`/api/...`). */
export function createApi(options: ApiOptions): Api {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = options.getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch (cause) {
      throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : 'network error');
    }
    if (!response.ok) throw await errorFromResponse(response);
    if (response.status === 204) return undefined as T;
    try {
      return (await response.json()) as T;
    } catch {
      throw new ApiError(response.status, 'MALFORMED', 'The server sent an answer the client cannot read.');
    }
  }

  return {
    register: (username, password) => request('POST', '/api/auth/register', { username, password }),
    login: (username, password) => request('POST', '/api/auth/login', { username, password }),
    guest: (name) => request('POST', '/api/auth/guest', { name }),
    logout: () => request('POST', '/api/auth/logout'),
    me: async () => (await request<{ user: User }>('GET', '/api/me')).user,
    listRooms: async () => {
      const rooms: Room[] = [];
      const seen = new Set<string>();
      let cursor: string | undefined;
      do {
        const query = `?limit=${ROOM_PAGE_LIMIT}${cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
        const page = await request<{ rooms: Room[]; nextCursor?: string | null }>('GET', `/api/rooms${query}`);
        rooms.push(...page.rooms);
        // a cursor seen before would go round for ever: what came so far is the list
        cursor = typeof page.nextCursor === 'string' && !seen.has(page.nextCursor) ? page.nextCursor : undefined;
        if (cursor !== undefined) seen.add(cursor);
      } while (cursor !== undefined);
      return rooms;
    },
    room: async (name) => {
      try {
        return (await request<{ room: Room }>('GET', roomPath(name))).room;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'NOT_FOUND') return null;
        throw error;
      }
    },
    createRoom: async (name, description, password) =>
      (
        await request<{ room: Room }>('POST', '/api/rooms/create', {
          name,
          ...(description.trim() !== '' ? { description: description.trim() } : {}),
          ...(password !== '' ? { password } : {}),
        })
      ).room,
    checkRoomAccess: async (roomName, password) =>
      (await request<{ room: Room }>('POST', '/api/rooms/join', password ? { roomName, password } : { roomName })).room,
    history: (room, query) => {
      const params = new URLSearchParams();
      if (query.limit !== undefined) params.set('limit', String(query.limit));
      if (query.before !== undefined) params.set('before', String(query.before));
      if (query.after !== undefined) params.set('after', String(query.after));
      const qs = params.toString();
      return request('GET', `${roomPath(room)}/messages${qs ? `?${qs}` : ''}`);
    },
  };
}
