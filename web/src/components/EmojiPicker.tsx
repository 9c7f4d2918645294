import { useEffect, useRef, useState } from 'react';
import { EMOJI_CATEGORIES } from './emoji';

/** A popover grid of emoji; picking one inserts it. Escape or a click outside closes it. */
export function EmojiPicker({ onPick, onClose, id }: { onPick: (emoji: string) => void; onClose: () => void; id: string }) {
  const [category, setCategory] = useState(0);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('.emoji-grid button')?.focus();
    const onDown = (e: PointerEvent) => {
      const target = e.target as Node | null;
      if (ref.current && target && !ref.current.contains(target) && !(target as Element).closest?.('[data-emoji-toggle]')) onClose();
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [onClose]);

  const current = EMOJI_CATEGORIES[category] ?? EMOJI_CATEGORIES[0]!;

  return (
    <div
      className="emoji-picker"
      id={id}
      role="dialog"
      aria-label="Emoji"
      ref={ref}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="emoji-tabs" role="tablist" aria-label="Emoji categories">
        {EMOJI_CATEGORIES.map((c, index) => (
          <button
            key={c.name}
            type="button"
            role="tab"
            aria-selected={index === category}
            className={`emoji-tab${index === category ? ' emoji-tab-active' : ''}`}
            title={c.name}
            aria-label={c.name}
            onClick={() => setCategory(index)}
          >
            {c.emoji[0]?.[0]}
          </button>
        ))}
      </div>
      <div className="emoji-grid" role="group" aria-label={current.name}>
        {current.emoji.map(([emoji, name]) => (
          <button key={emoji} type="button" aria-label={name} title={name} onClick={() => onPick(emoji)}>
            {emoji}
          </button>
        ))}
      </div>
    </div>
  );
}
