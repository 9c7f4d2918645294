import { useEffect, useId, useRef, useState } from 'react';
import { EmojiPicker } from './EmojiPicker';
import { PencilIcon, ReplyIcon, SmileIcon, TrashIcon } from './Icons';

export const QUICK_REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🎉'];

/**
 * What can be done with one message: react (a quick row, or the whole picker), reply, and for
 * the ones allowed, edit and delete. Shown on hover, on keyboard focus, and after a long press.
 */
export function MessageActions({
  canReact,
  canEdit,
  canDelete,
  onReact,
  onReply,
  onEdit,
  onDelete,
}: {
  canReact: boolean;
  canEdit: boolean;
  canDelete: boolean;
  onReact: (emoji: string) => void;
  onReply: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const [mode, setMode] = useState<'closed' | 'quick' | 'picker'>('closed');
  const reactButton = useRef<HTMLButtonElement>(null);
  const quick = useRef<HTMLDivElement>(null);
  const pickerId = useId();
  const quickId = useId();

  useEffect(() => {
    if (mode !== 'quick') return;
    quick.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const onDown = (e: PointerEvent) => {
      const target = e.target as Node | null;
      if (quick.current && target && !quick.current.contains(target) && target !== reactButton.current) setMode('closed');
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [mode]);

  function close() {
    setMode('closed');
    reactButton.current?.focus();
  }

  function pick(emoji: string) {
    onReact(emoji);
    close();
  }

  return (
    <div className={`msg-actions${mode !== 'closed' ? ' msg-actions-active' : ''}`} role="toolbar" aria-label="Message actions" data-testid="message-actions">
      {canReact ? (
        <button
          ref={reactButton}
          type="button"
          className="msg-action"
          aria-label="React"
          title="React"
          data-testid="action-react"
          aria-expanded={mode !== 'closed'}
          aria-controls={mode === 'quick' ? quickId : mode === 'picker' ? pickerId : undefined}
          data-emoji-toggle=""
          onClick={() => setMode((m) => (m === 'closed' ? 'quick' : 'closed'))}
        >
          <SmileIcon size={16} />
        </button>
      ) : null}
      <button type="button" className="msg-action" aria-label="Reply" title="Reply" data-testid="action-reply" onClick={onReply}>
        <ReplyIcon size={16} />
      </button>
      {canEdit ? (
        <button type="button" className="msg-action" aria-label="Edit message" title="Edit" data-testid="action-edit" onClick={onEdit}>
          <PencilIcon size={16} />
        </button>
      ) : null}
      {canDelete ? (
        <button type="button" className="msg-action msg-action-danger" aria-label="Delete message" title="Delete" data-testid="action-delete" onClick={onDelete}>
          <TrashIcon size={16} />
        </button>
      ) : null}
      {mode === 'quick' ? (
        <div
          ref={quick}
          id={quickId}
          className="quick-reactions"
          role="group"
          aria-label="Quick reactions"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            }
          }}
        >
          {QUICK_REACTIONS.map((emoji) => (
            <button key={emoji} type="button" aria-label={`React with ${emoji}`} data-testid="quick-reaction" onClick={() => pick(emoji)}>
              {emoji}
            </button>
          ))}
          <button type="button" className="quick-more" aria-label="More reactions" data-testid="reaction-picker-open" onClick={() => setMode('picker')}>
            +
          </button>
        </div>
      ) : null}
      {mode === 'picker' ? <EmojiPicker id={pickerId} onPick={pick} onClose={close} /> : null}
    </div>
  );
}
