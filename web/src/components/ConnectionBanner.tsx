import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { describeError } from '../api/rest';
import type { ChatClient, ChatSnapshot } from '../client/ChatClient';
import { useNow } from '../lib/hooks';
import { navigate } from '../lib/hooks';
import { Spinner } from './Field';
import { AlertIcon, CheckIcon, RefreshIcon, WifiOffIcon } from './Icons';

/** Says what the connection is doing, in words, with the actions that make sense now. */
export function ConnectionBanner({ client, chat, queued }: { client: ChatClient; chat: ChatSnapshot; queued: number }) {
  const { connection, online, sessionProblem } = chat;
  const now = useNow(connection.status === 'RECONNECTING' ? 500 : 60_000);
  const [backOnline, setBackOnline] = useState(false);
  const wasDown = useRef(false);

  useEffect(() => {
    if (connection.status === 'RECONNECTING' || connection.status === 'FAILED') wasDown.current = true;
    if (connection.status === 'CONNECTED' && wasDown.current) {
      wasDown.current = false;
      setBackOnline(true);
      const handle = window.setTimeout(() => setBackOnline(false), 2500);
      return () => window.clearTimeout(handle);
    }
    return undefined;
  }, [connection.status]);

  const waiting = queued > 0 ? ` ${queued} unsent ${queued === 1 ? 'message' : 'messages'} will go out when it is back.` : '';

  let tone: 'info' | 'warning' | 'danger' | 'success' | null = null;
  let body: ReactNode = null;

  if (sessionProblem) {
    tone = 'danger';
    body = <SessionProblem client={client} chat={chat} />;
  } else if (!online && connection.status !== 'CONNECTED') {
    tone = 'warning';
    body = (
      <>
        <WifiOffIcon size={16} />
        <span>You are offline.{waiting || ' Messages you write will be sent when the connection is back.'}</span>
      </>
    );
  } else {
    switch (connection.status) {
      case 'CONNECTING':
        tone = 'info';
        body = (
          <>
            <Spinner />
            <span>Connecting to the chat server…</span>
          </>
        );
        break;
      case 'RECONNECTING': {
        tone = 'warning';
        const seconds = connection.retryAt === null ? 0 : Math.max(0, Math.ceil((connection.retryAt - now) / 1000));
        body = (
          <>
            {connection.opening ? <Spinner /> : <AlertIcon size={16} />}
            <span>
              {connection.opening
                ? `Reconnecting… (attempt ${connection.attempt} of ${connection.maxAttempts})`
                : `Connection lost. Reconnecting in ${seconds} s (attempt ${connection.attempt} of ${connection.maxAttempts}).`}
              {waiting}
            </span>
            {connection.opening ? null : (
              <button type="button" className="banner-button" onClick={() => client.retryConnection()}>
                Retry now
              </button>
            )}
          </>
        );
        break;
      }
      case 'FAILED':
        tone = 'danger';
        body = (
          <>
            <AlertIcon size={16} />
            <span>
              Could not reconnect after {connection.maxAttempts} attempts.{' '}
              {connection.lastError ?? ''}
              {waiting}
            </span>
            <button type="button" className="banner-button" onClick={() => client.retryConnection()}>
              <RefreshIcon size={14} /> Retry
            </button>
          </>
        );
        break;
      case 'CONNECTED':
        if (backOnline) {
          tone = 'success';
          body = (
            <>
              <CheckIcon size={16} />
              <span>Back online.</span>
            </>
          );
        }
        break;
      case 'DISCONNECTED':
        break;
    }
  }

  return (
    <div
      className={`banner${tone ? ` banner-${tone}` : ' banner-hidden'}`}
      role="status"
      aria-live="polite"
      data-connection={connection.status}
    >
      {body}
    </div>
  );
}

function SessionProblem({ client, chat }: { client: ChatClient; chat: ChatSnapshot }) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problem = chat.sessionProblem!;
  const account = chat.session && !chat.session.user.guest;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (password === '') return;
    setBusy(true);
    setError(null);
    try {
      await client.reauthenticate(password);
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  }

  if (!account || problem.code !== 'SESSION_EXPIRED') {
    return (
      <>
        <AlertIcon size={16} />
        <span>{problem.message}</span>
        <button
          type="button"
          className="banner-button"
          onClick={() => {
            void client.signOut();
            navigate('#/');
          }}
        >
          Start again
        </button>
      </>
    );
  }
  return (
    <form className="banner-form" onSubmit={(e) => void submit(e)}>
      <AlertIcon size={16} />
      <span>{error ?? problem.message}</span>
      <label className="visually-hidden" htmlFor="reauth-password">
        Password for {chat.session?.user.username}
      </label>
      <input
        id="reauth-password"
        type="password"
        autoComplete="current-password"
        placeholder="Password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="submit" className="banner-button" disabled={busy || password === ''}>
        {busy ? <Spinner /> : null} Log in
      </button>
    </form>
  );
}
