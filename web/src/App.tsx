import { useEffect, useMemo, useState } from 'react';
import { roomKey, type ChatClient } from './client/ChatClient';
import { MentionNotifier, browserNotifications } from './client/MentionNotifier';
import { safeStorage } from './client/session';
import { ChatScreen } from './components/ChatScreen';
import { Spinner } from './components/Field';
import { HomeScreen } from './components/HomeScreen';
import { RoomsScreen } from './components/RoomsScreen';
import { TopBar } from './components/TopBar';
import { navigate, parseRoute, roomHash, useChat, useRoute } from './lib/hooks';
import { pageTitle } from './lib/title';
import { totalUnread } from './store/unread';

export function App({ client }: { client: ChatClient }) {
  const chat = useChat(client);
  const route = useRoute();
  const [restoring, setRestoring] = useState(() => client.session !== null);

  useEffect(() => {
    if (!restoring) return;
    let cancelled = false;
    void client.restoreSession().finally(() => {
      if (!cancelled) setRestoring(false);
    });
    return () => {
      cancelled = true;
    };
  }, [client, restoring]);

  useEffect(() => {
    const update = () => client.setOnline(navigator.onLine !== false);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, [client]);

  const session = chat.session;

  const notifier = useMemo(
    () =>
      new MentionNotifier({
        notifications: browserNotifications(),
        storage: safeStorage(() => window.localStorage),
        isHidden: () => document.visibilityState === 'hidden',
        onOpen: (room) => navigate(roomHash(room)),
      }),
    [],
  );
  useEffect(() => client.onMention((event) => void notifier.notify(event)), [client, notifier]);

  const viewedRoom = session && route.screen === 'room' ? (chat.rooms[roomKey(route.room)]?.name ?? route.room) : null;
  const totals = totalUnread(session ? chat.unread : {});
  useEffect(() => {
    document.title = pageTitle(viewedRoom !== null ? `#${viewedRoom} · Chillin` : 'Chillin Chatroom', totals);
  }, [viewedRoom, totals.unread, totals.mentions]);

  useEffect(() => {
    // read the live hash: a form may have just navigated somewhere more specific
    if (!restoring && session && parseRoute(window.location.hash).screen === 'home') navigate('#/rooms');
  }, [restoring, session, route.screen]);

  if (restoring) {
    return (
      <div className="splash">
        <Spinner label="Loading" />
      </div>
    );
  }

  const skip = (
    <a className="skip-link" href="#main" onClick={(e) => {
      e.preventDefault();
      document.getElementById('main')?.focus();
    }}>
      Skip to content
    </a>
  );

  if (!session) {
    const room = route.screen === 'room' ? route.room : route.screen === 'home' ? route.room : null;
    const notice = chat.sessionProblem?.message ?? (route.screen === 'room' ? `Pick a name to join #${route.room}.` : null);
    return (
      <>
        {skip}
        <HomeScreen key={room ?? ''} client={client} initialRoom={room} notice={notice} />
      </>
    );
  }

  const signOut = () => {
    void client.signOut();
    navigate('#/');
  };

  return (
    <div className="shell">
      {skip}
      <TopBar session={session} onSignOut={signOut} />
      {route.screen === 'room' ? (
        <ChatScreen key={roomKey(route.room)} client={client} chat={chat} roomName={route.room} notifier={notifier} />
      ) : (
        <RoomsScreen client={client} />
      )}
    </div>
  );
}
