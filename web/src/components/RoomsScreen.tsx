import { useEffect, useMemo, useState, useSyncExternalStore, type FormEvent } from 'react';
import { ApiError, describeError } from '../api/rest';
import type { Room } from '../api/types';
import type { ChatClient } from '../client/ChatClient';
import { RoomListFeed, type RoomListView } from '../client/RoomListFeed';
import { navigate, roomHash, useChat, useNow } from '../lib/hooks';
import { exactTime, relativeTime } from '../lib/time';
import {
  DESCRIPTION_MAX,
  PASSWORD_MIN,
  ROOM_NAME_MAX,
  codePointLength,
  normaliseRoomName,
  roomKey,
  validateDescription,
  validateOptionalPassword,
  validatePassword,
  validateRoomName,
} from '../lib/validation';
import { Dialog } from './Dialog';
import { Field, FormAlert, Spinner } from './Field';
import { LockIcon, PlusIcon, RefreshIcon, SearchIcon, UsersIcon } from './Icons';

/**
 * The room list while this screen is shown: live counts over the client's WebSocket
 * (`watchRooms`), a slow safety poll, and the 5 s poll when the server sends no live events.
 */
function useRoomList(client: ChatClient): { view: RoomListView; refresh: () => void } {
  const feed = useMemo(
    () =>
      new RoomListFeed({
        listRooms: async () => {
          const rooms = await client.api.listRooms();
          client.noteRoomListing(rooms); // the read markers and unread counts it carries
          return rooms;
        },
        getRoom: (name) => client.api.room(name),
        watch: (listener) => client.watchRooms(listener),
        watchStatus: () => client.roomWatchStatus,
        isVisible: () => document.visibilityState === 'visible',
      }),
    [client],
  );
  useEffect(() => {
    feed.start();
    return () => feed.stop();
  }, [feed]);
  const view = useSyncExternalStore(feed.subscribe, feed.getSnapshot);
  return { view, refresh: () => feed.refresh() };
}

/** Every room, with live member counts, search, create, and the password prompt for private ones. */
export function RoomsScreen({ client }: { client: ChatClient }) {
  const { view, refresh } = useRoomList(client);
  const { unread } = useChat(client);
  const load = view.load;
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [privateRoom, setPrivateRoom] = useState<Room | null>(null);
  const now = useNow(30_000);

  const rooms = load.state === 'ready' ? load.rooms : [];
  const visible = useMemo(() => {
    const q = query.trim().toLowerCase();
    const list = q === '' ? rooms : rooms.filter((r) => r.name.toLowerCase().includes(q) || r.description.toLowerCase().includes(q));
    return [...list].sort((a, b) => b.memberCount - a.memberCount || Date.parse(b.createdAt) - Date.parse(a.createdAt));
  }, [rooms, query]);
  const online = rooms.reduce((sum, r) => sum + r.memberCount, 0);

  function open(room: Room) {
    if (room.isPrivate) {
      setPrivateRoom(room);
      return;
    }
    client.joinRoom(room.name, undefined, room);
    navigate(roomHash(room.name));
  }

  return (
    <main className="page rooms" id="main" tabIndex={-1} data-room-watch={view.watch}>
      <div className="page-head">
        <div>
          <h1>Rooms</h1>
          <p className="muted" aria-live="polite">
            {load.state === 'ready'
              ? `${rooms.length} ${rooms.length === 1 ? 'room' : 'rooms'} · ${online} ${online === 1 ? 'person' : 'people'} online`
              : 'Find a room or start your own.'}
          </p>
        </div>
        <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
          <PlusIcon /> New room
        </button>
      </div>

      <div className="search">
        <SearchIcon />
        <label htmlFor="room-search" className="visually-hidden">
          Search rooms
        </label>
        <input
          id="room-search"
          type="search"
          placeholder="Search rooms"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
        />
      </div>

      {load.state === 'loading' ? (
        <ul className="room-grid" aria-busy="true" aria-label="Loading rooms">
          {[0, 1, 2, 3].map((i) => (
            <li key={i} className="room-card skeleton" aria-hidden="true">
              <span className="skeleton-line w40" />
              <span className="skeleton-line w80" />
              <span className="skeleton-line w60" />
            </li>
          ))}
        </ul>
      ) : load.state === 'error' ? (
        <div className="empty-state" role="alert">
          <p>Couldn&apos;t load the rooms. {load.error}</p>
          <button type="button" className="button button-secondary" onClick={refresh}>
            <RefreshIcon /> Try again
          </button>
        </div>
      ) : (
        <>
          {load.error ? (
            <p className="inline-warning" role="status">
              Live updates paused: {load.error}
            </p>
          ) : null}
          {visible.length === 0 ? (
            <div className="empty-state">
              {rooms.length === 0 ? (
                <>
                  <p>No rooms yet. Start the first one!</p>
                  <button type="button" className="button button-secondary" onClick={() => setCreating(true)}>
                    <PlusIcon /> Create the first room
                  </button>
                </>
              ) : (
                <p>No room matches “{query}”.</p>
              )}
            </div>
          ) : (
            <ul className="room-grid" aria-label="Rooms">
              {visible.map((room) => (
                <li key={room.name}>
                  <button type="button" className="room-card" onClick={() => open(room)} data-room={room.name}>
                    <span className="room-card-head">
                      <span className="room-card-name">
                        <span className="room-hash" aria-hidden="true">
                          #
                        </span>
                        {room.name}
                      </span>
                      {room.isPrivate ? (
                        <span className="lock" title="Private: needs a password">
                          <LockIcon size={15} />
                          <span className="visually-hidden">(private)</span>
                        </span>
                      ) : null}
                      <UnreadBadges unread={unread[roomKey(room.name)]?.unread ?? 0} mentions={unread[roomKey(room.name)]?.unreadMentions ?? 0} />
                      <span className={`member-pill${room.memberCount > 0 ? ' member-pill-live' : ''}`} data-testid="member-count">
                        <UsersIcon size={14} />
                        {room.memberCount}
                        <span className="visually-hidden"> online</span>
                      </span>
                    </span>
                    <span className={`room-card-description${room.description ? '' : ' muted-italic'}`}>
                      {room.description || 'No description'}
                    </span>
                    <span className="room-card-meta">
                      by {room.creator} ·{' '}
                      <time dateTime={room.createdAt} title={exactTime(room.createdAt)}>
                        {relativeTime(room.createdAt, now)}
                      </time>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      <CreateRoomDialog
        client={client}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(room, password) => {
          setCreating(false);
          client.joinRoom(room.name, password || undefined, room);
          navigate(roomHash(room.name));
        }}
      />
      <PasswordDialog
        client={client}
        room={privateRoom}
        onClose={() => setPrivateRoom(null)}
        onAccepted={(room, password) => {
          setPrivateRoom(null);
          client.joinRoom(room.name, password, room);
          navigate(roomHash(room.name));
        }}
      />
    </main>
  );
}

/** How many messages wait for me in a room, and how many of them mention me. */
function UnreadBadges({ unread, mentions }: { unread: number; mentions: number }) {
  if (unread <= 0 && mentions <= 0) return null;
  return (
    <span className="unread-badges">
      {mentions > 0 ? (
        <span className="mention-badge" data-testid="mention-count" title={`${mentions} ${mentions === 1 ? 'mention' : 'mentions'} of you`}>
          @{mentions}
          <span className="visually-hidden"> {mentions === 1 ? 'mention' : 'mentions'}</span>
        </span>
      ) : null}
      {unread > 0 ? (
        <span className="unread-badge" data-testid="unread-count" title={`${unread} unread`}>
          {unread > 99 ? '99+' : unread}
          <span className="visually-hidden"> unread</span>
        </span>
      ) : null}
    </span>
  );
}

function CreateRoomDialog({
  client,
  open,
  onClose,
  onCreated,
}: {
  client: ChatClient;
  open: boolean;
  onClose: () => void;
  onCreated: (room: Room, password: string) => void;
}) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState({ name: false, description: false, password: false });
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (open) {
      setName('');
      setDescription('');
      setPassword('');
      setTouched({ name: false, description: false, password: false });
      setServerError(null);
      setFieldErrors({});
      setBusy(false);
    }
  }, [open]);

  const nameError = touched.name ? fieldErrors.name ?? validateRoomName(name) : null;
  const descriptionError = touched.description ? fieldErrors.description ?? validateDescription(description) : null;
  const passwordError = touched.password ? fieldErrors.password ?? validateOptionalPassword(password) : null;
  const descriptionLength = codePointLength(description.trim());

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched({ name: true, description: true, password: true });
    setServerError(null);
    if (validateRoomName(name) || validateDescription(description) || validateOptionalPassword(password)) return;
    setBusy(true);
    try {
      const room = await client.api.createRoom(normaliseRoomName(name), description, password);
      onCreated(room, password);
    } catch (error) {
      const text = describeError(error);
      if (error instanceof ApiError && error.code === 'CONFLICT') setFieldErrors({ name: text });
      else if (error instanceof ApiError && error.field && ['name', 'room', 'description', 'password'].includes(error.field)) {
        setFieldErrors({ [error.field === 'room' ? 'name' : error.field]: text });
      } else setServerError(text);
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} title="New room" description="Anyone can find it in the list. Add a password to keep it private." onClose={onClose}>
      <form className="stack" noValidate onSubmit={(e) => void submit(e)}>
        <Field
          label="Room name"
          name="roomName"
          value={name}
          autoComplete="off"
          maxLength={64}
          autoFocus
          onChange={(e) => {
            setName(e.target.value);
            setFieldErrors({});
            setTouched((t) => ({ ...t, name: true }));
          }}
          error={nameError || null}
          hint={`Up to ${ROOM_NAME_MAX} characters`}
        />
        <Field
          label="Description (optional)"
          name="description"
          value={description}
          autoComplete="off"
          onChange={(e) => {
            setDescription(e.target.value);
            setTouched((t) => ({ ...t, description: true }));
          }}
          error={descriptionError}
          hint={`${descriptionLength}/${DESCRIPTION_MAX}`}
        />
        <Field
          label="Password (optional)"
          name="roomPassword"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            setTouched((t) => ({ ...t, password: true }));
          }}
          error={passwordError}
          hint={`Leave empty for a public room; at least ${PASSWORD_MIN} characters for a private one`}
        />
        <FormAlert>{serverError}</FormAlert>
        <div className="actions actions-end">
          <button type="button" className="button button-ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? <Spinner /> : null}
            Create room
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function PasswordDialog({
  client,
  room,
  onClose,
  onAccepted,
}: {
  client: ChatClient;
  room: Room | null;
  onClose: () => void;
  onAccepted: (room: Room, password: string) => void;
}) {
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setPassword('');
    setTouched(false);
    setBusy(false);
    setError(null);
  }, [room]);

  const localError = touched && password === '' ? 'Enter the room password.' : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!room || password === '') return;
    setBusy(true);
    setError(null);
    try {
      const checked = await client.api.checkRoomAccess(room.name, password);
      onAccepted(checked, password);
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.code === 'FORBIDDEN') {
        setError('Wrong password for this room. Check it and try again.');
      } else {
        setError(describeError(e));
      }
      window.requestAnimationFrame(() => document.querySelector<HTMLInputElement>('input[name="joinPassword"]')?.select());
    }
  }

  return (
    <Dialog
      open={room !== null}
      title={room ? `Join #${room.name}` : 'Join room'}
      description="This room is private. Enter its password to join."
      onClose={onClose}
    >
      <form className="stack" noValidate onSubmit={(e) => void submit(e)}>
        <Field
          label="Room password"
          name="joinPassword"
          type="password"
          autoComplete="current-password"
          autoFocus
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            setError(null);
            setTouched(true);
          }}
          error={error ?? localError ?? (touched ? validatePasswordSoft(password) : null)}
        />
        <div className="actions actions-end">
          <button type="button" className="button button-ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? <Spinner /> : null}
            Join
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Room passwords have at least 6 characters; a shorter entry cannot be right, but say so gently. */
function validatePasswordSoft(value: string): string | null {
  return value === '' ? null : validatePassword(value);
}
