import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ReplyQuote } from '../api/types';
import { completeMention, mentionQuery, suggestMembers } from '../lib/mentions';
import { messageCharactersLeft, validateMessage } from '../lib/validation';
import { EmojiPicker } from './EmojiPicker';
import { CloseIcon, ReplyIcon, SendIcon, SmileIcon } from './Icons';

const COUNTER_FROM = 100;
const TYPING_REPEAT_MS = 3_000;
const TYPING_IDLE_MS = 3_000;

/**
 * The message box: Enter sends, Shift+Enter breaks the line, emoji, a counter near the limit, typing
 * notices, `@` completes the room's members (arrows, Enter or Tab, Escape), and the message being
 * answered shown above it (Escape or the cross lets it go).
 */
export function Composer({
  roomName,
  disabled,
  onSend,
  onTyping,
  members = [],
  me = '',
  replyTo = null,
  onCancelReply,
}: {
  roomName: string;
  disabled: boolean;
  onSend: (text: string) => boolean;
  onTyping: (typing: boolean) => void;
  /** Usernames to complete after `@`. */
  members?: readonly string[];
  me?: string;
  replyTo?: ReplyQuote | null;
  onCancelReply?: () => void;
}) {
  const [text, setText] = useState('');
  const [pickerOpen, setPickerOpen] = useState(false);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  /** Where the `@` was whose suggestions Escape closed: they stay closed for it. */
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const listId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const typingSentAt = useRef<number | null>(null);
  const idleTimer = useRef<number | null>(null);
  const counterId = useId();
  const hintId = useId();
  const pickerId = useId();

  const left = messageCharactersLeft(text);
  const problem = text.trim() === '' ? null : validateMessage(text);
  const canSend = !disabled && text.trim() !== '' && problem === null;

  const stopTyping = useCallback(() => {
    if (idleTimer.current !== null) window.clearTimeout(idleTimer.current);
    idleTimer.current = null;
    if (typingSentAt.current !== null) {
      typingSentAt.current = null;
      onTyping(false);
    }
  }, [onTyping]);

  useEffect(() => stopTyping, [stopTyping]);

  useEffect(() => {
    if (replyTo) area.current?.focus();
  }, [replyTo]);

  const query = mentionQuery(text, caret);
  const suggestions = query && query.start !== dismissedAt ? suggestMembers(members, query.query, me) : [];
  const suggesting = suggestions.length > 0;
  const activeIndex = Math.min(active, Math.max(0, suggestions.length - 1));

  function complete(name: string) {
    const done = completeMention(text, caret, name);
    if (!done) return;
    changed(done.text);
    setCaret(done.caret);
    setActive(0);
    window.requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(done.caret, done.caret);
    });
  }

  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight}px`;
  }, [text]);

  function changed(value: string, caretAt?: number) {
    setText(value);
    if (caretAt !== undefined) setCaret(caretAt);
    if (value.trim() === '') {
      stopTyping();
      return;
    }
    const now = Date.now();
    if (typingSentAt.current === null || now - typingSentAt.current > TYPING_REPEAT_MS) {
      typingSentAt.current = now;
      onTyping(true);
    }
    if (idleTimer.current !== null) window.clearTimeout(idleTimer.current);
    idleTimer.current = window.setTimeout(stopTyping, TYPING_IDLE_MS);
  }

  function send() {
    if (!canSend) return;
    if (onSend(text)) {
      setText('');
      setCaret(0);
      setDismissedAt(null);
      stopTyping();
    }
    area.current?.focus();
  }

  function insertEmoji(emoji: string) {
    const el = area.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    const next = text.slice(0, start) + emoji + text.slice(end);
    changed(next);
    setPickerOpen(false);
    window.requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      const caret = start + emoji.length;
      el.setSelectionRange(caret, caret);
    });
  }

  const describedBy = [hintId, left <= COUNTER_FROM ? counterId : null].filter(Boolean).join(' ');

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      {pickerOpen ? <EmojiPicker id={pickerId} onPick={insertEmoji} onClose={() => setPickerOpen(false)} /> : null}
      {replyTo ? (
        <div className="composer-reply" data-testid="composer-reply">
          <ReplyIcon size={15} />
          <span className="composer-reply-text">
            Replying to <strong>{replyTo.user}</strong>
            {replyTo.text ? <span className="composer-reply-quote">: {replyTo.text}</span> : null}
          </span>
          <button type="button" className="icon-button" aria-label="Cancel reply" data-testid="cancel-reply" onClick={() => onCancelReply?.()}>
            <CloseIcon size={15} />
          </button>
        </div>
      ) : null}
      {suggesting ? (
        <ul className="mention-suggestions" id={listId} role="listbox" aria-label="Mention a member" data-testid="mention-suggestions">
          {suggestions.map((name, index) => (
            <li
              key={name}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              className={index === activeIndex ? 'mention-option mention-option-active' : 'mention-option'}
              data-testid="mention-option"
              onMouseDown={(e) => e.preventDefault()} // keep the focus in the box
              onClick={() => complete(name)}
            >
              @{name}
            </li>
          ))}
        </ul>
      ) : null}
      <div className={`composer-box${problem && left < 0 ? ' composer-over' : ''}`}>
        <button
          type="button"
          className="icon-button composer-emoji"
          aria-label="Insert emoji"
          aria-expanded={pickerOpen}
          aria-controls={pickerOpen ? pickerId : undefined}
          data-emoji-toggle=""
          onClick={() => setPickerOpen((o) => !o)}
        >
          <SmileIcon size={20} />
        </button>
        <label htmlFor={`${hintId}-input`} className="visually-hidden">
          Message #{roomName}
        </label>
        <textarea
          id={`${hintId}-input`}
          ref={area}
          rows={1}
          value={text}
          placeholder={`Message #${roomName}`}
          aria-describedby={describedBy}
          aria-invalid={problem && left < 0 ? true : undefined}
          aria-autocomplete="list"
          aria-controls={suggesting ? listId : undefined}
          aria-activedescendant={suggesting ? `${listId}-${activeIndex}` : undefined}
          onChange={(e) => changed(e.target.value, e.target.selectionStart ?? e.target.value.length)}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
          onBlur={() => stopTyping()}
          onKeyDown={(e) => {
            if (suggesting && !e.nativeEvent.isComposing) {
              if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                const step = e.key === 'ArrowDown' ? 1 : -1;
                setActive((activeIndex + step + suggestions.length) % suggestions.length);
                return;
              }
              if ((e.key === 'Enter' && !e.shiftKey) || e.key === 'Tab') {
                e.preventDefault();
                complete(suggestions[activeIndex]!);
                return;
              }
              if (e.key === 'Escape') {
                e.preventDefault();
                setDismissedAt(query?.start ?? null);
                return;
              }
            }
            if (e.key === 'Escape' && replyTo) {
              e.preventDefault();
              onCancelReply?.();
              return;
            }
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              send();
            }
          }}
        />
        {left <= COUNTER_FROM ? (
          <span id={counterId} className={`counter${left < 0 ? ' counter-over' : left <= 20 ? ' counter-near' : ''}`}>
            <span aria-hidden="true">{left}</span>
            <span className="visually-hidden">
              {left >= 0 ? `${left} characters left` : `${-left} characters over the limit`}
            </span>
          </span>
        ) : null}
        <button type="submit" className="send-button" disabled={!canSend} aria-label="Send message" title="Send (Enter)">
          <SendIcon size={18} />
        </button>
      </div>
      <p id={hintId} className="composer-hint">
        {problem && left < 0 ? (
          <span className="field-error">{problem}</span>
        ) : (
          <>
            <kbd>Enter</kbd> to send · <kbd>Shift</kbd> + <kbd>Enter</kbd> for a new line
          </>
        )}
      </p>
    </form>
  );
}
