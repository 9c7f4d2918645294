import type { Reaction, ReplyQuote, WireMessage } from '../api/types';
import { strip } from '../lib/validation';

// One room's messages as the reader sees them, kept by a pure reducer: optimistic sends (temp id
// until the server confirms), failures and retries, an offline queue, and merging of live
// messages and history pages without ever showing a message twice (same id or same seq).
// A message the timeline has is replaced only by a copy with a newer rev (an edit, a delete, a
// reaction), and the quotes of the replies to it follow its text.

export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed';

export interface ChatItem {
  /** Stable React key: the temp id for messages written here, the server id otherwise. */
  key: string;
  id: number | string | null;
  tempId: string | null;
  seq: number | null;
  user: string;
  /** The author was a guest, not a registered account. */
  guest: boolean;
  text: string;
  timestamp: string;
  kind: 'user' | 'system';
  /** 'sent' for everything the server has; queued = waiting for the connection; sending = waiting for confirmation. */
  status: DeliveryStatus;
  error: string | null;
  /** Was on the wire when the connection dropped: the server may or may not have it. */
  uncertain: boolean;
  /** Sort key: [seq or anchor, class (0 message, 1 notice, 2 pending), arrival]. */
  order: readonly [number, number, number];
  /** The room's rev at this message's latest change (null from a v1 server and before confirmation). */
  rev: number | null;
  editedAt: string | null;
  deleted: boolean;
  replyTo: ReplyQuote | null;
  reactions: Reaction[];
  mentions: string[];
}

/** How many code points of the answered message a reply quotes (PROTOCOL.md). */
export const QUOTE_CODE_POINTS = 100;

/** The quote a reply shows of the message it answers: its current text cut short, "" once deleted. */
export function quoteOf(message: { text: string; deleted: boolean }): string {
  return message.deleted ? '' : Array.from(message.text).slice(0, QUOTE_CODE_POINTS).join('');
}

export interface Timeline {
  items: ChatItem[];
  /** Highest seq seen: what a re-join asks to resume after. */
  lastSeq: number | null;
  /** Lowest seq loaded: where loading older history continues. */
  oldestSeq: number | null;
  /** Older history exists on the server. */
  hasMoreOlder: boolean;
  /** Counts arrivals, to keep notices and pending messages in arrival order. */
  arrivals: number;
}

export type HistoryMode = 'latest' | 'resume' | 'older' | 'newer';

export type TimelineAction =
  | { type: 'local'; tempId: string; user: string; text: string; timestamp: string; online: boolean; replyTo?: ReplyQuote | null }
  | { type: 'sending'; tempIds: string[] }
  | { type: 'confirmed'; tempId: string; id: number; seq: number; timestamp: string }
  | { type: 'received'; message: WireMessage }
  /** A messageUpdated: replaces the message it names if that copy is newer; never adds one. */
  | { type: 'updated'; message: WireMessage }
  | { type: 'history'; messages: WireMessage[]; hasMore: boolean; mode: HistoryMode }
  | { type: 'failed'; tempId: string; error: string }
  | { type: 'retry'; tempId: string; online: boolean }
  | { type: 'discard'; tempId: string }
  | { type: 'connectionLost' };

export const emptyTimeline: Timeline = { items: [], lastSeq: null, oldestSeq: null, hasMoreOlder: false, arrivals: 0 };

export function timelineReducer(state: Timeline, action: TimelineAction): Timeline {
  switch (action.type) {
    case 'local': {
      if (state.items.some((i) => i.tempId === action.tempId)) return state;
      const arrivals = state.arrivals + 1;
      const item: ChatItem = {
        key: `tmp:${action.tempId}`,
        id: null,
        tempId: action.tempId,
        seq: null,
        user: action.user,
        guest: false,
        text: strip(action.text),
        timestamp: action.timestamp,
        kind: 'user',
        status: action.online ? 'sending' : 'queued',
        error: null,
        uncertain: false,
        order: [Number.POSITIVE_INFINITY, 2, arrivals],
        ...V1_DEFAULTS,
        replyTo: action.replyTo ?? null,
      };
      return { ...state, arrivals, items: [...state.items, item] };
    }
    case 'sending':
      return mapItems(state, (i) =>
        i.tempId !== null && action.tempIds.includes(i.tempId) && (i.status === 'queued' || i.status === 'failed')
          ? { ...i, status: 'sending', error: null }
          : i,
      );
    case 'confirmed': {
      const pending = state.items.find((i) => i.tempId === action.tempId && i.seq === null);
      if (!pending) return state;
      const confirmed: ChatItem = {
        ...pending,
        id: action.id,
        seq: action.seq,
        timestamp: action.timestamp,
        status: 'sent',
        error: null,
        uncertain: false,
        order: [action.seq, 0, 0],
      };
      const others = state.items.filter((i) => i !== pending && !sameMessage(i, action.id, action.seq));
      return withSeqBounds(sorted({ ...state, items: [...others, confirmed] }), [action.seq]);
    }
    case 'received':
      return merge(state, [action.message], 'insert');
    case 'updated':
      return merge(state, [action.message], 'replaceOnly');
    case 'history': {
      // A resume by rev brings changed old messages too: only those the timeline shows (or could show) count.
      const merged = merge(state, action.messages, action.mode === 'resume' ? 'insertLoaded' : 'insert');
      if (action.mode === 'older') return { ...merged, hasMoreOlder: action.hasMore };
      // The first page of a join says whether older messages exist; 'resume' and 'newer' pages speak of newer ones.
      if (action.mode === 'latest' && state.oldestSeq === null) return { ...merged, hasMoreOlder: action.hasMore };
      return merged;
    }
    case 'failed':
      return mapItems(state, (i) =>
        i.tempId === action.tempId && i.status !== 'sent' ? { ...i, status: 'failed', error: action.error } : i,
      );
    case 'retry':
      return mapItems(state, (i) =>
        i.tempId === action.tempId && i.status === 'failed'
          ? { ...i, status: action.online ? 'sending' : 'queued', error: null }
          : i,
      );
    case 'discard': {
      const items = state.items.filter((i) => !(i.tempId === action.tempId && i.status === 'failed'));
      return items.length === state.items.length ? state : { ...state, items };
    }
    case 'connectionLost':
      return mapItems(state, (i) => (i.status === 'sending' ? { ...i, status: 'queued', uncertain: true } : i));
  }
}

/** Messages written here that wait for the connection, oldest first. */
export function queuedMessages(state: Timeline): ChatItem[] {
  return state.items.filter((i) => i.status === 'queued');
}

/** Messages written here that are not confirmed yet. */
export function unconfirmedCount(state: Timeline): number {
  return state.items.filter((i) => i.status === 'queued' || i.status === 'sending').length;
}

type V2Fields = Pick<ChatItem, 'rev' | 'editedAt' | 'deleted' | 'replyTo' | 'reactions' | 'mentions'>;

const V1_DEFAULTS: V2Fields = { rev: null, editedAt: null, deleted: false, replyTo: null, reactions: [], mentions: [] };

/**
 * insert: add what is new; replaceOnly: only update messages held (a messageUpdated);
 * insertLoaded: like insert, but a message below the loaded part of a longer history is left to
 * loading older pages, which bring it in its current state.
 */
type MergeMode = 'insert' | 'replaceOnly' | 'insertLoaded';

function merge(state: Timeline, messages: WireMessage[], mode: MergeMode): Timeline {
  let next = state;
  const seqs: number[] = [];
  let changed = false;
  for (const m of messages) {
    const result = mergeOne(next, m, mode);
    if (result === next) continue;
    next = result;
    changed = true;
    if (m.kind !== 'system' && typeof m.seq === 'number') seqs.push(m.seq);
  }
  if (!changed) return state;
  return withSeqBounds(sorted(next), seqs);
}

function mergeOne(state: Timeline, m: WireMessage, mode: MergeMode): Timeline {
  if (mode === 'replaceOnly' || (m.kind !== 'system' && typeof m.seq === 'number' && holds(state, m.id, m.seq))) {
    return replaceNewer(state, m);
  }
  if (
    mode === 'insertLoaded' &&
    typeof m.seq === 'number' &&
    state.hasMoreOlder &&
    state.oldestSeq !== null &&
    m.seq < state.oldestSeq
  ) {
    return state;
  }
  if (m.kind === 'system' || typeof m.seq !== 'number') {
    if (state.items.some((i) => i.id === m.id)) return state;
    const arrivals = state.arrivals + 1;
    const notice: ChatItem = {
      key: `sys:${String(m.id)}`,
      id: m.id,
      tempId: null,
      seq: null,
      user: m.user,
      guest: false,
      text: m.text,
      timestamp: m.timestamp,
      kind: 'system',
      status: 'sent',
      error: null,
      uncertain: false,
      order: [0, 1, arrivals],
      ...V1_DEFAULTS,
    };
    return { ...state, arrivals, items: [...state.items, notice] };
  }
  const seq = m.seq;
  const pending =
    (m.tempId !== undefined && state.items.find((i) => i.tempId === m.tempId && i.seq === null)) ||
    state.items.find(
      (i) => i.uncertain && i.seq === null && i.user.toLowerCase() === m.user.toLowerCase() && i.text === m.text,
    );
  const item: ChatItem = {
    key: pending ? pending.key : `msg:${String(m.id)}`,
    id: m.id,
    tempId: pending ? pending.tempId : (m.tempId ?? null),
    seq,
    user: m.user,
    guest: m.guest === true,
    text: m.text,
    timestamp: m.timestamp,
    kind: 'user',
    status: 'sent',
    error: null,
    uncertain: false,
    order: [seq, 0, 0],
    ...v2Fields(m),
  };
  const items = pending ? state.items.filter((i) => i !== pending) : state.items;
  return requote({ ...state, items: [...items, item] }, item);
}

function v2Fields(m: WireMessage): V2Fields {
  return {
    rev: typeof m.rev === 'number' ? m.rev : null,
    editedAt: m.editedAt ?? null,
    deleted: m.deleted === true,
    replyTo: m.replyTo ?? null,
    reactions: Array.isArray(m.reactions) ? m.reactions : [],
    mentions: Array.isArray(m.mentions) ? m.mentions : [],
  };
}

function holds(state: Timeline, id: number | string, seq: number): boolean {
  return state.items.some((i) => sameMessage(i, id, seq));
}

/** A copy of a held message with a newer rev replaces it (a stale or repeated one changes nothing). */
function replaceNewer(state: Timeline, m: WireMessage): Timeline {
  if (m.kind === 'system' || typeof m.seq !== 'number' || typeof m.rev !== 'number') return state;
  const seq = m.seq;
  const rev = m.rev;
  const held = state.items.find((i) => sameMessage(i, m.id, seq));
  if (!held || (held.rev !== null && held.rev >= rev)) return state;
  const item: ChatItem = { ...held, id: m.id, text: m.text, user: m.user, ...v2Fields(m) };
  return requote({ ...state, items: state.items.map((i) => (i === held ? item : i)) }, item);
}

/** The replies to `answered` quote its current text. */
function requote(state: Timeline, answered: ChatItem): Timeline {
  if (answered.seq === null) return state;
  const text = quoteOf(answered);
  return mapItems(state, (i) =>
    i.replyTo !== null && i.replyTo.seq === answered.seq && i.replyTo.text !== text ? { ...i, replyTo: { ...i.replyTo, text } } : i,
  );
}

function sameMessage(item: ChatItem, id: number | string, seq: number): boolean {
  return item.kind === 'user' && item.seq !== null && (item.id === id || item.seq === seq);
}

function withSeqBounds(state: Timeline, seqs: number[]): Timeline {
  if (seqs.length === 0) return state;
  const max = Math.max(...seqs);
  const min = Math.min(...seqs);
  return {
    ...state,
    lastSeq: state.lastSeq === null ? max : Math.max(state.lastSeq, max),
    oldestSeq: state.oldestSeq === null ? min : Math.min(state.oldestSeq, min),
  };
}

/** Orders messages by seq, pending ones last, and places each notice after the messages sent before it. */
function sorted(state: Timeline): Timeline {
  const stamps = state.items
    .filter((i) => i.kind === 'user' && i.seq !== null)
    .map((i) => ({ seq: i.seq as number, at: Date.parse(i.timestamp) }));
  const items = state.items.map((i) => {
    if (i.kind !== 'system') return i;
    const at = Date.parse(i.timestamp);
    let anchor = 0;
    for (const s of stamps) if (s.at <= at && s.seq > anchor) anchor = s.seq;
    return anchor === i.order[0] ? i : { ...i, order: [anchor, 1, i.order[2]] as const };
  });
  items.sort(compareOrder);
  return { ...state, items };
}

function compareOrder(a: ChatItem, b: ChatItem): number {
  for (let k = 0; k < 3; k++) {
    const x = a.order[k] as number;
    const y = b.order[k] as number;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function mapItems(state: Timeline, f: (item: ChatItem) => ChatItem): Timeline {
  let changed = false;
  const items = state.items.map((i) => {
    const next = f(i);
    if (next !== i) changed = true;
    return next;
  });
  return changed ? { ...state, items } : state;
}
