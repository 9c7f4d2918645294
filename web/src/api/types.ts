// The wire shapes of docs/PROTOCOL.md, as the client reads them.

export interface User {
  username: string;
  avatarUrl: string;
  guest: boolean;
  createdAt: string | null;
}

export interface Room {
  name: string;
  description: string;
  creator: string;
  isPrivate: boolean;
  memberCount: number;
  createdAt: string;
}

/** A persisted message has a numeric id and a seq; a system notice has a `system-...` id and no seq. */
export interface WireMessage {
  id: number | string;
  room: string;
  seq?: number;
  user: string;
  text: string;
  timestamp: string;
  kind: 'user' | 'system';
  tempId?: string;
  /** Present (true) when the author was a guest, not a registered account. */
  guest?: boolean;
}

export interface Member {
  username: string;
  avatarUrl: string;
  /** A guest rather than a registered account (absent from older servers). */
  guest?: boolean;
}

export interface AuthResponse {
  user: User;
  token: string;
}

export interface HistoryResponse {
  messages: WireMessage[];
  hasMore: boolean;
}

export type ClientFrame =
  | { type: 'auth'; ref?: string; token: string }
  | { type: 'join'; ref?: string; room: string; name?: string; password?: string; sinceSeq?: number }
  | { type: 'leave'; ref?: string; room: string }
  | { type: 'sendMessage'; ref?: string; room: string; tempId: string; text: string }
  | { type: 'typing'; room: string }
  | { type: 'stopTyping'; room: string }
  | { type: 'ping'; ref?: string }
  | { type: 'watchRooms'; ref?: string }
  | { type: 'unwatchRooms'; ref?: string };

export type ServerFrame =
  | { type: 'ack'; ref?: string | number; ok: true }
  | { type: 'error'; ref?: string | number; code: string; message: string; field?: string; retryAfter?: number }
  | { type: 'message'; room: string; message: WireMessage }
  | { type: 'messageConfirmed'; ref?: string | number; room: string; tempId: string; id: number; seq: number; timestamp: string }
  | { type: 'messageHistory'; room: string; messages: WireMessage[]; hasMore: boolean }
  | { type: 'roomData'; room: string; users: Member[]; memberCount: number }
  | { type: 'userTyping'; room: string; user: string }
  | { type: 'userStoppedTyping'; room: string; user: string }
  | { type: 'pong'; ref?: string | number }
  | { type: 'roomDeleted'; room: string }
  | RoomListEvent;

/** Room-list events, sent only to a connection that asked for them with `watchRooms` (an extension). */
export type RoomListEvent =
  | { type: 'roomActivity'; room: string; memberCount: number }
  | { type: 'roomListChanged'; room: string };

/** Parses one text frame; anything that is not a JSON object with a string `type` is null. */
export function parseServerFrame(data: unknown): ServerFrame | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    if (value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') {
      return value as ServerFrame;
    }
  } catch {
    // not JSON: ignored
  }
  return null;
}
