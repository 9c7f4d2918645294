import type { Reaction } from '../api/types';
import { hasReacted } from '../store/pendingActions';

/** "You, bob and carol" — who reacted, for the chip's tooltip and label. */
export function reactedBy(reaction: Reaction, me: string): string {
  const meKey = me.toLowerCase();
  const names = reaction.users.map((u) => (u.toLowerCase() === meKey ? 'You' : u));
  const mine = names.indexOf('You');
  if (mine > 0) names.unshift(...names.splice(mine, 1));
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The reactions under a message: emoji and count; a click adds or takes back mine; who reacted on hover or focus. */
export function ReactionChips({
  reactions,
  me,
  disabled,
  onToggle,
}: {
  reactions: readonly Reaction[];
  me: string;
  disabled: boolean;
  onToggle: (emoji: string) => void;
}) {
  if (reactions.length === 0) return null;
  return (
    <div className="reactions" role="group" aria-label="Reactions">
      {reactions.map((reaction) => {
        const mine = hasReacted([reaction], reaction.emoji, me);
        const who = reactedBy(reaction, me);
        return (
          <button
            key={reaction.emoji}
            type="button"
            className={`reaction-chip${mine ? ' reaction-mine' : ''}`}
            data-testid="reaction-chip"
            data-emoji={reaction.emoji}
            data-tooltip={`${who} reacted with ${reaction.emoji}`}
            aria-pressed={mine}
            aria-label={`${reaction.emoji} ${reaction.count}: ${who}`}
            disabled={disabled}
            onClick={() => onToggle(reaction.emoji)}
          >
            <span aria-hidden="true">{reaction.emoji}</span>
            <span className="reaction-count" aria-hidden="true">
              {reaction.count}
            </span>
          </button>
        );
      })}
    </div>
  );
}
