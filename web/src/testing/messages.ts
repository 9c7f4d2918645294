import type { WireMessage } from '../api/types';

/** A v2 message of 'lobby' by bob with every v2 field at its empty value; its rev is its seq unless given. */
export function v2Message(seq: number, extra: Partial<WireMessage> = {}): WireMessage {
  return {
    id: seq,
    room: 'lobby',
    seq,
    user: 'bob',
    text: `message ${seq}`,
    timestamp: new Date(Date.UTC(2025, 0, 1, 12, 0, 0) + seq * 1000).toISOString(),
    kind: 'user',
    rev: seq,
    editedAt: null,
    deleted: false,
    replyTo: null,
    reactions: [],
    mentions: [],
    ...extra,
  };
}
