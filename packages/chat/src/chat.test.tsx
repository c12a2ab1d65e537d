import { createChatCompletionsClient } from '@completions-kit/core';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import legacyThread from '../../core/src/test-support/saved-thread-0.1.json';
import { Chat } from './chat.tsx';
import type { ChatFeedback } from './conversation-view.tsx';
import { writeFeedback } from './feedback.ts';
import { localStorageThreads, type ThreadStorage } from './storage.ts';

// The real local server (started by the hooks' global setup); no fetch is faked.
const client = () =>
  createChatCompletionsClient({ baseURL: inject('serverUrl'), maxRetries: 0, apiKey: 'sk-canary-never-stored' });
const params = { max_completion_tokens: 12, logit_bias: { '199999': -100 } };

beforeEach(() => localStorage.clear());
afterEach(cleanup);

async function send(text: string) {
  const input = screen.getByRole('textbox', { name: 'Message' });
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter' });
  await waitFor(() => expect(screen.getAllByRole('article').length).toBeGreaterThanOrEqual(2), { timeout: 10_000 });
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull(), { timeout: 10_000 });
}

describe('<Chat> against the local server', () => {
  it('sends on Enter, streams the answer in, and keeps the thread (never the key) across a remount', async () => {
    const view = render(<Chat client={client()} model="ck-local-ngram" params={params} />);
    await send('Hello from the test');
    const log = screen.getByRole('log', { name: 'Conversation' });
    expect(within(log).getByText('Hello from the test')).toBeTruthy();
    await waitFor(() => expect(within(log).getAllByRole('article')[1]?.textContent?.length ?? 0).toBeGreaterThan(9));
    const saved = Object.keys(localStorage)
      .map((key) => localStorage.getItem(key))
      .join('\n');
    expect(saved).toContain('Hello from the test');
    expect(saved).not.toContain('sk-canary');
    view.unmount();
    render(<Chat client={client()} model="ck-local-ngram" params={params} />);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Hello from the test' }).getAttribute('aria-current')).toBe('page'),
    );
    await waitFor(() => expect(within(screen.getByRole('log')).getByText('Hello from the test')).toBeTruthy());
  });

  it('keeps a thread whose whole answer arrived before a slow store read back its list', async () => {
    // A named stand-in for slow storage (a busy IndexedDB): reads answer only once the whole
    // answer has arrived, whatever the machine's speed.
    let answered!: () => void;
    const held = new Promise<void>((resolve) => (answered = resolve));
    const slow: ThreadStorage = {
      ...localStorageThreads(),
      get: (key) => held.then(() => localStorage.getItem(key)),
    };
    const view = render(<Chat client={client()} model="ck-local-ngram" params={params} storage={slow} />);
    await send('Sent before the list was read');
    answered();
    // The list is written once it has been read back: waited for, then the chat is left.
    const list = () => Object.keys(localStorage).filter((key) => key.endsWith(':threads'));
    await waitFor(() =>
      expect(
        list()
          .map((key) => localStorage.getItem(key))
          .join(),
      ).toContain('Sent before'),
    );
    view.unmount();
    render(<Chat client={client()} model="ck-local-ngram" params={params} />);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sent before the list was read' })).toBeTruthy());
    await waitFor(() =>
      expect(within(screen.getByRole('log')).getByText('Sent before the list was read')).toBeTruthy(),
    );
  });

  it('does not send on Shift+Enter or while an input method is composing', async () => {
    render(<Chat client={client()} model="ck-local-ngram" params={params} storage={false} />);
    const input = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(input, { target: { value: 'not yet' } });
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    fireEvent.keyDown(input, { key: 'Enter', isComposing: true });
    fireEvent.keyDown(input, { key: 'Enter', keyCode: 229 });
    expect(screen.queryAllByRole('article')).toHaveLength(0);
    expect((input as HTMLTextAreaElement).value).toBe('not yet');
  });

  it('shows a failed answer with Retry, and Retry asks again', async () => {
    // The first request fails once (a real 500 from the server's fault injection), the retry succeeds.
    const failing = createChatCompletionsClient({
      baseURL: inject('serverUrl'),
      maxRetries: 0,
      headers: { 'x-ck-fault': `status=500; times=1; key=chat-retry-${Date.now()}` },
    });
    render(<Chat client={failing} model="ck-local-ngram" params={params} storage={false} />);
    const input = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(input, { target: { value: 'Will this fail?' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    const message = await screen.findByText(/status 500/, {}, { timeout: 10_000 });
    const alert = message.closest('[role="alert"]') as HTMLElement;
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull(), { timeout: 10_000 });
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(2), { timeout: 10_000 });
  });

  it('declares app tools, waits for approval, runs the tool and goes on', async () => {
    const runs: unknown[] = [];
    const tools = {
      get_weather: {
        description: 'Current weather for a city',
        parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        run: (args: unknown) => {
          runs.push(args);
          return { temperature: 21, sky: 'sunny' };
        },
      },
    };
    render(
      <Chat
        client={client()}
        model="ck-local-ngram"
        params={{ max_completion_tokens: 40, tool_choice: 'auto' }}
        tools={tools}
        storage={false}
      />,
    );
    const input = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(input, { target: { value: 'What is the weather in Paris?' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    const approval = await screen.findByRole(
      'region',
      { name: 'The assistant wants to call get_weather' },
      { timeout: 10_000 },
    );
    expect(runs).toHaveLength(0);
    fireEvent.click(within(approval).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(within(approval).getByText('Approved')).toBeTruthy(), { timeout: 10_000 });
    expect(runs).toHaveLength(1);
    expect(typeof runs[0]).toBe('object');
    // The run went on after the answer: a second assistant turn follows the call.
    await waitFor(() => expect(screen.getAllByRole('article').length).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
  });

  it('shows a streamed answer’s usage and cost, and with logprobs on, its token view', async () => {
    render(
      <Chat
        client={client()}
        model="ck-local-ngram"
        params={{ ...params, logprobs: true, top_logprobs: 2 }}
        storage={false}
      />,
    );
    await send('Usage, please');
    const log = screen.getByRole('log', { name: 'Conversation' });
    fireEvent.click(await within(log).findByRole('button', { name: /^\d+ tokens$/ }));
    // Both views load on the click that opens them.
    const usage = await within(log).findByRole('region', { name: 'Usage and cost' });
    expect(within(usage).getByText('Total tokens')).toBeTruthy();
    expect(within(usage).getByText('Cost').nextElementSibling?.textContent).toMatch(/\$/);
    fireEvent.click(within(log).getByRole('button', { name: 'Token probabilities' }));
    expect(await within(log).findByRole('region', { name: /token probabilities/ })).toBeTruthy();
  });

  it('shows the usage of an answer asked for whole', async () => {
    render(<Chat client={client()} model="ck-local-ngram" params={params} stream={false} storage={false} />);
    await send('Whole, please');
    fireEvent.click(await screen.findByRole('button', { name: /^\d+ tokens$/ }));
    expect(await screen.findByRole('region', { name: 'Usage and cost' })).toBeTruthy();
  });

  it('keeps the live answer’s element from its first word to its end', async () => {
    const paced = createChatCompletionsClient({
      baseURL: inject('serverUrl'),
      maxRetries: 0,
      headers: { 'x-ck-fault': 'pace-ms=10' },
    });
    render(
      <Chat client={paced} model="ck-local-ngram" params={{ ...params, max_completion_tokens: 30 }} storage={false} />,
    );
    const input = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(input, { target: { value: 'Hold this' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    const live = await waitFor(
      () => {
        const answer = screen.getAllByRole('article')[1];
        expect(answer?.getAttribute('data-status')).toBe('streaming');
        return answer as HTMLElement;
      },
      { timeout: 10_000 },
    );
    await waitFor(() => expect(live.getAttribute('data-status')).toBe('done'), { timeout: 10_000 });
    expect(screen.getAllByRole('article')[1]).toBe(live);
    expect(live.isConnected).toBe(true);
  });

  it('Stop mid-stream leaves the answer marked as stopped, not finished', async () => {
    const paced = createChatCompletionsClient({
      baseURL: inject('serverUrl'),
      maxRetries: 0,
      headers: { 'x-ck-fault': 'pace-ms=20' },
    });
    render(
      <Chat client={paced} model="ck-local-ngram" params={{ ...params, max_completion_tokens: 300 }} storage={false} />,
    );
    const input = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(input, { target: { value: 'A long answer, please' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    const live = await waitFor(
      () => {
        const answer = screen.getAllByRole('article')[1];
        // Some words in: more than the role and the "Writing…" note.
        expect(answer?.getAttribute('data-status')).toBe('streaming');
        expect(answer?.textContent?.length ?? 0).toBeGreaterThan(40);
        return answer as HTMLElement;
      },
      { timeout: 10_000 },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(live.getAttribute('data-status')).toBe('aborted'));
    expect(within(live).getByRole('status').textContent).toMatch(/Stopped/);
    expect(screen.getAllByRole('article')[1]).toBe(live);
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
  });

  it('reads a thread localStorage kept from 0.1, and saves it again in the versioned format', async () => {
    localStorage.setItem(
      'ck-chat:threads',
      JSON.stringify({ threads: [{ id: 'thread-old', title: 'Old thread', updatedAt: 1 }], activeId: 'thread-old' }),
    );
    localStorage.setItem('ck-chat:thread:thread-old', JSON.stringify(legacyThread));
    render(<Chat client={client()} model="ck-local-ngram" params={params} />);
    const log = screen.getByRole('log', { name: 'Conversation' });
    await within(log).findByText('It is 21 degrees in Oslo.');
    expect(within(log).getByRole('button', { name: '39 tokens' })).toBeTruthy();
    await send('And tomorrow?');
    const saved = JSON.parse(localStorage.getItem('ck-chat:thread:thread-old') ?? '{}');
    expect(saved.version).toBe(1);
    expect(Object.keys(saved.tree.nodes)).toHaveLength(Object.keys(legacyThread.tree.nodes).length + 2);
    expect(saved.tree.nodes['turn-mhx1a2c1-3'].completion.usage.total_tokens).toBe(39);
  });

  it("offers the app's follow-ups after each answer, sends one when picked, and drops them as it moves on", async () => {
    const asked: string[] = [];
    const followUps = async ({ answer, messages }: { answer: string; messages: readonly { role: string }[] }) => {
      asked.push(`${messages.length} messages, answer of ${answer.length} characters`);
      return ['Tell me more', 'Say it shorter'];
    };
    render(<Chat client={client()} model="ck-local-ngram" params={params} storage={false} followUps={followUps} />);
    await send('First question');
    const list = await screen.findByRole('list', { name: 'Follow-up suggestions' });
    expect(
      within(list)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Tell me more', 'Say it shorter']);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^2 messages, answer of [1-9]\d* characters$/);
    fireEvent.click(within(list).getByRole('button', { name: 'Say it shorter' }));
    // Picked: sent as the next question, and the old suggestions are gone at once.
    expect(screen.queryByRole('list', { name: 'Follow-up suggestions' })).toBeNull();
    const log = screen.getByRole('log', { name: 'Conversation' });
    await waitFor(() => expect(within(log).getByText('Say it shorter')).toBeTruthy());
    await waitFor(() => expect(asked).toHaveLength(2), { timeout: 10_000 });
    expect(asked[1]).toMatch(/^4 messages/);
    expect(await screen.findByRole('list', { name: 'Follow-up suggestions' })).toBeTruthy();
  });

  it('takes thumbs up and down on an answer and writes the verdict into the stored completion', async () => {
    const heard: ChatFeedback[] = [];
    const stored = { ...params, store: true, metadata: { app: 'feedback-test' } };
    render(
      <Chat
        client={client()}
        model="ck-local-ngram"
        params={stored}
        storage={false}
        onFeedback={(feedback) => heard.push(feedback)}
      />,
    );
    await send('Rate this answer');
    const up = await screen.findByRole('button', { name: 'Good answer' });
    expect(up.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(up);
    expect(up.getAttribute('aria-pressed')).toBe('true');
    expect(heard[0]).toMatchObject({ value: 'up', completionId: expect.stringMatching(/^chatcmpl-/) });
    expect(await heard[0]?.saved).toBe(true);
    const id = heard[0]?.completionId as string;
    const read = () =>
      client()
        .chat.completions.retrieve(id)
        .then((completion) => completion.metadata);
    expect(await read()).toEqual({ app: 'feedback-test', feedback: 'up' });
    fireEvent.click(screen.getByRole('button', { name: 'Bad answer' }));
    expect(await heard[1]?.saved).toBe(true);
    expect(await read()).toEqual({ app: 'feedback-test', feedback: 'down' });
    expect(up.getAttribute('aria-pressed')).toBe('false');
    // Pressed again, the verdict is taken back, and so is the metadata key.
    fireEvent.click(screen.getByRole('button', { name: 'Bad answer' }));
    expect(heard[2]?.value).toBeNull();
    expect(await heard[2]?.saved).toBe(true);
    expect(await read()).toEqual({ app: 'feedback-test' });
  });

  it('says a verdict was not saved when the completion cannot be written', async () => {
    expect(await writeFeedback(client(), 'chatcmpl-never-stored', 'up')).toBe(false);
  });

  it('shows no thumbs without onFeedback', async () => {
    render(<Chat client={client()} model="ck-local-ngram" params={params} storage={false} />);
    await send('No rating here');
    expect(screen.queryByRole('button', { name: 'Good answer' })).toBeNull();
  });

  it('renders on the server, its saved threads left for the browser to read', () => {
    const html = renderToString(
      <Chat client={client()} model="ck-local-ngram" params={params} storage={localStorageThreads()} />,
    );
    expect(html).toContain('data-slot="chat"');
    expect(html).toContain('aria-label="Message"');
  });

  it('hydrates what a server without storage rendered, with no mismatch, and then lays out its thread list', async () => {
    // `storage={false}` on the server is what the default storage is there: no localStorage.
    const html = renderToString(<Chat client={client()} model="ck-local-ngram" params={params} storage={false} />);
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const errors = vi.spyOn(console, 'error');
    try {
      const root = await act(async () =>
        hydrateRoot(container, <Chat client={client()} model="ck-local-ngram" params={params} />),
      );
      await waitFor(() => expect(container.querySelector('[data-slot="thread-list"]')).not.toBeNull());
      // The layout's switch for the list beside the conversation (chat.css) is set once the list is there.
      expect(container.querySelector('[data-slot="chat"]')?.hasAttribute('data-threads')).toBe(true);
      expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([]);
      act(() => root.unmount());
    } finally {
      errors.mockRestore();
      container.remove();
    }
  });
});
