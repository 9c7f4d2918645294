import { ApiError, createApi, describeError, sentence, type Api } from '../api/rest';
import type { ClientFrame, Member, Room, RoomListEvent, ServerFrame, WireMessage } from '../api/types';
import { ChatConnection, FatalConnectionError, type ConnectionOptions, type SocketLike, type Timers } from '../connection/ChatConnection';
import type { ConnectionState } from '../connection/machine';
import { emptyTimeline, queuedMessages, timelineReducer, type HistoryMode, type Timeline, type TimelineAction } from '../store/timeline';
import { strip, validateMessage } from '../lib/validation';
import type { RoomWatchStatus } from '../store/roomList';
import { webSocketUrl, type Session, type SessionStore } from './session';

// The client's brain: the session, the connection and every joined room. Components read its
// snapshot (useSyncExternalStore) and call its methods; it owns no DOM.

export type JoinState = 'joining' | 'joined' | 'error';

export interface RoomState {
  key: string;
  /** The room's name as the server spells it (as asked until the server answers). */
  name: string;
  joinState: JoinState;
  joinError: { code: string; message: string } | null;
  timeline: Timeline;
  members: Member[];
  memberCount: number;
  /** Other users typing now. */
  typing: string[];
  historyLoaded: boolean;
  loadingOlder: boolean;
  olderError: string | null;
  info: Room | null;
}

export type { RoomWatchStatus };

export type RoomWatchEvent = RoomListEvent | { type: 'status'; status: RoomWatchStatus };

export type SessionProblem = { code: 'SESSION_EXPIRED' | 'NAME_TAKEN' | 'SIGNED_OUT'; message: string };

export interface ChatSnapshot {
  session: Session | null;
  connection: ConnectionState;
  sessionProblem: SessionProblem | null;
  rooms: Readonly<Record<string, RoomState>>;
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
  /** How long a sent message may wait for its confirmation before it counts as failed. */
  confirmTimeoutMs?: number;
  /** How long a "typing" notice lasts without being repeated. */
  typingTtlMs?: number;
}

export const roomKey = (name: string): string => name.trim().toLowerCase();

const RESUME_PAGE = 100;
const OLDER_PAGE = 50;

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
  private readonly passwords = new Map<string, string>();
  private readonly refs = new Map<string, { kind: 'join' | 'leave'; key: string }>();
  private readonly awaitingHistory = new Set<string>();
  private readonly everJoined = new Set<string>();
  private readonly confirmTimers = new Map<string, unknown>();
  private readonly typingUntil = new Map<string, Map<string, number>>();
  private typingTimer: unknown = null;
  private refCounter = 0;
  private readonly roomWatchers = new Set<(event: RoomWatchEvent) => void>();
  private watchState: RoomWatchStatus = 'off';
  private watchRef: string | null = null;

  constructor(options: ChatClientOptions) {
    this.sessions = options.sessions;
    this.timers = options.timers ?? {
      setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
      clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
    };
    this.now = options.now ?? (() => Date.now());
    this.random = options.random ?? Math.random;
    this.confirmTimeoutMs = options.confirmTimeoutMs ?? 15_000;
    this.typingTtlMs = options.typingTtlMs ?? 6_000;
    this.api = options.api ?? createApi({ getToken: () => this.snapshot.session?.token ?? null });
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

  private updateRoom(key: string, change: (room: RoomState) => RoomState): void {
    const room = this.snapshot.rooms[key];
    if (!room) return;
    const next = change(room);
    if (next === room) return;
    this.update({ rooms: { ...this.snapshot.rooms, [key]: next } });
  }

  private timeline(key: string, action: TimelineAction): void {
    this.updateRoom(key, (room) => {
      const timeline = timelineReducer(room.timeline, action);
      return timeline === room.timeline ? room : { ...room, timeline };
    });
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
    for (const handle of this.confirmTimers.values()) this.timers.clearTimeout(handle);
    this.confirmTimers.clear();
    this.passwords.clear();
    this.everJoined.clear();
    this.awaitingHistory.clear();
    this.typingUntil.clear();
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
      if (token) this.send({ type: 'auth', ref: 'auth', token });
      for (const key of Object.keys(this.snapshot.rooms)) this.sendJoin(key);
      if (this.roomWatchers.size > 0) this.sendWatch();
    } else if (wasConnected && state.status !== 'CONNECTED') {
      if (this.roomWatchers.size > 0) {
        // the server forgets a watch with its connection: ask again after the reconnect
        this.watchRef = null;
        this.setWatchStatus('waiting');
      }
      this.refs.clear();
      this.awaitingHistory.clear();
      this.typingUntil.clear();
      const rooms: Record<string, RoomState> = {};
      for (const [key, room] of Object.entries(this.snapshot.rooms)) {
        rooms[key] = {
          ...room,
          joinState: room.joinState === 'error' ? 'error' : 'joining',
          typing: [],
          timeline: timelineReducer(room.timeline, { type: 'connectionLost' }),
        };
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
    if (password !== undefined) this.passwords.set(key, password);
    const existing = this.snapshot.rooms[key];
    if (existing && existing.joinState !== 'error') return;
    const room: RoomState = existing
      ? { ...existing, joinState: 'joining', joinError: null }
      : {
          key,
          name: info?.name ?? name.trim(),
          joinState: 'joining',
          joinError: null,
          timeline: emptyTimeline,
          members: [],
          memberCount: info?.memberCount ?? 0,
          typing: [],
          historyLoaded: false,
          loadingOlder: false,
          olderError: null,
          info: info ?? null,
        };
    this.update({ rooms: { ...this.snapshot.rooms, [key]: room } });
    const status = this.snapshot.connection.status;
    if (status === 'CONNECTED') this.sendJoin(key);
    else if (status === 'DISCONNECTED' || status === 'FAILED') this.connection.start();
  }

  /** Leaves a room and forgets its state. */
  leaveRoom(name: string): void {
    const key = roomKey(name);
    const room = this.snapshot.rooms[key];
    if (!room) return;
    if (room.joinState === 'joined') this.send({ type: 'leave', ref: this.ref('leave', key), room: room.name });
    for (const item of room.timeline.items) {
      const handle = item.tempId ? this.confirmTimers.get(item.tempId) : undefined;
      if (handle !== undefined && item.tempId) {
        this.timers.clearTimeout(handle);
        this.confirmTimers.delete(item.tempId);
      }
    }
    const rooms = { ...this.snapshot.rooms };
    delete rooms[key];
    this.passwords.delete(key);
    this.everJoined.delete(key);
    this.awaitingHistory.delete(key);
    this.typingUntil.delete(key);
    this.update({ rooms });
  }

  /** Room details from the REST list (description, creator), shown in the header. */
  setRoomInfo(info: Room): void {
    this.updateRoom(roomKey(info.name), (room) => ({ ...room, info, name: info.name }));
  }

  private ref(kind: 'join' | 'leave', key: string): string {
    const ref = `${kind}-${++this.refCounter}`;
    this.refs.set(ref, { kind, key });
    return ref;
  }

  private sendJoin(key: string): void {
    const room = this.snapshot.rooms[key];
    if (!room || room.joinState === 'error') return;
    const password = this.passwords.get(key);
    const sinceSeq = this.everJoined.has(key) ? (room.timeline.lastSeq ?? 0) : undefined;
    const frame: ClientFrame = {
      type: 'join',
      ref: this.ref('join', key),
      room: room.name,
      ...(password !== undefined ? { password } : {}),
      ...(sinceSeq !== undefined ? { sinceSeq } : {}),
    };
    if (!this.send(frame)) return;
    this.updateRoom(key, (r) => ({ ...r, joinState: 'joining', joinError: null }));
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
      this.watchRef = null;
      this.watchState = 'off';
      if (wasWatching) this.send({ type: 'unwatchRooms', ref: `unwatch-${++this.refCounter}` });
      // The connection stays open, as after leaving a room: the next screen most likely needs it.
    };
  }

  private sendWatch(): void {
    const ref = `watch-${++this.refCounter}`;
    if (!this.send({ type: 'watchRooms', ref })) return;
    this.watchRef = ref;
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

  /** Shows the message at once and sends it, or queues it until the room is joined again. */
  sendMessage(roomName: string, text: string): string | null {
    const key = roomKey(roomName);
    const room = this.snapshot.rooms[key];
    const session = this.snapshot.session;
    if (!room || !session || validateMessage(text) !== null) return null;
    const tempId = this.newTempId();
    const online = this.canSend(key);
    this.timeline(key, {
      type: 'local',
      tempId,
      user: session.user.username,
      text,
      timestamp: new Date(this.now()).toISOString(),
      online,
    });
    if (online) this.transmit(key, tempId);
    return tempId;
  }

  retryMessage(roomName: string, tempId: string): void {
    const key = roomKey(roomName);
    const online = this.canSend(key);
    this.timeline(key, { type: 'retry', tempId, online });
    if (online) this.transmit(key, tempId);
  }

  discardMessage(roomName: string, tempId: string): void {
    this.timeline(roomKey(roomName), { type: 'discard', tempId });
  }

  /** Tells the others this user is typing (true) or stopped (false). */
  setTyping(roomName: string, typing: boolean): void {
    const key = roomKey(roomName);
    const room = this.snapshot.rooms[key];
    if (!room || room.joinState !== 'joined') return;
    this.send({ type: typing ? 'typing' : 'stopTyping', room: room.name });
  }

  /** Loads the page of history before the oldest message shown. */
  async loadOlder(roomName: string): Promise<void> {
    const key = roomKey(roomName);
    const room = this.snapshot.rooms[key];
    if (!room || room.loadingOlder || !room.timeline.hasMoreOlder || room.timeline.oldestSeq === null) return;
    this.updateRoom(key, (r) => ({ ...r, loadingOlder: true, olderError: null }));
    try {
      const page = await this.api.history(room.name, { before: room.timeline.oldestSeq, limit: OLDER_PAGE });
      this.timeline(key, { type: 'history', messages: page.messages, hasMore: page.hasMore, mode: 'older' });
      this.updateRoom(key, (r) => ({ ...r, loadingOlder: false }));
    } catch (error) {
      this.updateRoom(key, (r) => ({ ...r, loadingOlder: false, olderError: describeError(error) }));
    }
  }

  private canSend(key: string): boolean {
    return (
      this.snapshot.connection.status === 'CONNECTED' &&
      this.snapshot.rooms[key]?.joinState === 'joined' &&
      !this.awaitingHistory.has(key)
    );
  }

  private transmit(key: string, tempId: string): void {
    const room = this.snapshot.rooms[key];
    const item = room?.timeline.items.find((i) => i.tempId === tempId);
    if (!room || !item) return;
    const sent = this.send({ type: 'sendMessage', ref: tempId, room: room.name, tempId, text: item.text });
    if (!sent) {
      // the connection went away between the check and the send: the reconnect sends it
      this.timeline(key, { type: 'connectionLost' });
      return;
    }
    this.timeline(key, { type: 'sending', tempIds: [tempId] });
    const previous = this.confirmTimers.get(tempId);
    if (previous !== undefined) this.timers.clearTimeout(previous);
    this.confirmTimers.set(
      tempId,
      this.timers.setTimeout(() => {
        this.confirmTimers.delete(tempId);
        const current = this.snapshot.rooms[key]?.timeline.items.find((i) => i.tempId === tempId);
        if (current && current.status === 'sending') {
          this.timeline(key, { type: 'failed', tempId, error: 'The server did not confirm this message.' });
        }
      }, this.confirmTimeoutMs),
    );
  }

  private flushQueue(key: string): void {
    const room = this.snapshot.rooms[key];
    if (!room) return;
    for (const item of queuedMessages(room.timeline)) {
      if (item.tempId && this.canSend(key)) this.transmit(key, item.tempId);
    }
  }

  private newTempId(): string {
    const c = globalThis.crypto as Crypto | undefined;
    if (c && typeof c.randomUUID === 'function') return c.randomUUID();
    return `t-${this.now().toString(36)}-${Math.floor(this.random() * 1e12).toString(36)}`;
  }

  // ---- frames --------------------------------------------------------------------------------

  private handle(frame: ServerFrame): void {
    switch (frame.type) {
      case 'ack': {
        if (this.watchRef !== null && frame.ref !== undefined && String(frame.ref) === this.watchRef) {
          this.watchRef = null;
          this.setWatchStatus('active');
          return;
        }
        const ref = this.refs.get(String(frame.ref));
        if (!ref) return;
        this.refs.delete(String(frame.ref));
        if (ref.kind === 'join') {
          this.awaitingHistory.add(ref.key);
          this.updateRoom(ref.key, (r) => ({ ...r, joinState: 'joined', joinError: null }));
        }
        return;
      }
      case 'error':
        this.handleError(frame);
        return;
      case 'messageHistory': {
        const key = roomKey(frame.room);
        const room = this.snapshot.rooms[key];
        if (!room) return;
        const resumed = room.historyLoaded;
        const mode: HistoryMode = resumed ? 'resume' : 'latest';
        this.timeline(key, { type: 'history', messages: frame.messages, hasMore: frame.hasMore, mode });
        this.updateRoom(key, (r) => ({ ...r, historyLoaded: true, name: frame.room }));
        this.awaitingHistory.delete(key);
        this.everJoined.add(key);
        if (resumed && frame.hasMore) void this.catchUp(key);
        this.flushQueue(key);
        return;
      }
      case 'message': {
        const key = roomKey(frame.room);
        this.timeline(key, { type: 'received', message: frame.message });
        if (frame.message.kind === 'user') this.clearTyping(key, frame.message.user);
        const tempId = frame.message.tempId;
        if (tempId) this.clearConfirmTimer(tempId);
        return;
      }
      case 'messageConfirmed': {
        const key = roomKey(frame.room);
        this.clearConfirmTimer(frame.tempId);
        this.timeline(key, {
          type: 'confirmed',
          tempId: frame.tempId,
          id: frame.id,
          seq: frame.seq,
          timestamp: frame.timestamp,
        });
        return;
      }
      case 'roomData': {
        const key = roomKey(frame.room);
        const present = new Set(frame.users.map((u) => u.username.toLowerCase()));
        const typing = this.typingUntil.get(key);
        if (typing) for (const user of [...typing.keys()]) if (!present.has(user.toLowerCase())) typing.delete(user);
        this.updateRoom(key, (r) => ({
          ...r,
          name: frame.room,
          members: frame.users,
          memberCount: frame.memberCount,
          typing: typing ? [...typing.keys()] : [],
        }));
        return;
      }
      case 'userTyping':
      case 'userStoppedTyping': {
        const key = roomKey(frame.room);
        const me = this.snapshot.session?.user.username.toLowerCase();
        if (frame.user.toLowerCase() === me) return;
        if (frame.type === 'userTyping') this.markTyping(key, frame.user);
        else this.clearTyping(key, frame.user);
        return;
      }
      case 'pong':
        return;
      case 'roomDeleted': {
        // The server took this connection out of the room: show why, and never rejoin it on a reconnect.
        const key = roomKey(frame.room);
        if (!this.snapshot.rooms[key]) return;
        this.typingUntil.delete(key);
        this.updateRoom(key, (r) => ({
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

  private handleError(frame: Extract<ServerFrame, { type: 'error' }>): void {
    const ref = frame.ref === undefined ? undefined : String(frame.ref);
    if (ref !== undefined && ref === this.watchRef) {
      // An older server does not know watchRooms (MALFORMED); whatever the reason, the watcher polls.
      this.watchRef = null;
      this.setWatchStatus('unsupported');
      return;
    }
    const joinRef = ref === undefined ? undefined : this.refs.get(ref);
    if (joinRef) {
      this.refs.delete(ref as string);
      if (joinRef.kind === 'join') {
        this.updateRoom(joinRef.key, (r) => ({
          ...r,
          joinState: 'error',
          joinError: { code: frame.code, message: joinErrorText(frame.code, frame.message) },
        }));
        const room = this.snapshot.rooms[joinRef.key];
        for (const item of room ? queuedMessages(room.timeline) : []) {
          if (item.tempId) {
            this.timeline(joinRef.key, { type: 'failed', tempId: item.tempId, error: 'Not sent: you are not in this room.' });
          }
        }
      }
      return;
    }
    if (ref === undefined) return;
    for (const [key, room] of Object.entries(this.snapshot.rooms)) {
      if (room.timeline.items.some((i) => i.tempId === ref)) {
        this.clearConfirmTimer(ref);
        this.timeline(key, { type: 'failed', tempId: ref, error: sendErrorText(frame.code, frame.message, frame.retryAfter) });
        if (frame.code === 'NOT_IN_ROOM' && this.snapshot.connection.status === 'CONNECTED') this.sendJoin(key);
        return;
      }
    }
  }

  /** After a long outage the resume page is capped: fetch the rest with REST `after`. */
  private async catchUp(key: string): Promise<void> {
    for (let page = 0; page < 50; page++) {
      const room = this.snapshot.rooms[key];
      if (!room || room.timeline.lastSeq === null) return;
      try {
        const result = await this.api.history(room.name, { after: room.timeline.lastSeq, limit: RESUME_PAGE });
        this.timeline(key, { type: 'history', messages: result.messages, hasMore: result.hasMore, mode: 'newer' });
        if (!result.hasMore || result.messages.length === 0) return;
      } catch {
        return; // live messages keep coming; what is missing stays missing until the next re-join
      }
    }
  }

  private clearConfirmTimer(tempId: string): void {
    const handle = this.confirmTimers.get(tempId);
    if (handle !== undefined) this.timers.clearTimeout(handle);
    this.confirmTimers.delete(tempId);
  }

  private markTyping(key: string, user: string): void {
    let typing = this.typingUntil.get(key);
    if (!typing) {
      typing = new Map();
      this.typingUntil.set(key, typing);
    }
    typing.set(user, this.now() + this.typingTtlMs);
    this.publishTyping(key);
    this.scheduleTypingSweep();
  }

  private clearTyping(key: string, user: string): void {
    const typing = this.typingUntil.get(key);
    if (!typing) return;
    for (const name of [...typing.keys()]) if (name.toLowerCase() === user.toLowerCase()) typing.delete(name);
    this.publishTyping(key);
  }

  private publishTyping(key: string): void {
    const names = [...(this.typingUntil.get(key)?.keys() ?? [])];
    this.updateRoom(key, (r) =>
      r.typing.length === names.length && r.typing.every((n, i) => n === names[i]) ? r : { ...r, typing: names },
    );
  }

  private scheduleTypingSweep(): void {
    if (this.typingTimer !== null) return;
    this.typingTimer = this.timers.setTimeout(() => {
      this.typingTimer = null;
      const now = this.now();
      let pending = false;
      for (const [key, typing] of this.typingUntil) {
        for (const [user, until] of [...typing]) if (until <= now) typing.delete(user);
        if (typing.size > 0) pending = true;
        this.publishTyping(key);
      }
      if (pending) this.scheduleTypingSweep();
    }, 1_000);
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
