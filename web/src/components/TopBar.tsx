import type { ReactNode } from 'react';
import type { Session } from '../client/session';
import { Avatar } from './Avatar';
import { Logo, LogOutIcon } from './Icons';

/** The app bar: brand (home link), whatever the screen adds, and the signed-in user with log out. */
export function TopBar({ session, onSignOut, children }: { session: Session; onSignOut: () => void; children?: ReactNode }) {
  return (
    <header className="topbar">
      <a className="brand" href="#/rooms" aria-label="Chillin: all rooms">
        <Logo size={28} />
        <span className="brand-name">Chillin</span>
      </a>
      <div className="topbar-middle">{children}</div>
      <div className="user-chip">
        <Avatar name={session.user.username} url={session.user.avatarUrl} size={28} />
        <span className="user-chip-name">
          <span className="user-chip-label">{session.user.username}</span>
          {session.user.guest ? <span className="badge">guest</span> : null}
        </span>
        <button type="button" className="icon-button" onClick={onSignOut} aria-label="Log out" title="Log out">
          <LogOutIcon />
        </button>
      </div>
    </header>
  );
}
