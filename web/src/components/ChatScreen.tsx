import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { ReplyQuote } from '../api/types';
import { roomKey, type ChatClient, type ChatSnapshot, type RoomState } from '../client/ChatClient';
import type { MentionNotifier } from '../client/MentionNotifier';
import { navigate, useNow } from '../lib/hooks';
import { quoteOf, unconfirmedCount } from '../store/timeline';
import { ConnectionBanner } from './ConnectionBanner';
import { Composer } from './Composer';
import { Field } from './Field';
import { ArrowLeftIcon, CloseIcon, LockIcon, UsersIcon } from './Icons';
import { MembersPanel, typingText } from './MembersPanel';
import { MessageList, type MessageCallbacks } from './MessageList';

const WIDE = '(min-width: 900px)';
/** How long the room waits for my read marker (from the room list) before reading goes on without a "new messages" line. */
const MARKER_WAIT_MS = 2_000;

/** One room: header, connection banner, messages, typing line, composer, and the members panel. */
export function ChatScreen({
  client,
  chat,
  roomName,
  notifier,
}: {
  client: ChatClient;
  chat: ChatSnapshot;
  roomName: string;
  notifier?: MentionNotifier;
}) {
  const key = roomKey(roomName);
  const room = chat.rooms[key];
  const unread = chat.unread[key];
  const [replyTo, setReplyTo] = useState<ReplyQuote | null>(null);
  // my marker as it was when the room opened (undefined: not known yet); reading waits for it
  const [unreadAfter, setUnreadAfter] = useState<number | null | undefined>(undefined);
  const historyLoaded = room?.historyLoaded ?? false;
  const name = room?.name ?? roomName;

  useEffect(() => {
    if (unreadAfter !== undefined || !historyLoaded) return;
    if (unread) {
      setUnreadAfter(unread.unread > 0 ? unread.lastReadSeq : null);
      return;
    }
    const timer = window.setTimeout(() => setUnreadAfter(null), MARKER_WAIT_MS);
    return () => window.clearTimeout(timer);
  }, [unreadAfter, historyLoaded, unread]);

  const callbacks = useMemo<MessageCallbacks>(
    () => ({
      onToggleReaction: (seq, emoji) => void client.toggleReaction(name, seq, emoji),
      onReply: (item) => {
        if (item.seq !== null) setReplyTo({ seq: item.seq, user: item.user, text: quoteOf(item) });
      },
      onEdit: (seq, text) => void client.editMessage(name, seq, text),
      onDelete: (seq) => void client.deleteMessage(name, seq),
      onRead: (seq) => client.markRead(name, seq),
    }),
    [client, name],
  );
  const me = chat.session?.user.username ?? '';
  const now = useNow(30_000);
  const membersId = useId();
  const [membersOpen, setMembersOpen] = useState(() => window.matchMedia?.(WIDE).matches ?? true);
  const [wide, setWide] = useState(() => window.matchMedia?.(WIDE).matches ?? true);

  useEffect(() => {
    client.joinRoom(roomName);
    return () => client.leaveRoom(roomName);
  }, [client, roomName]);

  const hasInfo = (room?.info ?? null) !== null;
  useEffect(() => {
    // Asked when the room opens, and once more after the join if that found nothing: a quick-join
    // creates the room, so the first answer can come before the room exists (404).
    if (historyLoaded && hasInfo) return;
    let cancelled = false;
    client.api
      .room(roomName)
      .then((info) => {
        if (info && !cancelled) client.setRoomInfo(info);
      })
      .catch(() => {
        // the header just shows less
      });
    return () => {
      cancelled = true;
    };
  }, [client, key, historyLoaded]);

  useEffect(() => {
    const query = window.matchMedia?.(WIDE);
    if (!query) return;
    const onChange = () => {
      setWide(query.matches);
      setMembersOpen(query.matches);
    };
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);

  if (!room) return <main className="chat" id="main" tabIndex={-1} />;

  const queued = unconfirmedCount(room.timeline);
  const isPrivate = room.info?.isPrivate ?? false;
  const drawer = !wide && membersOpen;

  return (
    <main className={`chat${membersOpen ? ' chat-members-open' : ''}`} id="main" tabIndex={-1}>
      <div className="chat-main">
        <header className="chat-head">
          <button type="button" className="icon-button" aria-label="Back to rooms" title="Back to rooms" onClick={() => navigate('#/rooms')}>
            <ArrowLeftIcon />
          </button>
          <div className="chat-title">
            <h1>
              <span className="room-hash" aria-hidden="true">
                #
              </span>
              {room.name}
              {isPrivate ? (
                <span className="lock" title="Private room">
                  <LockIcon size={15} />
                  <span className="visually-hidden">(private)</span>
                </span>
              ) : null}
            </h1>
            {room.info?.description ? <p className="chat-description">{room.info.description}</p> : null}
          </div>
          <button
            type="button"
            className={`members-toggle${membersOpen ? ' members-toggle-on' : ''}`}
            aria-expanded={membersOpen}
            aria-controls={membersId}
            aria-label={`${membersOpen ? 'Hide' : 'Show'} members (${room.memberCount} online)`}
            onClick={() => setMembersOpen((o) => !o)}
          >
            <UsersIcon size={16} />
            <span aria-hidden="true">{room.memberCount}</span>
          </button>
        </header>

        <ConnectionBanner client={client} chat={chat} queued={queued} />

        {room.joinState === 'error' && room.joinError ? (
          <JoinProblem client={client} room={room} />
        ) : (
          <MessageList
            room={room}
            me={me}
            guest={chat.session?.user.guest ?? true}
            now={now}
            onRetry={(tempId) => client.retryMessage(room.name, tempId)}
            onDiscard={(tempId) => client.discardMessage(room.name, tempId)}
            onLoadOlder={() => void client.loadOlder(room.name)}
            callbacks={callbacks}
            unreadAfter={unreadAfter ?? null}
            readEnabled={unreadAfter !== undefined}
          />
        )}

        {room.joinState === 'error' ? null : (
          <>
            <div className="typing" data-testid="typing">
              {room.typing.length > 0 ? (
                <>
                  <span className="typing-dots" aria-hidden="true">
                    <span />
                    <span />
                    <span />
                  </span>
                  <span>{typingText(room.typing)}</span>
                </>
              ) : null}
            </div>
            {room.actionError ? (
              <p className="inline-warning action-error" role="alert" data-testid="action-error">
                {room.actionError}{' '}
                <button type="button" className="link-button" onClick={() => client.dismissActionError(room.name)}>
                  Dismiss
                </button>
              </p>
            ) : null}
            <Composer
              roomName={room.name}
              disabled={false}
              members={room.members.map((m) => m.username)}
              me={me}
              replyTo={replyTo}
              onCancelReply={() => setReplyTo(null)}
              onSend={(text) => {
                const sent = client.sendMessage(room.name, text, replyTo?.seq) !== null;
                if (sent) {
                  setReplyTo(null);
                  notifier?.askPermissionOnce(); // a moment the reader clearly chose to chat
                }
                return sent;
              }}
              onTyping={(typing) => client.setTyping(room.name, typing)}
            />
          </>
        )}
      </div>

      {drawer ? <div className="drawer-backdrop" onClick={() => setMembersOpen(false)} aria-hidden="true" /> : null}
      <aside className={`members-aside${membersOpen ? ' members-aside-open' : ''}`} hidden={!membersOpen} aria-label="Members">
        {drawer ? (
          <button type="button" className="icon-button drawer-close" aria-label="Close members" onClick={() => setMembersOpen(false)}>
            <CloseIcon />
          </button>
        ) : null}
        <MembersPanel id={membersId} members={room.members} me={me} count={room.memberCount} />
      </aside>
    </main>
  );
}

function JoinProblem({ client, room }: { client: ChatClient; room: RoomState }) {
  const error = room.joinError!;
  const [password, setPassword] = useState('');
  const needsPassword = error.code === 'FORBIDDEN';

  function submit(e: FormEvent) {
    e.preventDefault();
    if (password === '') return;
    client.joinRoom(room.name, password);
  }

  return (
    <div className="join-problem" role="alert">
      <div className="join-problem-card card">
        {needsPassword ? <LockIcon size={28} /> : null}
        <h2>{needsPassword ? `#${room.name} is private` : `Could not join #${room.name}`}</h2>
        <p>{error.message}</p>
        {needsPassword ? (
          <form className="stack" onSubmit={submit} noValidate>
            <Field
              label="Room password"
              name="roomPassword"
              type="password"
              autoComplete="current-password"
              autoFocus
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <div className="actions">
              <button type="submit" className="button button-primary" disabled={password === ''}>
                Join
              </button>
              <button type="button" className="button button-ghost" onClick={() => navigate('#/rooms')}>
                Back to rooms
              </button>
            </div>
          </form>
        ) : (
          <div className="actions">
            <button type="button" className="button button-primary" onClick={() => client.joinRoom(room.name)}>
              Try again
            </button>
            <button type="button" className="button button-ghost" onClick={() => navigate('#/rooms')}>
              Back to rooms
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
