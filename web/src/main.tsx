import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ChatClient } from './client/ChatClient';
import { SessionStore } from './client/session';
import './styles.css';

const client = new ChatClient({ sessions: SessionStore.browser() });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
