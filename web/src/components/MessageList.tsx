import { Fragment, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RoomState } from '../client/ChatClient';
import { exactTime, relativeTime } from '../lib/time';
import { withPendingActions } from '../store/pendingActions';
import type { ChatItem } from '../store/timeline';
import { Avatar } from './Avatar';
import { Dialog } from './Dialog';
import { Spinner } from './Field';
import { AlertIcon, ArrowDownIcon, CheckIcon, ClockIcon, RefreshIcon } from './Icons';
import { MessageItem, type MessageHandlers } from './MessageItem';
import { useReadTracker } from './useReadTracker';

const GROUP_GAP_MS = 5 * 60_000;
const BOTTOM_SLACK_PX = 48;
const TOP_LOAD_PX = 80;
const HIGHLIGHT_MS = 2_000;

type Group =
  | { kind: 'notice'; item: ChatItem }
  | { kind: 'messages'; user: string; guest: boolean; own: boolean; items: ChatItem[] };

/** Where the "new messages" line goes: before the first message above my marker that someone else wrote. */
export function firstUnreadKey(items: readonly ChatItem[], markerSeq: number | null, me: string): string | null {
  if (markerSeq === null) return null;
  const meKey = me.toLowerCase();
  const first = items.find((i) => i.kind === 'user' && i.seq !== null && i.seq > markerSeq && i.user.toLowerCase() !== meKey && !i.deleted);
  return first?.key ?? null;
}

/** Consecutive messages of one sender within a few minutes share one header; `breakBefore` starts a new group. */
export function groupItems(items: ChatItem[], me: string, breakBefore: string | null = null): Group[] {
  const groups: Group[] = [];
  const meKey = me.toLowerCase();
  for (const item of items) {
    if (item.kind === 'system') {
      groups.push({ kind: 'notice', item });
      continue;
    }
    const own = item.user.toLowerCase() === meKey;
    const last = groups[groups.length - 1];
    const previous = last?.kind === 'messages' ? last.items[last.items.length - 1] : undefined;
    if (
      last?.kind === 'messages' &&
      previous &&
      item.key !== breakBefore &&
      last.user.toLowerCase() === item.user.toLowerCase() &&
      last.guest === item.guest &&
      Date.parse(item.timestamp) - Date.parse(previous.timestamp) < GROUP_GAP_MS
    ) {
      last.items.push(item);
    } else {
      groups.push({ kind: 'messages', user: item.user, guest: item.guest, own, items: [item] });
    }
  }
  return groups;
}

/** What the list does with a message (v2); without them it shows messages only. */
export interface MessageCallbacks {
  onToggleReaction: (seq: number, emoji: string) => void;
  onReply: (item: ChatItem) => void;
  onEdit: (seq: number, text: string) => void;
  onDelete: (seq: number) => void;
  /** The newest seq actually seen (on screen, page attended). */
  onRead: (seq: number) => void;
}

/**
 * The room's messages as a live log. Stays at the bottom while the reader is there; otherwise counts
 * what arrived and offers a button. Scrolling to the top loads older history without a jump. With
 * a v2 server: actions on messages, the "new messages" line at my marker when the room was opened,
 * and the marker moved as messages are seen.
 */
export function MessageList({
  room,
  me,
  guest = false,
  now,
  onRetry,
  onDiscard,
  onLoadOlder,
  callbacks,
  unreadAfter = null,
  readEnabled = false,
}: {
  room: RoomState;
  me: string;
  /** I am a guest: the server lets only a registered creator delete the others' messages (a guest's name can pass to someone else). */
  guest?: boolean;
  now: number;
  onRetry: (tempId: string) => void;
  onDiscard: (tempId: string) => void;
  onLoadOlder: () => void;
  callbacks?: MessageCallbacks;
  /** My read marker when the room was opened: the "new messages" line goes after it. */
  unreadAfter?: number | null;
  readEnabled?: boolean;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const [showJump, setShowJump] = useState(false);
  const [unseen, setUnseen] = useState(0);
  // What the list looked like at the last layout: tells "was the reader at the bottom?" from geometry,
  // which is right even when a scroll event has not been handled yet.
  const previous = useRef<{ firstKey: string | null; lastKey: string | null; count: number; height: number; client: number }>({
    firstKey: null,
    lastKey: null,
    count: 0,
    height: 0,
    client: 0,
  });
  const items = room.timeline.items;
  const [editingSeq, setEditingSeq] = useState<number | null>(null);
  const [deleteSeq, setDeleteSeq] = useState<number | null>(null);
  const [actionsSeq, setActionsSeq] = useState<number | null>(null);
  const [highlightSeq, setHighlightSeq] = useState<number | null>(null);
  const highlightTimer = useRef<number | null>(null);
  const meKey = me.toLowerCase();
  const changeable = callbacks !== undefined && room.rev !== null;
  const iCreated = !guest && room.info !== null && room.info.creator.toLowerCase() === meKey;

  useReadTracker(scroller, items, readEnabled && callbacks !== undefined, (seq) => callbacks?.onRead(seq));

  useEffect(() => {
    if (actionsSeq === null) return;
    // a tap elsewhere puts the long-pressed message's actions away
    const onDown = (e: PointerEvent) => {
      const target = e.target as Element | null;
      if (!target?.closest?.(`[data-testid="message"][data-seq="${actionsSeq}"]`)) setActionsSeq(null);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [actionsSeq]);

  useEffect(() => () => {
    if (highlightTimer.current !== null) window.clearTimeout(highlightTimer.current);
  }, []);

  const jumpTo = useCallback(
    (seq: number) => {
      const el = scroller.current?.querySelector<HTMLElement>(`[data-testid="message"][data-seq="${seq}"]`);
      if (!el) {
        // older than what is loaded: bring the next page in; the reader can click again
        if (room.timeline.hasMoreOlder) onLoadOlder();
        return;
      }
      el.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
      el.focus({ preventScroll: true });
      setHighlightSeq(seq);
      if (highlightTimer.current !== null) window.clearTimeout(highlightTimer.current);
      highlightTimer.current = window.setTimeout(() => setHighlightSeq(null), HIGHLIGHT_MS);
    },
    [onLoadOlder, room.timeline.hasMoreOlder],
  );

  /** Gives the focus back to a message once the editor is gone, so the keyboard stays where it was. */
  const focusSoon = useCallback((seq: number) => {
    window.requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-testid="message"][data-seq="${seq}"]`)?.focus());
  }, []);

  const handlers = useMemo<MessageHandlers>(
    () => ({
      onToggleReaction: (seq, emoji) => callbacks?.onToggleReaction(seq, emoji),
      onReply: (item) => {
        setActionsSeq(null);
        callbacks?.onReply(item);
      },
      onStartEdit: (seq) => {
        setActionsSeq(null);
        setEditingSeq(seq);
      },
      onCancelEdit: (seq) => {
        setEditingSeq(null);
        focusSoon(seq);
      },
      onSaveEdit: (seq, text) => {
        callbacks?.onEdit(seq, text);
        setEditingSeq(null);
        focusSoon(seq);
      },
      onAskDelete: (seq) => {
        setActionsSeq(null);
        setDeleteSeq(seq);
      },
      onJumpTo: jumpTo,
      onOpenActions: setActionsSeq,
    }),
    [callbacks, jumpTo, focusSoon],
  );

  const scrollToBottom = useCallback((smooth: boolean) => {
    const el = scroller.current;
    if (!el) return;
    el.scrollTo({ top: el.scrollHeight, behavior: smooth ? 'smooth' : 'auto' });
    atBottom.current = true;
    setUnseen(0);
    setShowJump(false);
  }, []);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const before = previous.current;
    const firstKey = items[0]?.key ?? null;
    const lastKey = items[items.length - 1]?.key ?? null;
    const prepended = before.firstKey !== null && firstKey !== before.firstKey && lastKey === before.lastKey;
    if (prepended) {
      // older history went in above: keep what the reader looks at in place
      el.scrollTop += el.scrollHeight - before.height;
    } else if (lastKey !== before.lastKey) {
      const lastIndexBefore = before.lastKey === null ? -1 : items.findIndex((i) => i.key === before.lastKey);
      const added = lastIndexBefore === -1 ? items : items.slice(lastIndexBefore + 1);
      const ownNew = added.some((i) => i.kind === 'user' && i.user.toLowerCase() === me.toLowerCase() && i.seq === null);
      const wasAtBottom = before.height - el.scrollTop - before.client < BOTTOM_SLACK_PX;
      if (wasAtBottom || ownNew || before.count === 0) {
        el.scrollTop = el.scrollHeight;
        atBottom.current = true;
      } else {
        const fromOthers = added.filter((i) => i.kind === 'user' && i.user.toLowerCase() !== me.toLowerCase()).length;
        if (fromOthers > 0) {
          setUnseen((n) => n + fromOthers);
          setShowJump(true);
        }
      }
    } else if (before.height - el.scrollTop - before.client < BOTTOM_SLACK_PX) {
      el.scrollTop = el.scrollHeight; // a status line changed the height
    }
    previous.current = { firstKey, lastKey, count: items.length, height: el.scrollHeight, client: el.clientHeight };
  }, [items, me]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    // the viewport or the content changed size (a font or an image arrived, the keyboard opened): stay at the bottom
    const observer = new ResizeObserver(() => {
      const before = previous.current;
      if (before.height - el.scrollTop - before.client < BOTTOM_SLACK_PX) el.scrollTop = el.scrollHeight;
      previous.current = { ...before, height: el.scrollHeight, client: el.clientHeight };
    });
    observer.observe(el);
    if (content.current) observer.observe(content.current);
    return () => observer.disconnect();
  }, []);

  function onScroll() {
    const el = scroller.current;
    if (!el) return;
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight < BOTTOM_SLACK_PX;
    atBottom.current = bottom;
    if (bottom) {
      setUnseen(0);
      setShowJump(false);
    } else if (!showJump) {
      setShowJump(true);
    }
    if (el.scrollTop < TOP_LOAD_PX && room.timeline.hasMoreOlder && !room.loadingOlder && !room.olderError) onLoadOlder();
  }

  const dividerKey = firstUnreadKey(items, unreadAfter, me);
  const groups = groupItems(items, me, dividerKey);
  const hasMessages = items.some((i) => i.kind === 'user');
  const lastOwnSent = [...items].reverse().find((i) => i.kind === 'user' && i.user.toLowerCase() === me.toLowerCase());

  return (
    <div className="message-area">
      <div
        ref={scroller}
        className="messages"
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label={`Messages in #${room.name}`}
        tabIndex={0}
        onScroll={onScroll}
      >
        <div ref={content} className="messages-content">
          <div className="messages-top">
            {room.loadingOlder ? (
              <Spinner label="Loading older messages" />
            ) : room.olderError ? (
              <p className="inline-warning">
                Couldn&apos;t load older messages. {room.olderError}{' '}
                <button type="button" className="link-button" onClick={onLoadOlder}>
                  Try again
                </button>
              </p>
            ) : room.timeline.hasMoreOlder ? (
              <button type="button" className="link-button" onClick={onLoadOlder}>
                Load older messages
              </button>
            ) : room.historyLoaded && hasMessages ? (
              <p className="muted small">This is the beginning of #{room.name}.</p>
            ) : null}
          </div>

          {groups.map((group) => (
            <Fragment key={group.kind === 'notice' ? group.item.key : group.items[0]!.key}>
              {group.kind === 'messages' && group.items[0]!.key === dividerKey ? (
                <div className="unread-divider" role="separator" aria-label="New messages" data-testid="unread-divider">
                  <span aria-hidden="true">New messages</span>
                </div>
              ) : null}
              {group.kind === 'notice' ? (
                <div className="notice" data-kind="system">
                  <span>{ownNotice(group.item.text, me)}</span>
                  <time dateTime={group.item.timestamp} title={exactTime(group.item.timestamp)}>
                    {relativeTime(group.item.timestamp, now)}
                  </time>
                </div>
              ) : (
                <div className={`msg-group ${group.own ? 'msg-own' : 'msg-other'}`}>
                  {group.own ? null : <Avatar name={group.user} size={36} />}
                  <div className="msg-body">
                    <div className="msg-meta">
                      <span className="msg-author">{group.own ? 'You' : group.user}</span>
                      {group.guest && !group.own ? (
                        <span className="badge badge-guest" title="A guest, not a registered account">
                          guest
                        </span>
                      ) : null}
                      <time dateTime={group.items[0]!.timestamp} title={exactTime(group.items[0]!.timestamp)}>
                        {relativeTime(group.items[0]!.timestamp, now)}
                      </time>
                    </div>
                    {group.items.map((raw) => {
                      const { item, pending } = withPendingActions(raw, room.actions, me);
                      return (
                        <Fragment key={item.key}>
                          <MessageItem
                            item={item}
                            own={group.own}
                            author={group.own ? 'You' : group.user}
                            me={me}
                            pending={pending}
                            changeable={changeable && item.status === 'sent'}
                            canDelete={group.own || iCreated}
                            editing={editingSeq !== null && item.seq === editingSeq}
                            highlighted={highlightSeq !== null && item.seq === highlightSeq}
                            actionsOpen={actionsSeq !== null && item.seq === actionsSeq}
                            handlers={handlers}
                          />
                          {group.own ? (
                            <DeliveryLine item={item} showSent={raw === lastOwnSent} onRetry={onRetry} onDiscard={onDiscard} />
                          ) : null}
                        </Fragment>
                      );
                    })}
                  </div>
                </div>
              )}
            </Fragment>
          ))}

          {!room.historyLoaded && items.length === 0 ? (
            <div className="messages-empty">
              <Spinner />
              <span>Loading messages…</span>
            </div>
          ) : !hasMessages ? (
            <div className="messages-empty">
              <span className="messages-empty-emoji" aria-hidden="true">
                👋
              </span>
              <span>No messages yet. Say hi!</span>
            </div>
          ) : null}
        </div>
      </div>
      <Dialog
        open={deleteSeq !== null}
        title="Delete this message?"
        description="Everyone in the room will see “Message deleted” in its place. This cannot be undone."
        onClose={() => setDeleteSeq(null)}
      >
        <div className="actions actions-end">
          <button type="button" className="button button-ghost" onClick={() => setDeleteSeq(null)}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-danger"
            data-testid="confirm-delete"
            autoFocus
            onClick={() => {
              if (deleteSeq !== null) callbacks?.onDelete(deleteSeq);
              setDeleteSeq(null);
            }}
          >
            Delete
          </button>
        </div>
      </Dialog>
      {showJump && unseen > 0 ? (
        <button type="button" className="jump-button" onClick={() => scrollToBottom(true)}>
          <ArrowDownIcon size={16} />
          {unseen === 1 ? '1 new message' : `${unseen} new messages`}
        </button>
      ) : null}
    </div>
  );
}

function DeliveryLine({
  item,
  showSent,
  onRetry,
  onDiscard,
}: {
  item: ChatItem;
  showSent: boolean;
  onRetry: (tempId: string) => void;
  onDiscard: (tempId: string) => void;
}) {
  switch (item.status) {
    case 'sent':
      return showSent ? (
        <span className="delivery delivery-sent">
          <CheckIcon size={13} /> Sent
        </span>
      ) : null;
    case 'sending':
      return (
        <span className="delivery delivery-sending">
          <ClockIcon size={13} /> Sending…
        </span>
      );
    case 'queued':
      return (
        <span className="delivery delivery-queued">
          <ClockIcon size={13} /> Waiting for connection…
        </span>
      );
    case 'failed':
      return (
        <span className="delivery delivery-failed" role="alert">
          <AlertIcon size={13} /> {item.error ?? 'Not sent.'}
          {item.tempId ? (
            <>
              <button type="button" className="link-button" onClick={() => onRetry(item.tempId!)}>
                <RefreshIcon size={13} /> Retry
              </button>
              <button type="button" className="link-button link-muted" onClick={() => onDiscard(item.tempId!)}>
                Discard
              </button>
            </>
          ) : null}
        </span>
      );
  }
}

/** The server names the user in join and leave notices; the reader's own reads better as "You". */
function ownNotice(text: string, me: string): string {
  const prefix = `${me} `;
  return me !== '' && text.toLowerCase().startsWith(prefix.toLowerCase()) ? `You ${text.slice(prefix.length)}` : text;
}
