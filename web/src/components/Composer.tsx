import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { messageCharactersLeft, validateMessage } from '../lib/validation';
import { EmojiPicker } from './EmojiPicker';
import { SendIcon, SmileIcon } from './Icons';

const COUNTER_FROM = 100;
const TYPING_REPEAT_MS = 3_000;
const TYPING_IDLE_MS = 3_000;

/** The message box: Enter sends, Shift+Enter breaks the line, emoji, a counter near the limit, typing notices. */
export function Composer({
  roomName,
  disabled,
  onSend,
  onTyping,
}: {
  roomName: string;
  disabled: boolean;
  onSend: (text: string) => boolean;
  onTyping: (typing: boolean) => void;
}) {
  const [text, setText] = useState('');
  const [pickerOpen, setPickerOpen] = useState(false);
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

  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight}px`;
  }, [text]);

  function changed(value: string) {
    setText(value);
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
          onChange={(e) => changed(e.target.value)}
          onBlur={() => stopTyping()}
          onKeyDown={(e) => {
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
