import { useRef } from 'react';
import { exactTime } from '../lib/time';
import type { ChatItem } from '../store/timeline';
import { LinkifiedText } from './LinkifiedText';
import { MessageActions } from './MessageActions';
import { MessageEditor } from './MessageEditor';
import { ReactionChips } from './ReactionChips';

const LONG_PRESS_MS = 500;
const PRESS_SLOP_PX = 10;

export interface MessageHandlers {
  onToggleReaction: (seq: number, emoji: string) => void;
  onReply: (item: ChatItem) => void;
  onStartEdit: (seq: number) => void;
  onCancelEdit: (seq: number) => void;
  onSaveEdit: (seq: number, text: string) => void;
  onAskDelete: (seq: number) => void;
  onJumpTo: (seq: number) => void;
  /** A long press on a touch screen shows this message's actions (null hides them). */
  onOpenActions: (seq: number | null) => void;
}

/**
 * One message: the quote it replies to, its text (or the editor, or "Message deleted"), the
 * edited marker, its reactions and what can be done with it.
 */
export function MessageItem({
  item,
  own,
  author,
  me,
  pending,
  changeable,
  canDelete,
  editing,
  highlighted,
  actionsOpen,
  handlers,
}: {
  item: ChatItem;
  own: boolean;
  author: string;
  me: string;
  /** A change of it waits for the server. */
  pending: boolean;
  /** The server knows edits and reactions (v2) and this message is stored. */
  changeable: boolean;
  canDelete: boolean;
  editing: boolean;
  highlighted: boolean;
  actionsOpen: boolean;
  handlers: MessageHandlers;
}) {
  const press = useRef<{ timer: number; x: number; y: number } | null>(null);
  // The click a browser may send when the finger of a long press lifts lands on the actions that
  // just opened under it: it belongs to the long press, not to a button.
  const longPressed = useRef(false);
  const seq = item.seq;
  const live = changeable && seq !== null && !item.deleted;

  function endPress() {
    if (press.current) window.clearTimeout(press.current.timer);
    press.current = null;
  }

  return (
    <div
      className={`msg-row${actionsOpen ? ' msg-row-actions' : ''}${highlighted ? ' msg-highlight' : ''}`}
      data-testid="message"
      data-seq={seq ?? undefined}
      data-highlighted={highlighted ? 'true' : undefined}
      data-read-seq={seq ?? undefined}
      tabIndex={-1}
      onPointerDown={(e) => {
        longPressed.current = false;
        if (e.pointerType !== 'touch' || !live || editing) return;
        endPress();
        press.current = {
          x: e.clientX,
          y: e.clientY,
          timer: window.setTimeout(() => {
            longPressed.current = true;
            handlers.onOpenActions(seq);
          }, LONG_PRESS_MS),
        };
      }}
      onClickCapture={(e) => {
        if (!longPressed.current) return;
        longPressed.current = false;
        e.preventDefault();
        e.stopPropagation();
      }}
      onPointerMove={(e) => {
        const p = press.current;
        if (p && Math.hypot(e.clientX - p.x, e.clientY - p.y) > PRESS_SLOP_PX) endPress();
      }}
      onPointerUp={endPress}
      onPointerCancel={endPress}
      onContextMenu={(e) => {
        // a long press opens our actions, not the browser's menu (which may come before our timer)
        if (press.current && seq !== null) {
          endPress();
          longPressed.current = true;
          handlers.onOpenActions(seq);
        }
        if (press.current !== null || actionsOpen) e.preventDefault();
      }}
    >
      <div
        className={`msg-bubble msg-${item.status}${item.deleted ? ' msg-is-deleted' : ''}${pending ? ' msg-pending-change' : ''}`}
        data-status={item.status}
        data-own={own ? 'true' : 'false'}
        data-seq={seq ?? undefined}
        title={exactTime(item.timestamp)}
      >
        <span className="visually-hidden">{author}: </span>
        {item.replyTo ? (
          <button
            type="button"
            className="msg-quote"
            data-testid="reply-quote"
            aria-label={`In reply to ${item.replyTo.user}: ${item.replyTo.text || 'message deleted'}. Show the original message.`}
            onClick={() => handlers.onJumpTo(item.replyTo!.seq)}
          >
            <span className="msg-quote-author">{item.replyTo.user}</span>
            <span className={`msg-quote-text${item.replyTo.text ? '' : ' msg-quote-deleted'}`}>{item.replyTo.text || 'Message deleted'}</span>
          </button>
        ) : null}
        {editing && seq !== null ? (
          <MessageEditor initial={item.text} onSave={(text) => handlers.onSaveEdit(seq, text)} onCancel={() => handlers.onCancelEdit(seq)} />
        ) : item.deleted ? (
          <span className="msg-deleted" data-testid="message-deleted">
            Message deleted
          </span>
        ) : (
          <span className="msg-text">
            <LinkifiedText text={item.text} mentions={item.mentions} me={me} />
          </span>
        )}
        {item.editedAt && !item.deleted && !editing ? (
          <span className="msg-edited" data-testid="edited-marker" title={`Edited ${exactTime(item.editedAt)}`}>
            {' '}
            (edited)
          </span>
        ) : null}
        {pending ? <span className="visually-hidden"> (saving)</span> : null}
      </div>
      <ReactionChips reactions={item.reactions} me={me} disabled={!live} onToggle={(emoji) => seq !== null && handlers.onToggleReaction(seq, emoji)} />
      {live && !editing ? (
        <MessageActions
          canReact
          canEdit={own}
          canDelete={canDelete}
          onReact={(emoji) => handlers.onToggleReaction(seq, emoji)}
          onReply={() => handlers.onReply(item)}
          onEdit={() => handlers.onStartEdit(seq)}
          onDelete={() => handlers.onAskDelete(seq)}
        />
      ) : null}
    </div>
  );
}
