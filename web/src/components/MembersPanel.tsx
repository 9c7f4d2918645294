import type { Member } from '../api/types';
import { Avatar } from './Avatar';

/** Who is in the room now. */
export function MembersPanel({ id, members, me, count }: { id: string; members: Member[]; me: string; count: number }) {
  const sorted = [...members].sort((a, b) => {
    const ame = a.username.toLowerCase() === me.toLowerCase();
    const bme = b.username.toLowerCase() === me.toLowerCase();
    if (ame !== bme) return ame ? -1 : 1;
    return a.username.localeCompare(b.username);
  });
  return (
    <section className="members" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="members-title">
        Online <span className="members-count">{count}</span>
      </h2>
      <ul className="members-list">
        {sorted.map((m) => (
          <li key={m.username} className="member">
            <span className="member-avatar">
              <Avatar name={m.username} url={m.avatarUrl} size={32} />
              <span className="presence-dot" aria-hidden="true" />
            </span>
            <span className="member-name">{m.username}</span>
            {m.guest ? (
              <span className="badge badge-guest" title="A guest, not a registered account">
                guest
              </span>
            ) : null}
            {m.username.toLowerCase() === me.toLowerCase() ? <span className="badge">you</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "alice is typing…", "alice and bob are typing…", "4 people are typing…". */
export function typingText(users: string[]): string {
  if (users.length === 0) return '';
  if (users.length === 1) return `${users[0]} is typing…`;
  if (users.length === 2) return `${users[0]} and ${users[1]} are typing…`;
  if (users.length === 3) return `${users[0]}, ${users[1]} and ${users[2]} are typing…`;
  return `${users.length} people are typing…`;
}
