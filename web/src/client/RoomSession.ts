import type { Member, Room } from '../api/types';
import type { PendingAction } from '../store/pendingActions';
import { emptyTimeline, type Timeline } from '../store/timeline';

// Everything the client holds about one joined room, in one place: what components see (the
// immutable RoomState, replaced on each change) and the bookkeeping behind it (password, whether a
// re-join resumes, the rev cursor's catch-up, typing deadlines, the read marker waiting to go out).

export type JoinState = 'joining' | 'joined' | 'error';

export interface RoomState {
  key: string;
  /** The room's name as the server spells it (as asked until the server answers). */
  name: string;
  joinState: JoinState;
  joinError: { code: string; message: string } | null;
  /** Messages, and the seq cursor (`lastSeq`) a re-join resumes after when no rev is known. */
  timeline: Timeline;
  members: Member[];
  memberCount: number;
  /** Other users typing now. */
  typing: string[];
  historyLoaded: boolean;
  loadingOlder: boolean;
  olderError: string | null;
  info: Room | null;
  /**
   * v2: the room's rev up to which this client holds every change (a re-join asks `sinceRev` it).
   * Null before the first history and with a v1 server, which has no revs (nor edits, reactions, markers).
   */
  rev: number | null;
  /** Edits, deletes and reactions the server has not accepted yet, oldest first. */
  actions: PendingAction[];
  /** Why the server refused the last edit, delete or reaction (until the next one). */
  actionError: string | null;
}

export function newRoomState(key: string, name: string, info: Room | null): RoomState {
  return {
    key,
    name: info?.name ?? name,
    joinState: 'joining',
    joinError: null,
    timeline: emptyTimeline,
    members: [],
    memberCount: info?.memberCount ?? 0,
    typing: [],
    historyLoaded: false,
    loadingOlder: false,
    olderError: null,
    info,
    rev: null,
    actions: [],
    actionError: null,
  };
}

export type ResumeCursor = { sinceRev: number } | { sinceSeq: number } | Record<string, never>;

export class RoomSession {
  state: RoomState;
  password: string | undefined;
  /** Its history came in once: a re-join asks for what changed since, not for the latest page. */
  resumable = false;
  /** Joined (acked) but its history is not in yet: nothing is sent before it is. */
  awaitingHistory = false;
  /** A resume by rev brought only part of the changes: live revs do not move the cursor until the rest is in. */
  catchingUp = false;
  /** Other users typing, each until when. */
  readonly typingUntil = new Map<string, number>();
  /** The highest seq this client asked the server to mark read. */
  markAsked = 0;
  /** A read marker waiting for the connection. */
  unsentMark: number | null = null;
  /** The join on its way asked `sinceRev`: its history may come in parts. */
  joinedByRev = false;
  /** Parts of one resume by rev asked for so far. */
  revRounds = 0;

  constructor(key: string, name: string, info: Room | null, password: string | undefined) {
    this.state = newRoomState(key, name, info);
    this.password = password;
  }

  get key(): string {
    return this.state.key;
  }

  get name(): string {
    return this.state.name;
  }

  /** What a re-join asks for: every change since the rev once one is known, else the messages after the last seq. */
  resumeCursor(): ResumeCursor {
    if (!this.resumable) return {};
    if (this.state.rev !== null) return { sinceRev: this.state.rev };
    return { sinceSeq: this.state.timeline.lastSeq ?? 0 };
  }

  /**
   * The cursor after a live change with this rev: it moves only by one, since revs come in order and
   * a gap means a change this client has not seen (the next resume asks for it again).
   */
  revAfterLive(rev: number | undefined): number | null {
    const current = this.state.rev;
    if (typeof rev !== 'number' || current === null || this.catchingUp) return current;
    return rev === current + 1 ? rev : current;
  }

  /** The cursor after a history page: the room's rev when it is complete, the highest rev in it when more follows. */
  revAfterHistory(frameRev: number | undefined, revs: number[], hasMore: boolean, resumedByRev: boolean): number | null {
    if (typeof frameRev !== 'number') return this.state.rev;
    if (resumedByRev && hasMore) return Math.max(this.state.rev ?? 0, ...revs);
    return frameRev;
  }
}
