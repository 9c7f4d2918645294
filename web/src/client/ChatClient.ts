import { ApiError, createApi, describeError, sentence, type Api } from '../api/rest';
import type { ClientFrame, Room, RoomListEvent, ServerFrame, WireMessage } from '../api/types';
import { ChatConnection, FatalConnectionError, type ConnectionOptions, type SocketLike, type Timers } from '../connection/ChatConnection';
import type { ConnectionState } from '../connection/machine';
import { quoteOf, queuedMessages, timelineReducer, type ChatItem, type HistoryMode, type TimelineAction } from '../store/timeline';
import { hasReacted, withPendingActions, type MessageAction, type PendingAction } from '../store/pendingActions';
import type { RoomUnread, UnreadTable } from '../store/unread';
import { codePointLength, roomKey, normaliseRoomName, strip, validateMessage } from '../lib/validation';
import type { RoomWatchStatus } from '../store/roomList';
import { PendingRequests, type PendingRequest } from './PendingRequests';
import { RoomSession, type JoinState, type RoomState } from './RoomSession';
import { UnreadTracker, type HeldTimeline } from './UnreadTracker';
import { webSocketUrl, type Session, type SessionStore } from './session';

// The client's brain: the session, the connection and every joined room (one RoomSession each),
// the frames waiting for answers (one PendingRequests table) and the unread counts of every room.
// Components read its snapshot (useSyncExternalStore) and call its methods; it owns no DOM.

export type { JoinState, RoomState, RoomUnread };

export type { RoomWatchStatus };

export type RoomWatchEvent = RoomListEvent | { type: 'status'; status: RoomWatchStatus };

export type SessionProblem = { code: 'SESSION_EXPIRED' | 'NAME_TAKEN' | 'SIGNED_OUT'; message: string };

/** A message that mentions me: from a `mention` frame (a room this connection is not in) or a live one in a joined room. */
export interface MentionEvent {
  room: string;
  message: WireMessage;
}

export interface ChatSnapshot {
  session: Session | null;
  connection: ConnectionState;
  sessionProblem: SessionProblem | null;
  rooms: Readonly<Record<string, RoomState>>;
  /** Read markers and unread counts per room key, joined or not (v2; empty with a v1 server). */
  unread: UnreadTable;
  online: boolean;
}

export interface ChatClientOptions {
  sessions: SessionStore;
  api?: Api;
  createSocket?: (url: string) => SocketLike;
  location?: Pick<Location, 'protocol' | 'host'>;
  timers?: Timers;
  now?: () => number;
  random?: () => number;
  connection?: Partial<ConnectionOptions>;
  /** How long a sent message (or an edit, delete, reaction) may wait for its answer before it counts as failed. */
  confirmTimeoutMs?: number;
  /** How long a "typing" notice lasts without being repeated. */
  typingTtlMs?: number;
  /** How long after a marker moved past counts it cannot recompute the room list is fetched again. */
  unreadRefetchMs?: number;
}

export { roomKey };

const RESUME_PAGE = 100;
const OLDER_PAGE = 50;
/** A resume by rev in parts asks again at most this often before leaving the rest to the next re-join. */
const MAX_REV_ROUNDS = 50;
const EMOJI_MAX = 16;

export class ChatClient {
  readonly api: Api;
  private readonly connection: ChatConnection;
  private readonly sessions: SessionStore;
  private readonly timers: Timers;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly confirmTimeoutMs: number;
  private readonly typingTtlMs: number;
  private snapshot: ChatSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly rooms = new Map<string, RoomSession>();
  private readonly pending: PendingRequests;
  private typingTimer: unknown = null;
  private readonly unread: UnreadTracker;
  private readonly roomWatchers = new Set<(event: RoomWatchEvent) => void>();
  private watchState: RoomWatchStatus = 'off';
  private readonly mentionListeners = new Set<(event: MentionEvent) => void>();
  private actionCounter = 0;

  constructor(options: ChatClientOptions) {
    this.sessions = options.sessions;
    this.timers = options.timers ?? {
      setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
      clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
    };
    this.pending = new PendingRequests(this.timers);
    this.now = options.now ?? (() => Date.now());
    this.random = options.random ?? Math.random;
    this.confirmTimeoutMs = options.confirmTimeoutMs ?? 15_000;
    this.typingTtlMs = options.typingTtlMs ?? 6_000;
    this.api = options.api ?? createApi({ getToken: () => this.snapshot.session?.token ?? null });
    this.unread = new UnreadTracker({
      timers: this.timers,
      listRooms: () => this.api.listRooms(),
      publish: (unread) => this.update({ unread }),
      canFetch: () => this.snapshot.session !== null,
      refetchMs: options.unreadRefetchMs ?? 500,
      afterListing: () => {
        for (const session of this.rooms.values()) this.recount(session);
      },
    });
    const location = options.location ?? window.location;
    const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
    this.connection = new ChatConnection({
      timers: this.timers,
      now: this.now,
      random: this.random,
      ...options.connection,
      createSocket,
      url: async (attempt) => {
        if (attempt > 0) await this.ensureSession();
        const session = this.snapshot.session;
        if (!session) throw new FatalConnectionError('SIGNED_OUT', 'You are signed out.');
        // the token goes in the first frame, not the URL, so that no access log ever records it
        return webSocketUrl(location, null);
      },
    });
    this.snapshot = {
      session: this.sessions.load(),
      connection: this.connection.current,
      sessionProblem: null,
      rooms: {},
      unread: {},
      online: typeof navigator === 'undefined' ? true : navigator.onLine !== false,
    };
    this.connection.onState((state) => this.connectionChanged(state));
    this.connection.onFrame((frame) => this.handle(frame));
  }

  // ---- store plumbing ------------------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ChatSnapshot => this.snapshot;

  private update(change: Partial<ChatSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of [...this.listeners]) listener();
  }

  /** Replaces a joined room's state (a room left meanwhile stays gone). */
  private change(session: RoomSession, f: (room: RoomState) => RoomState): void {
    if (this.rooms.get(session.key) !== session) return;
    const next = f(session.state);
    if (next === session.state) return;
    session.state = next;
    this.update({ rooms: { ...this.snapshot.rooms, [session.key]: next } });
  }

  private timeline(session: RoomSession, action: TimelineAction): void {
    this.change(session, (room) => {
      const timeline = timelineReducer(room.timeline, action);
      return timeline === room.timeline ? room : { ...room, timeline };
    });
    this.recount(session);
  }

  private roomOf(name: string): RoomSession | undefined {
    return this.rooms.get(roomKey(name));
  }

  private get me(): string {
    return this.snapshot.session?.user.username ?? '';
  }

  private forgetRooms(): void {
    this.pending.clear();
    this.rooms.clear();
    this.unread.reset();
  }

  // ---- session -------------------------------------------------------------------------------

  get session(): Session | null {
    return this.snapshot.session;
  }

  /** Signs in (after login, registration or as a guest); a different user starts with no rooms. */
  signIn(session: Session): void {
    const previous = this.snapshot.session;
    this.sessions.save(session);
    const sameUser = previous !== null && previous.user.username.toLowerCase() === session.user.username.toLowerCase();
    if (!sameUser) this.forgetRooms();
    this.update({ session, sessionProblem: null, ...(sameUser ? {} : { rooms: {} }) });
    if (sameUser && Object.keys(this.snapshot.rooms).length > 0) {
      // a fresh token: reconnect with it at once
      if (this.snapshot.connection.status === 'CONNECTED') this.connection.reconnect('Signed in again.');
      else this.connection.retryNow();
    }
  }

  /** Checks a remembered session at start: a guest gets a fresh token if the old one is gone. */
  async restoreSession(): Promise<Session | null> {
    const session = this.snapshot.session;
    if (!session) return null;
    try {
      await this.ensureSession();
    } catch {
      // Nothing is open yet, so there is nothing to keep: start signed out, with the reason on the home page.
      this.sessions.clear();
      this.update({ session: null });
    }
    return this.snapshot.session;
  }

  async signOut(): Promise<void> {
    const session = this.snapshot.session;
    const loggingOut = session ? this.api.logout().catch(() => undefined) : Promise.resolve();
    this.connection.stop();
    this.sessions.clear();
    this.forgetRooms();
    this.update({ session: null, rooms: {}, sessionProblem: null });
    await loggingOut; // a failed logout is harmless: the token dies with the server's session anyway
  }

  /** Logs in again in place after the server forgot the session, keeping rooms and unsent messages. */
  async reauthenticate(password: string): Promise<void> {
    const session = this.snapshot.session;
    if (!session) throw new Error('not signed in');
    const result = await this.api.login(session.user.username, password);
    this.signIn(result);
  }

  /** Makes sure the token still works; renews a guest's; reports an account's expiry. */
  private async ensureSession(): Promise<void> {
    const session = this.snapshot.session;
    if (!session) return;
    try {
      await this.api.me();
      return;
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'UNAUTHORIZED') return; // server down: the socket will tell
    }
    if (!session.user.guest) {
      const problem: SessionProblem = {
        code: 'SESSION_EXPIRED',
        message: 'Your session has ended (the server may have restarted). Log in again to continue.',
      };
      this.update({ sessionProblem: problem });
      throw new FatalConnectionError(problem.code, problem.message);
    }
    try {
      // the guest endpoint ignores the stale token the client still holds
      const renewed = await this.api.guest(session.user.username);
      this.sessions.save(renewed);
      this.update({ session: renewed, sessionProblem: null });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NETWORK') return;
      const problem: SessionProblem = {
        code: error instanceof ApiError && error.code === 'NAME_TAKEN' ? 'NAME_TAKEN' : 'SESSION_EXPIRED',
        message: `Your guest session has ended and could not be renewed: ${describeError(error)}`,
      };
      this.update({ sessionProblem: problem });
      throw new FatalConnectionError(problem.code, problem.message);
    }
  }

  // ---- connection ----------------------------------------------------------------------------

  retryConnection(): void {
    this.connection.retryNow();
  }

  setOnline(online: boolean): void {
    if (online === this.snapshot.online) return;
    this.update({ online });
    if (online && this.snapshot.connection.status === 'RECONNECTING') this.connection.retryNow();
  }

  private connectionChanged(state: ConnectionState): void {
    const wasConnected = this.snapshot.connection.status === 'CONNECTED';
    this.update({ connection: state });
    if (state.status === 'CONNECTED' && !wasConnected) {
      const token = this.snapshot.session?.token;
      // frames are handled in order: the joins below already count as this session's
      if (token) this.send({ type: 'auth', ref: this.pending.add({ kind: 'auth' }, { ref: 'auth' }), token });
      for (const session of this.rooms.values()) this.sendJoin(session);
      if (this.roomWatchers.size > 0) this.sendWatch();
      // markers may have moved in other tabs while the socket was down (the rooms screen fetches its own list)
      if (this.snapshot.session && this.rooms.size > 0) void this.unread.refresh();
    } else if (wasConnected && state.status !== 'CONNECTED') {
      if (this.roomWatchers.size > 0) {
        // the server forgets a watch with its connection: ask again after the reconnect
        this.setWatchStatus('waiting');
      }
      // No answer can come on a closed connection: what was on its way goes again after the re-join.
      for (const request of this.pending.clear()) {
        if (request.kind === 'markRead') {
          const session = this.rooms.get(request.key);
          if (session) session.unsentMark = Math.max(session.unsentMark ?? 0, request.seq);
        }
      }
      const rooms: Record<string, RoomState> = {};
      for (const [key, session] of this.rooms) {
        session.awaitingHistory = false;
        session.catchingUp = false;
        session.typingUntil.clear();
        const room = session.state;
        session.state = {
          ...room,
          joinState: room.joinState === 'error' ? 'error' : 'joining',
          typing: [],
          timeline: timelineReducer(room.timeline, { type: 'connectionLost' }),
          actions: room.actions.map((a) => (a.status === 'sending' ? { ...a, status: 'queued' } : a)),
        };
        rooms[key] = session.state;
      }
      this.update({ rooms });
    }
  }

  private send(frame: ClientFrame): boolean {
    return this.connection.send(frame);
  }

  // ---- rooms ---------------------------------------------------------------------------------

  /** Enters a room (creating it if it does not exist); `password` for a private one. */
  joinRoom(name: string, password?: string, info?: Room): void {
    const key = roomKey(name);
    const existing = this.rooms.get(key);
    if (existing && password !== undefined) existing.password = password;
    if (existing && existing.state.joinState !== 'error') return;
    const session = existing ?? new RoomSession(key, normaliseRoomName(name), info ?? null, password);
    if (!existing) this.rooms.set(key, session);
    session.state = { ...session.state, joinState: 'joining', joinError: null };
    this.update({ rooms: { ...this.snapshot.rooms, [key]: session.state } });
    const status = this.snapshot.connection.status;
    if (status === 'CONNECTED') this.sendJoin(session);
    else if (status === 'DISCONNECTED' || status === 'FAILED') this.connection.start();
  }

  /** Leaves a room and forgets its state (its unread counts stay, for the room list). */
  leaveRoom(name: string): void {
    const key = roomKey(name);
    const session = this.rooms.get(key);
    if (!session) return;
    this.pending.drop((r) => 'key' in r && r.key === key);
    if (session.state.joinState === 'joined') {
      this.send({ type: 'leave', ref: this.pending.add({ kind: 'leave', key }), room: session.name });
    }
    this.rooms.delete(key);
    const rooms = { ...this.snapshot.rooms };
    delete rooms[key];
    this.update({ rooms });
  }

  /** Room details from the REST list (description, creator), shown in the header. */
  setRoomInfo(info: Room): void {
    const session = this.roomOf(info.name);
    if (session) this.change(session, (room) => ({ ...room, info, name: info.name }));
  }

  /** Sends a join: the first asks for the latest page, a re-join for what changed since its cursor. */
  private sendJoin(session: RoomSession, catchingUp = false): void {
    if (session.state.joinState === 'error') return;
    const cursor = session.resumeCursor();
    const ref = this.pending.add({ kind: 'join', key: session.key });
    const frame: ClientFrame = {
      type: 'join',
      ref,
      room: session.name,
      ...(session.password !== undefined ? { password: session.password } : {}),
      ...cursor,
    };
    if (!this.send(frame)) {
      this.pending.take(ref);
      return;
    }
    session.joinedByRev = 'sinceRev' in cursor;
    if (!catchingUp) this.change(session, (r) => ({ ...r, joinState: 'joining', joinError: null }));
  }

  // ---- room list ---------------------------------------------------------------------------

  /** How watching the room list stands now (see RoomWatchStatus). */
  get roomWatchStatus(): RoomWatchStatus {
    return this.watchState;
  }

  /**
   * Receives room-list events (member counts, list changes) and watch status changes while the
   * returned function has not been called. The first watcher opens the WebSocket if none is open
   * and sends `watchRooms` (again after every reconnect); the last one sends `unwatchRooms`.
   */
  watchRooms(listener: (event: RoomWatchEvent) => void): () => void {
    this.roomWatchers.add(listener);
    if (this.roomWatchers.size === 1) {
      this.setWatchStatus('waiting');
      const status = this.snapshot.connection.status;
      if (status === 'CONNECTED') this.sendWatch();
      else if ((status === 'DISCONNECTED' || status === 'FAILED') && this.snapshot.session && !this.snapshot.sessionProblem) {
        this.connection.start();
      }
    }
    return () => {
      if (!this.roomWatchers.delete(listener) || this.roomWatchers.size > 0) return;
      const wasWatching = this.watchState === 'pending' || this.watchState === 'active';
      this.pending.drop((r) => r.kind === 'watch');
      this.watchState = 'off';
      if (wasWatching) this.send({ type: 'unwatchRooms', ref: this.pending.add({ kind: 'unwatch' }) });
      // The connection stays open, as after leaving a room: the next screen most likely needs it.
    };
  }

  private sendWatch(): void {
    const ref = this.pending.add({ kind: 'watch' });
    if (!this.send({ type: 'watchRooms', ref })) {
      this.pending.take(ref);
      return;
    }
    this.setWatchStatus('pending');
  }

  private setWatchStatus(status: RoomWatchStatus): void {
    if (status === this.watchState) return;
    this.watchState = status;
    this.emitRoomWatch({ type: 'status', status });
  }

  private emitRoomWatch(event: RoomWatchEvent): void {
    for (const listener of [...this.roomWatchers]) listener(event);
  }

  // ---- messages ------------------------------------------------------------------------------

  /** Shows the message at once and sends it, or queues it until the room is joined again; `replyTo` is the seq it answers. */
  sendMessage(roomName: string, text: string, replyTo?: number): string | null {
    const session = this.roomOf(roomName);
    const me = this.snapshot.session?.user.username;
    if (!session || !me || validateMessage(text) !== null) return null;
    const answered = replyTo === undefined ? undefined : messageAt(session.state.timeline.items, replyTo);
    const tempId = this.newTempId();
    const online = this.canSend(session);
    this.timeline(session, {
      type: 'local',
      tempId,
      user: me,
      text,
      timestamp: new Date(this.now()).toISOString(),
      online,
      replyTo: answered ? { seq: replyTo as number, user: answered.user, text: quoteOf(answered) } : null,
    });
    if (online) this.transmit(session, tempId);
    return tempId;
  }

  retryMessage(roomName: string, tempId: string): void {
    const session = this.roomOf(roomName);
    if (!session) return;
    const online = this.canSend(session);
    this.timeline(session, { type: 'retry', tempId, online });
    if (online) this.transmit(session, tempId);
  }

  discardMessage(roomName: string, tempId: string): void {
    const session = this.roomOf(roomName);
    if (session) this.timeline(session, { type: 'discard', tempId });
  }

  /** Tells the others this user is typing (true) or stopped (false). */
  setTyping(roomName: string, typing: boolean): void {
    const session = this.roomOf(roomName);
    if (!session || session.state.joinState !== 'joined') return;
    this.send({ type: typing ? 'typing' : 'stopTyping', room: session.name });
  }

  /** Loads the page of history before the oldest message shown. */
  async loadOlder(roomName: string): Promise<void> {
    const session = this.roomOf(roomName);
    const room = session?.state;
    if (!session || !room || room.loadingOlder || !room.timeline.hasMoreOlder || room.timeline.oldestSeq === null) return;
    this.change(session, (r) => ({ ...r, loadingOlder: true, olderError: null }));
    try {
      const page = await this.api.history(room.name, { before: room.timeline.oldestSeq, limit: OLDER_PAGE });
      this.timeline(session, { type: 'history', messages: page.messages, hasMore: page.hasMore, mode: 'older' });
      this.change(session, (r) => ({ ...r, loadingOlder: false }));
    } catch (error) {
      this.change(session, (r) => ({ ...r, loadingOlder: false, olderError: describeError(error) }));
    }
  }

  private canSend(session: RoomSession): boolean {
    return (
      this.snapshot.connection.status === 'CONNECTED' &&
      this.rooms.get(session.key) === session &&
      session.state.joinState === 'joined' &&
      !session.awaitingHistory
    );
  }

  private transmit(session: RoomSession, tempId: string): void {
    const item = session.state.timeline.items.find((i) => i.tempId === tempId);
    if (!item) return;
    const key = session.key;
    this.pending.add(
      { kind: 'send', key, tempId },
      {
        ref: tempId,
        timeoutMs: this.confirmTimeoutMs,
        onTimeout: () => {
          const current = session.state.timeline.items.find((i) => i.tempId === tempId);
          if (current && current.status === 'sending') {
            this.timeline(session, { type: 'failed', tempId, error: 'The server did not confirm this message.' });
          }
        },
      },
    );
    const sent = this.send({
      type: 'sendMessage',
      ref: tempId,
      room: session.name,
      tempId,
      text: item.text,
      ...(item.replyTo ? { replyTo: item.replyTo.seq } : {}),
    });
    if (!sent) {
      // the connection went away between the check and the send: the reconnect sends it
      this.pending.take(tempId);
      this.timeline(session, { type: 'connectionLost' });
      return;
    }
    this.timeline(session, { type: 'sending', tempIds: [tempId] });
  }

  /** After the history of a (re-)join: the messages, changes and read marker written meanwhile go out, in order. */
  private flushQueue(session: RoomSession): void {
    for (const item of queuedMessages(session.state.timeline)) {
      if (item.tempId && this.canSend(session)) this.transmit(session, item.tempId);
    }
    for (const action of session.state.actions) {
      if (action.status === 'queued' && this.canSend(session)) this.transmitAction(session, action);
    }
    if (session.unsentMark !== null && this.canSend(session)) {
      const seq = session.unsentMark;
      session.unsentMark = null;
      this.transmitMark(session, seq);
    }
  }

  private newTempId(): string {
    const c = globalThis.crypto as Crypto | undefined;
    if (c && typeof c.randomUUID === 'function') return c.randomUUID();
    return `t-${this.now().toString(36)}-${Math.floor(this.random() * 1e12).toString(36)}`;
  }

  // ---- edits, deletes, reactions (v2) ----------------------------------------------------------

  /** Replaces the text of one of my messages; false when there is nothing to send (same text, invalid, gone). */
  editMessage(roomName: string, seq: number, text: string): boolean {
    const session = this.roomOf(roomName);
    const shown = session ? this.shownMessage(session, seq) : undefined;
    if (!session || !shown || shown.deleted || validateMessage(text) !== null) return false;
    if (strip(text) === shown.text) return false;
    return this.act(session, { type: 'editMessage', seq, text: strip(text) });
  }

  deleteMessage(roomName: string, seq: number): boolean {
    const session = this.roomOf(roomName);
    const shown = session ? this.shownMessage(session, seq) : undefined;
    if (!session || !shown || shown.deleted) return false;
    return this.act(session, { type: 'deleteMessage', seq });
  }

  /** Adds (on) or takes back my reaction with `emoji`. */
  react(roomName: string, seq: number, emoji: string, on: boolean): boolean {
    const session = this.roomOf(roomName);
    const shown = session ? this.shownMessage(session, seq) : undefined;
    const length = codePointLength(emoji);
    if (!session || !shown || shown.deleted || length < 1 || length > EMOJI_MAX || /[\s\p{Cc}]/u.test(emoji)) return false;
    if (hasReacted(shown.reactions, emoji, this.me) === on) return false;
    return this.act(session, { type: 'react', seq, emoji, on });
  }

  /** Reacts with `emoji`, or takes my reaction back if I have it there. */
  toggleReaction(roomName: string, seq: number, emoji: string): boolean {
    const session = this.roomOf(roomName);
    const shown = session ? this.shownMessage(session, seq) : undefined;
    if (!shown) return false;
    return this.react(roomName, seq, emoji, !hasReacted(shown.reactions, emoji, this.me));
  }

  dismissActionError(roomName: string): void {
    const session = this.roomOf(roomName);
    if (session) this.change(session, (r) => (r.actionError === null ? r : { ...r, actionError: null }));
  }

  /** The message as it is shown: the server's copy with my waiting changes laid over it. */
  private shownMessage(session: RoomSession, seq: number): ChatItem | undefined {
    if (session.state.rev === null) return undefined; // a v1 server knows no edits, deletes or reactions
    const item = messageAt(session.state.timeline.items, seq);
    return item ? withPendingActions(item, session.state.actions, this.me).item : undefined;
  }

  private act(session: RoomSession, action: MessageAction): boolean {
    const pendingAction: PendingAction = { id: `a${++this.actionCounter}`, action, status: 'queued' };
    this.change(session, (r) => ({ ...r, actions: [...r.actions, pendingAction], actionError: null }));
    if (this.canSend(session)) this.transmitAction(session, pendingAction);
    return true;
  }

  private transmitAction(session: RoomSession, pendingAction: PendingAction): void {
    const ref = this.pending.add(
      { kind: 'action', key: session.key, actionId: pendingAction.id },
      {
        timeoutMs: this.confirmTimeoutMs,
        onTimeout: () => this.dropAction(session, pendingAction.id, 'The server did not answer. Try again.'),
      },
    );
    if (!this.send({ ...pendingAction.action, ref, room: session.name })) {
      this.pending.take(ref);
      return;
    }
    this.setActionStatus(session, pendingAction.id, 'sending');
  }

  private setActionStatus(session: RoomSession, id: string, status: PendingAction['status']): void {
    this.change(session, (r) => ({ ...r, actions: r.actions.map((a) => (a.id === id && a.status !== status ? { ...a, status } : a)) }));
  }

  private dropAction(session: RoomSession, id: string, error: string | null): void {
    this.change(session, (r) =>
      r.actions.some((a) => a.id === id)
        ? { ...r, actions: r.actions.filter((a) => a.id !== id), ...(error !== null ? { actionError: error } : {}) }
        : r,
    );
  }

  // ---- read markers and unread counts (v2) -----------------------------------------------------

  /** The newest message the reader has seen in this room: moves my read marker there (never back). */
  markRead(roomName: string, seq: number): void {
    const session = this.roomOf(roomName);
    if (!session || session.state.rev === null || !Number.isInteger(seq) || seq <= 0) return;
    if (seq <= Math.max(this.unread.entry(session.key)?.lastReadSeq ?? 0, session.markAsked)) return;
    session.markAsked = seq;
    // moved here at once; the server's readMarker confirms it and tells my other tabs
    this.unread.markerMoved(session.name, seq, this.held(session));
    if (this.canSend(session)) this.transmitMark(session, seq);
    else session.unsentMark = Math.max(session.unsentMark ?? 0, seq);
  }

  private transmitMark(session: RoomSession, seq: number): void {
    const ref = this.pending.add({ kind: 'markRead', key: session.key, seq });
    if (!this.send({ type: 'markRead', ref, room: session.name, seq })) {
      this.pending.take(ref);
      session.unsentMark = Math.max(session.unsentMark ?? 0, seq);
    }
  }

  /** The room list as the server sent it (GET /api/rooms with my token): its markers and counts. */
  noteRoomListing(rooms: Room[]): void {
    this.unread.noteListing(rooms);
    for (const session of this.rooms.values()) this.recount(session);
  }

  /** Receives each message that mentions me, as it arrives; returns the function that stops it. */
  onMention(listener: (event: MentionEvent) => void): () => void {
    this.mentionListeners.add(listener);
    return () => this.mentionListeners.delete(listener);
  }

  /** A joined room is counted from its timeline once its history is in. */
  private recount(session: RoomSession): void {
    const held = this.held(session);
    if (held) this.unread.countTimeline(session.key, held.timeline, held.me);
  }

  private held(session: RoomSession): HeldTimeline | undefined {
    if (!session.state.historyLoaded || this.rooms.get(session.key) !== session) return undefined;
    return { timeline: session.state.timeline, me: this.me };
  }

  private mentionsMe(message: WireMessage): boolean {
    const me = this.me.toLowerCase();
    return (
      me !== '' &&
      message.user.toLowerCase() !== me &&
      Array.isArray(message.mentions) &&
      message.mentions.some((name) => typeof name === 'string' && name.toLowerCase() === me)
    );
  }

  private emitMention(room: string, message: WireMessage): void {
    for (const listener of [...this.mentionListeners]) listener({ room, message });
  }

  // ---- frames --------------------------------------------------------------------------------

  private handle(frame: ServerFrame): void {
    switch (frame.type) {
      case 'ack':
        this.handleAck(this.pending.take(frame.ref));
        return;
      case 'error':
        this.handleError(frame);
        return;
      case 'messageHistory':
        this.handleHistory(frame);
        return;
      case 'message': {
        const session = this.roomOf(frame.room);
        if (!session) return;
        const message = frame.message;
        this.timeline(session, { type: 'received', message });
        if (message.kind === 'user') this.clearTyping(session, message.user);
        if (message.tempId) this.pending.take(message.tempId);
        this.noteLiveRev(session, message.rev);
        if (message.kind === 'user' && this.mentionsMe(message)) this.emitMention(session.name, message);
        return;
      }
      case 'messageUpdated': {
        const session = this.roomOf(frame.room);
        if (!session || !frame.message) return;
        this.timeline(session, { type: 'updated', message: frame.message });
        this.noteLiveRev(session, frame.message.rev);
        return;
      }
      case 'messageConfirmed': {
        const session = this.roomOf(frame.room);
        this.pending.take(frame.tempId);
        if (!session) return;
        this.timeline(session, {
          type: 'confirmed',
          tempId: frame.tempId,
          id: frame.id,
          seq: frame.seq,
          timestamp: frame.timestamp,
        });
        return;
      }
      case 'readMarker':
        this.handleReadMarker(frame.room, frame.seq);
        return;
      case 'mention':
        this.handleMention(frame.room, frame.message);
        return;
      case 'roomData': {
        const session = this.roomOf(frame.room);
        if (!session) return;
        const present = new Set(frame.users.map((u) => u.username.toLowerCase()));
        const typing = session.typingUntil;
        for (const user of [...typing.keys()]) if (!present.has(user.toLowerCase())) typing.delete(user);
        this.change(session, (r) => ({
          ...r,
          name: frame.room,
          members: frame.users,
          memberCount: frame.memberCount,
          typing: [...typing.keys()],
        }));
        return;
      }
      case 'userTyping':
      case 'userStoppedTyping': {
        const session = this.roomOf(frame.room);
        if (!session || frame.user.toLowerCase() === this.me.toLowerCase()) return;
        if (frame.type === 'userTyping') this.markTyping(session, frame.user);
        else this.clearTyping(session, frame.user);
        return;
      }
      case 'pong':
        return;
      case 'roomDeleted': {
        // The server took this connection out of the room: show why, and never rejoin it on a reconnect.
        const session = this.roomOf(frame.room);
        if (!session) return;
        session.typingUntil.clear();
        this.change(session, (r) => ({
          ...r,
          joinState: 'error',
          joinError: { code: 'NOT_FOUND', message: 'This room was deleted.' },
          members: [],
          memberCount: 0,
          typing: [],
        }));
        return;
      }
      case 'roomActivity':
        if (this.roomWatchers.size === 0 || typeof frame.room !== 'string') return;
        if (typeof frame.memberCount !== 'number' || !Number.isInteger(frame.memberCount) || frame.memberCount < 0) return;
        this.emitRoomWatch({ type: 'roomActivity', room: frame.room, memberCount: frame.memberCount });
        return;
      case 'roomListChanged':
        if (this.roomWatchers.size === 0) return;
        this.emitRoomWatch({ type: 'roomListChanged', room: typeof frame.room === 'string' ? frame.room : '' });
        return;
    }
  }

  private handleAck(request: PendingRequest | undefined): void {
    if (!request) return;
    switch (request.kind) {
      case 'watch':
        this.setWatchStatus('active');
        return;
      case 'join': {
        const session = this.rooms.get(request.key);
        if (!session) return;
        session.awaitingHistory = true;
        this.change(session, (r) => ({ ...r, joinState: 'joined', joinError: null }));
        return;
      }
      case 'action': {
        // the change itself arrives as messageUpdated (a no-op brings none)
        const session = this.rooms.get(request.key);
        if (session) this.dropAction(session, request.actionId, null);
        return;
      }
      default:
        return;
    }
  }

  private handleHistory(frame: Extract<ServerFrame, { type: 'messageHistory' }>): void {
    const session = this.roomOf(frame.room);
    if (!session) return;
    const resumed = session.state.historyLoaded;
    const byRev = resumed && session.joinedByRev;
    const mode: HistoryMode = resumed ? 'resume' : 'latest';
    this.timeline(session, { type: 'history', messages: frame.messages, hasMore: frame.hasMore, mode });
    const revs = frame.messages.map((m) => m.rev).filter((r): r is number => typeof r === 'number');
    const before = session.state.rev;
    const rev = session.revAfterHistory(frame.rev, revs, frame.hasMore, byRev);
    this.change(session, (r) => ({ ...r, historyLoaded: true, name: frame.room, rev }));
    this.recount(session);
    // a v2 room whose marker is not known yet (opened by its address, say): the list tells it
    if (rev !== null && !this.unread.entry(session.key)) this.unread.refreshSoon();
    session.awaitingHistory = false;
    session.resumable = true;
    if (byRev && frame.hasMore && rev !== before && session.revRounds < MAX_REV_ROUNDS) {
      // the rest of what changed meanwhile: ask again from the highest rev received
      session.catchingUp = true;
      session.revRounds++;
      this.sendJoin(session, true);
    } else {
      session.catchingUp = false;
      session.revRounds = 0;
      if (resumed && frame.hasMore && !byRev) void this.catchUp(session);
    }
    this.flushQueue(session);
  }

  private noteLiveRev(session: RoomSession, rev: number | undefined): void {
    const next = session.revAfterLive(rev);
    if (next !== session.state.rev) this.change(session, (r) => ({ ...r, rev: next }));
  }

  private handleReadMarker(room: unknown, seq: unknown): void {
    if (typeof room !== 'string' || typeof seq !== 'number' || !Number.isInteger(seq)) return;
    const session = this.roomOf(room);
    this.unread.markerMoved(room, seq, session ? this.held(session) : undefined);
  }

  private handleMention(room: unknown, message: WireMessage | undefined): void {
    if (typeof room !== 'string' || !message || typeof message.seq !== 'number') return;
    // a room this client holds the timeline of counts from it
    if (!this.roomOf(room)?.state.historyLoaded) this.unread.mentioned(room, message.seq);
    if (this.mentionsMe(message)) this.emitMention(room, message);
  }

  private handleError(frame: Extract<ServerFrame, { type: 'error' }>): void {
    const ref = frame.ref === undefined ? undefined : String(frame.ref);
    const request = this.pending.take(ref);
    if (!request) {
      // an answer to a send whose confirmation timed out still says why it failed
      if (ref !== undefined) this.failLateSend(ref, frame);
      return;
    }
    const session = 'key' in request ? this.rooms.get(request.key) : undefined;
    switch (request.kind) {
      case 'watch':
        // An older server does not know watchRooms (MALFORMED); whatever the reason, the watcher polls.
        this.setWatchStatus('unsupported');
        return;
      case 'join': {
        if (!session) return;
        this.change(session, (r) => ({
          ...r,
          joinState: 'error',
          joinError: { code: frame.code, message: joinErrorText(frame.code, frame.message) },
          actions: [],
          actionError: r.actions.length > 0 ? 'Not saved: you are not in this room.' : r.actionError,
        }));
        for (const item of queuedMessages(session.state.timeline)) {
          if (item.tempId) this.timeline(session, { type: 'failed', tempId: item.tempId, error: 'Not sent: you are not in this room.' });
        }
        return;
      }
      case 'send':
        if (!session) return;
        this.timeline(session, { type: 'failed', tempId: request.tempId, error: sendErrorText(frame.code, frame.message, frame.retryAfter) });
        if (frame.code === 'NOT_IN_ROOM') this.rejoin(session);
        return;
      case 'action':
        if (!session) return;
        if (frame.code === 'NOT_IN_ROOM') {
          this.setActionStatus(session, request.actionId, 'queued');
          this.rejoin(session);
        } else {
          this.dropAction(session, request.actionId, actionErrorText(frame.code, frame.message, frame.retryAfter));
        }
        return;
      case 'markRead':
        if (!session || frame.code !== 'NOT_IN_ROOM') return;
        session.unsentMark = Math.max(session.unsentMark ?? 0, request.seq);
        this.rejoin(session);
        return;
      default:
        return;
    }
  }

  private failLateSend(ref: string, frame: Extract<ServerFrame, { type: 'error' }>): void {
    for (const session of this.rooms.values()) {
      if (!session.state.timeline.items.some((i) => i.tempId === ref)) continue;
      this.timeline(session, { type: 'failed', tempId: ref, error: sendErrorText(frame.code, frame.message, frame.retryAfter) });
      if (frame.code === 'NOT_IN_ROOM') this.rejoin(session);
      return;
    }
  }

  /** The server says this connection is not in the room (a restart elsewhere, say): join again. */
  private rejoin(session: RoomSession): void {
    if (this.snapshot.connection.status === 'CONNECTED') this.sendJoin(session);
  }

  /** After a long outage the resume page is capped: fetch the rest with REST `after`. */
  private async catchUp(session: RoomSession): Promise<void> {
    for (let page = 0; page < 50; page++) {
      const room = session.state;
      if (this.rooms.get(session.key) !== session || room.timeline.lastSeq === null) return;
      try {
        const result = await this.api.history(room.name, { after: room.timeline.lastSeq, limit: RESUME_PAGE });
        this.timeline(session, { type: 'history', messages: result.messages, hasMore: result.hasMore, mode: 'newer' });
        if (!result.hasMore || result.messages.length === 0) return;
      } catch {
        return; // live messages keep coming; what is missing stays missing until the next re-join
      }
    }
  }

  private markTyping(session: RoomSession, user: string): void {
    session.typingUntil.set(user, this.now() + this.typingTtlMs);
    this.publishTyping(session);
    this.scheduleTypingSweep();
  }

  private clearTyping(session: RoomSession, user: string): void {
    const typing = session.typingUntil;
    if (typing.size === 0) return;
    for (const name of [...typing.keys()]) if (name.toLowerCase() === user.toLowerCase()) typing.delete(name);
    this.publishTyping(session);
  }

  private publishTyping(session: RoomSession): void {
    const names = [...session.typingUntil.keys()];
    this.change(session, (r) =>
      r.typing.length === names.length && r.typing.every((n, i) => n === names[i]) ? r : { ...r, typing: names },
    );
  }

  private scheduleTypingSweep(): void {
    if (this.typingTimer !== null) return;
    this.typingTimer = this.timers.setTimeout(() => {
      this.typingTimer = null;
      const now = this.now();
      let pending = false;
      for (const session of this.rooms.values()) {
        const typing = session.typingUntil;
        for (const [user, until] of [...typing]) if (until <= now) typing.delete(user);
        if (typing.size > 0) pending = true;
        this.publishTyping(session);
      }
      if (pending) this.scheduleTypingSweep();
    }, 1_000);
  }
}

/** The message with this seq, if the timeline holds it. */
function messageAt(items: readonly ChatItem[], seq: number): ChatItem | undefined {
  return items.find((i) => i.kind === 'user' && i.seq === seq);
}

function actionErrorText(code: string, message: string, retryAfter: number | undefined): string {
  switch (code) {
    case 'RATE_LIMITED':
      return `Slow down: too many changes at once.${retryAfter ? ` Try again in ${retryAfter} s.` : ''}`;
    case 'FORBIDDEN':
      return 'You cannot change this message.';
    case 'NOT_FOUND':
      return 'That message is gone.';
    default:
      return sentence(message);
  }
}

function joinErrorText(code: string, message: string): string {
  switch (code) {
    case 'FORBIDDEN':
      return /wrong password/i.test(message)
        ? 'That password is not right. Check it and try again.'
        : 'This room is private: enter its password to join.';
    case 'NAME_TAKEN':
      return `${sentence(message)} Pick another name to join this room.`;
    default:
      return sentence(message);
  }
}

function sendErrorText(code: string, message: string, retryAfter: number | undefined): string {
  switch (code) {
    case 'RATE_LIMITED':
      return `Slow down: too many messages at once.${retryAfter ? ` Try again in ${retryAfter} s.` : ''}`;
    case 'UNAVAILABLE':
      return 'The server could not store this message. Try again.';
    default:
      return sentence(message);
  }
}

/** Text of a message as it will be sent (trimmed). */
export function outgoingText(text: string): string {
  return strip(text);
}

export type { WireMessage };
