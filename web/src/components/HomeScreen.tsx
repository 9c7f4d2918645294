import { useState, type FormEvent } from 'react';
import { ApiError, describeError } from '../api/rest';
import type { ChatClient } from '../client/ChatClient';
import { navigate, roomHash } from '../lib/hooks';
import {
  NAME_MAX,
  NAME_MIN,
  PASSWORD_MIN,
  ROOM_NAME_MAX,
  normaliseRoomName,
  strip,
  validateName,
  validatePassword,
  validateRoomName,
} from '../lib/validation';
import { Field, FormAlert, Spinner } from './Field';
import { Logo } from './Icons';

type Tab = 'guest' | 'login' | 'register';

const TABS: { id: Tab; label: string }[] = [
  { id: 'guest', label: 'Guest' },
  { id: 'login', label: 'Log in' },
  { id: 'register', label: 'Register' },
];

/** Pick a name (guest) or an account, optionally a room, and go. */
export function HomeScreen({ client, initialRoom, notice }: { client: ChatClient; initialRoom: string | null; notice: string | null }) {
  const [tab, setTab] = useState<Tab>('guest');

  return (
    <div className="home-wrap">
      <main className="home" id="main" tabIndex={-1}>
        <section className="home-hero" aria-labelledby="home-title">
          <div className="brand brand-large">
            <Logo size={44} />
            <span>Chillin</span>
          </div>
          <h1 id="home-title">Chat rooms that feel instant.</h1>
          <p className="home-lead">
            Jump into a room as a guest or with your account. Messages arrive in real time, survive a flaky
            connection, and nothing ever shows up twice.
          </p>
          <ul className="home-points">
            <li>Public and password-protected rooms</li>
            <li>Live presence and typing indicators</li>
            <li>Works offline: messages send when you are back</li>
          </ul>
        </section>

        <section className="home-card card" aria-label="Sign in">
          {notice ? (
            <div className="form-alert" role="alert">
              {notice}
            </div>
          ) : null}
          <div className="tabs" role="tablist" aria-label="How to enter">
            {TABS.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                id={`tab-${t.id}`}
                aria-selected={tab === t.id}
                aria-controls={`panel-${t.id}`}
                tabIndex={tab === t.id ? 0 : -1}
                className={`tab${tab === t.id ? ' tab-active' : ''}`}
                onClick={() => setTab(t.id)}
                onKeyDown={(e) => {
                  const index = TABS.findIndex((x) => x.id === tab);
                  const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                  if (step !== 0) {
                    const next = TABS[(index + step + TABS.length) % TABS.length];
                    if (next) {
                      setTab(next.id);
                      document.getElementById(`tab-${next.id}`)?.focus();
                    }
                  }
                }}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
            {tab === 'guest' ? (
              <GuestForm client={client} initialRoom={initialRoom} />
            ) : (
              <AccountForm key={tab} client={client} mode={tab} initialRoom={initialRoom} />
            )}
          </div>
        </section>
      </main>
    </div>
  );
}

function GuestForm({ client, initialRoom }: { client: ChatClient; initialRoom: string | null }) {
  const [name, setName] = useState('');
  const [room, setRoom] = useState(initialRoom ?? '');
  const [touched, setTouched] = useState({ name: false, room: false });
  const [busy, setBusy] = useState<null | 'join' | 'browse'>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [nameServerError, setNameServerError] = useState<string | null>(null);

  const nameError = touched.name ? nameServerError ?? validateName(name) : null;
  const roomError = touched.room && room !== '' ? validateRoomName(room) : null;

  async function enter(target: 'join' | 'browse', event?: FormEvent) {
    event?.preventDefault();
    setTouched({ name: true, room: target === 'join' || room !== '' });
    setServerError(null);
    setNameServerError(null);
    const problem = validateName(name) ?? (target === 'join' ? (room === '' ? 'Enter a room name, or browse the rooms.' : validateRoomName(room)) : null);
    if (problem) {
      if (target === 'join' && room === '' && validateName(name) === null) setServerError(problem);
      focusFirstInvalid();
      return;
    }
    setBusy(target);
    try {
      const session = await client.api.guest(strip(name));
      client.signIn(session);
      if (target === 'join') {
        const roomName = normaliseRoomName(room);
        client.joinRoom(roomName);
        navigate(roomHash(roomName));
      } else {
        navigate('#/rooms');
      }
    } catch (error) {
      if (error instanceof ApiError && (error.field === 'name' || error.code === 'NAME_TAKEN')) {
        setNameServerError(describeError(error));
      } else {
        setServerError(describeError(error));
      }
      setBusy(null);
    }
  }

  return (
    <form className="stack" noValidate onSubmit={(e) => void enter('join', e)}>
      <Field
        label="Display name"
        name="name"
        autoComplete="nickname"
        value={name}
        maxLength={64}
        onChange={(e) => {
          setName(e.target.value);
          setNameServerError(null);
          setTouched((t) => ({ ...t, name: true }));
        }}
        error={nameError}
        hint={`${NAME_MIN}–${NAME_MAX} letters, digits, _ or -`}
        autoFocus
      />
      <Field
        label="Room"
        name="room"
        autoComplete="off"
        value={room}
        maxLength={64}
        placeholder="lobby"
        onChange={(e) => {
          setRoom(e.target.value);
          setTouched((t) => ({ ...t, room: true }));
        }}
        error={roomError}
        hint={`Any name up to ${ROOM_NAME_MAX} characters; a new name creates the room`}
      />
      <FormAlert>{serverError}</FormAlert>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy !== null}>
          {busy === 'join' ? <Spinner /> : null}
          Join room
        </button>
        <button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void enter('browse')}>
          {busy === 'browse' ? <Spinner /> : null}
          Browse rooms
        </button>
      </div>
    </form>
  );
}

function AccountForm({ client, mode, initialRoom }: { client: ChatClient; mode: 'login' | 'register'; initialRoom: string | null }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState({ username: false, password: false });
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({});

  // Logging in checks the rules too: a name that breaks them cannot be an account.
  const usernameError = touched.username ? fieldErrors.username ?? validateName(username) : null;
  const passwordError = touched.password
    ? fieldErrors.password ?? (mode === 'register' ? validatePassword(password) : password === '' ? 'Enter your password.' : null)
    : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched({ username: true, password: true });
    setServerError(null);
    setFieldErrors({});
    const invalid = validateName(username) ?? (mode === 'register' ? validatePassword(password) : password === '' ? 'x' : null);
    if (invalid) {
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    try {
      const result =
        mode === 'register' ? await client.api.register(strip(username), password) : await client.api.login(strip(username), password);
      client.signIn(result);
      navigate(initialRoom && validateRoomName(initialRoom) === null ? roomHash(normaliseRoomName(initialRoom)) : '#/rooms');
    } catch (error) {
      const text = describeError(error);
      if (error instanceof ApiError && error.field === 'username') setFieldErrors({ username: text });
      else if (error instanceof ApiError && error.field === 'password') setFieldErrors({ password: text });
      else if (error instanceof ApiError && error.code === 'CONFLICT') setFieldErrors({ username: text });
      else setServerError(text);
      setBusy(false);
    }
  }

  return (
    <form className="stack" noValidate onSubmit={(e) => void submit(e)}>
      <Field
        label="Username"
        name="username"
        autoComplete="username"
        value={username}
        maxLength={64}
        onChange={(e) => {
          setUsername(e.target.value);
          setFieldErrors((f) => ({ ...f, username: undefined }));
          setTouched((t) => ({ ...t, username: true }));
        }}
        error={usernameError}
        hint={mode === 'register' ? `${NAME_MIN}–${NAME_MAX} letters, digits, _ or -` : undefined}
        autoFocus
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete={mode === 'register' ? 'new-password' : 'current-password'}
        value={password}
        onChange={(e) => {
          setPassword(e.target.value);
          setFieldErrors((f) => ({ ...f, password: undefined }));
          setTouched((t) => ({ ...t, password: true }));
        }}
        error={passwordError}
        hint={mode === 'register' ? `At least ${PASSWORD_MIN} characters` : undefined}
      />
      <FormAlert>{serverError}</FormAlert>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? <Spinner /> : null}
          {mode === 'register' ? 'Create account' : 'Log in'}
        </button>
      </div>
    </form>
  );
}

function focusFirstInvalid() {
  window.requestAnimationFrame(() => {
    const first = document.querySelector<HTMLInputElement>('[aria-invalid="true"]');
    first?.focus();
  });
}
