import '@completions-kit/components/styles.css';
import './chat.css';
import { Chat } from '@completions-kit/chat';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { baseURL, model, params, starters } from './settings.ts';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Chat className="chat" baseURL={baseURL} model={model} params={params} starters={starters} />
  </StrictMode>,
);
