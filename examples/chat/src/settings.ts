// What the chat asks, and where. Module constants, so that <Chat> sees the same objects on every render.
import type { ChatFeedback } from '@completions-kit/chat';

/** Same-origin /v1: the dev server and `vite preview` forward it to the completions server (vite.config.ts). */
export const baseURL = `${location.origin}/v1`;

// The local server answers any model name with its built-in model; a real provider behind it (see
// the README) answers with the model named here.
export const model = 'gpt-4o-mini';

/** Any other request settings: temperature, n, logprobs, ... */
export const params = { max_completion_tokens: 400 };

/** Offered while a conversation is empty. */
export const starters = ['How does a stream of chunks become a message?', 'What is a token?'];

/** Offered after each answer: a follow-up the reader can send with one click (yours could ask a model). */
export const followUps = () => ['Tell me more', 'Give an example'];
export const followUpsFr = () => ['Dites-m’en plus', 'Donnez un exemple'];

/**
 * Thumbs on each answer: where your app would record the verdict. With `store: true` in `params`,
 * <Chat> also writes it into the stored completion's metadata (`feedback`).
 */
export const onFeedback = ({ value, completionId }: ChatFeedback) =>
  console.info(`feedback ${value ?? 'taken back'} on ${completionId ?? 'an answer'}`);
