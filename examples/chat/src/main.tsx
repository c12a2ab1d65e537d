import '@completions-kit/components/styles.css';
import './chat.css';
import { Chat } from '@completions-kit/chat';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { frenchLabels } from './labels-fr.ts';
import { baseURL, followUps, followUpsFr, model, onFeedback, params, starters } from './settings.ts';

// ?lang=fr shows the chat in French (src/labels-fr.ts): every string, and numbers and dates in fr-FR.
const french = new URLSearchParams(location.search).get('lang') === 'fr';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Chat
      className="chat"
      baseURL={baseURL}
      model={model}
      params={params}
      starters={french ? ['Comment un flux de fragments devient-il un message ?', 'Qu’est-ce qu’un jeton ?'] : starters}
      labels={french ? frenchLabels : undefined}
      locale={french ? 'fr-FR' : undefined}
      followUps={french ? followUpsFr : followUps}
      onFeedback={onFeedback}
    />
  </StrictMode>,
);
