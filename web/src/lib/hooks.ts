import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ChatClient, ChatSnapshot } from '../client/ChatClient';

/** The current time, refreshed every `intervalMs` so relative times stay true. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const handle = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(handle);
  }, [intervalMs]);
  return now;
}

export function useChat(client: ChatClient): ChatSnapshot {
  return useSyncExternalStore(client.subscribe, client.getSnapshot);
}

export type Route = { screen: 'home'; room: string | null } | { screen: 'rooms' } | { screen: 'room'; room: string };

/** Routes live in the hash (#/rooms, #/room/NAME) so the server only ever serves index.html. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/rooms') return { screen: 'rooms' };
  const room = /^\/room\/(.+)$/.exec(path);
  if (room && room[1]) {
    try {
      return { screen: 'room', room: decodeURIComponent(room[1]) };
    } catch {
      return { screen: 'home', room: null };
    }
  }
  const join = /^\/\?room=(.+)$/.exec(path);
  if (join && join[1]) {
    try {
      return { screen: 'home', room: decodeURIComponent(join[1]) };
    } catch {
      return { screen: 'home', room: null };
    }
  }
  return { screen: 'home', room: null };
}

export function roomHash(room: string): string {
  return `#/room/${encodeURIComponent(room)}`;
}

export function navigate(hash: string): void {
  if (window.location.hash !== hash) window.location.hash = hash;
}

export function useRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return parseRoute(hash);
}
