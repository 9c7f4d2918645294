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
  /** v2, with a token: the seq my read marker stands at (0 if none). */
  lastReadSeq?: number;
  /** v2, with a token: messages above the marker that are not deleted and not mine. */
  unread?: number;
  /** v2, with a token: of those, the ones that mention me. */
  unreadMentions?: number;
}

/** v2: the message a reply answers, with that message's current text cut to 100 code points ("" once deleted). */
export interface ReplyQuote {
  seq: number;
  user: string;
  text: string;
}

/** v2: one emoji on a message and who put it there, in the order they reacted. */
export interface Reaction {
  emoji: string;
  count: number;
  users: string[];
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
  // v2 fields; a v1 server sends none of them.
  /** The room's rev at this message's latest change. */
  rev?: number;
  editedAt?: string | null;
  deleted?: boolean;
  replyTo?: ReplyQuote | null;
  reactions?: Reaction[];
  /** Registered usernames the text mentions. */
  mentions?: string[];
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
  /** v2: the room's current rev. */
  rev?: number;
}

export type ClientFrame =
  | { type: 'auth'; ref?: string; token: string }
  | { type: 'join'; ref?: string; room: string; name?: string; password?: string; sinceSeq?: number; sinceRev?: number }
  | { type: 'leave'; ref?: string; room: string }
  | { type: 'sendMessage'; ref?: string; room: string; tempId: string; text: string; replyTo?: number }
  | { type: 'editMessage'; ref?: string; room: string; seq: number; text: string }
  | { type: 'deleteMessage'; ref?: string; room: string; seq: number }
  | { type: 'react'; ref?: string; room: string; seq: number; emoji: string; on: boolean }
  | { type: 'markRead'; ref?: string; room: string; seq: number }
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
  | { type: 'messageHistory'; room: string; messages: WireMessage[]; hasMore: boolean; rev?: number }
  | { type: 'messageUpdated'; room: string; message: WireMessage }
  | { type: 'readMarker'; room: string; seq: number }
  | { type: 'mention'; room: string; message: WireMessage }
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
