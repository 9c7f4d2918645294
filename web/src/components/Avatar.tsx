import { useState } from 'react';

/** The server's generated avatar for a user, with initials if it cannot be loaded. Decorative: the name is always shown next to it. */
export function Avatar({ name, url, size = 36 }: { name: string; url?: string; size?: number }) {
  const [broken, setBroken] = useState(false);
  const src = url ?? avatarUrl(name);
  if (broken) {
    return (
      <span className="avatar avatar-fallback" style={{ width: size, height: size, fontSize: size * 0.4 }} aria-hidden="true">
        {initials(name)}
      </span>
    );
  }
  return (
    <img
      className="avatar"
      src={src}
      alt=""
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      onError={() => setBroken(true)}
    />
  );
}

export function avatarUrl(name: string): string {
  return `/api/users/${encodeURIComponent(name)}/avatar`;
}

function initials(name: string): string {
  const letters = [...name.replace(/[_-]+/g, ' ').trim()];
  return (letters[0] ?? '?').toUpperCase();
}
