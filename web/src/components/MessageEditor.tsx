import { useLayoutEffect, useRef, useState } from 'react';
import { validateMessage } from '../lib/validation';

/** Edits a message in place: Enter saves, Shift+Enter breaks the line, Escape cancels. */
export function MessageEditor({ initial, onSave, onCancel }: { initial: string; onSave: (text: string) => void; onCancel: () => void }) {
  const [text, setText] = useState(initial);
  const area = useRef<HTMLTextAreaElement>(null);
  const problem = text.trim() === '' ? 'A message cannot be empty. Delete it instead.' : validateMessage(text);

  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight}px`;
  }, [text]);

  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  function save() {
    if (problem === null) onSave(text);
  }

  return (
    <form
      className="msg-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <textarea
        ref={area}
        rows={1}
        value={text}
        aria-label="Edit message"
        data-testid="edit-input"
        aria-invalid={problem !== null ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          } else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            save();
          }
        }}
      />
      <div className="msg-editor-bar">
        <span className={problem ? 'field-error' : 'msg-editor-hint'}>{problem ?? 'Enter to save · Esc to cancel'}</span>
        <button type="button" className="link-button link-muted" data-testid="edit-cancel" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="link-button" data-testid="edit-save" disabled={problem !== null}>
          Save
        </button>
      </div>
    </form>
  );
}
