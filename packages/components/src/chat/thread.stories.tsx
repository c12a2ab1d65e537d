import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { DemoThread, sampleMessages } from './story-support.tsx';

const meta = {
  title: 'Chat/Thread',
  component: DemoThread,
  parameters: {
    docs: {
      subtitle:
        'The scrolling conversation: virtualized, follows the answer as it streams, lets the reader scroll away, and announces each answer once.',
      source: {
        code: `import { Thread } from '@completions-kit/components/chat';
import { Message } from '@completions-kit/components';

<Thread.Root count={messages.length} streaming={status === 'streaming'}>
  <Thread.Viewport renderItem={(index) => <Message message={messages[index]} />} />
  <Thread.Empty>
    <p>Ask anything to start.</p>
    <Thread.Starters prompts={['Explain streaming', 'Write a haiku']} onPick={send} />
  </Thread.Empty>
  <Thread.JumpToLatest />
</Thread.Root>`,
      },
    },
    ck: {
      name: 'Thread',
      from: '@completions-kit/components/chat',
      parts: [
        'Thread.Root',
        'Thread.Viewport',
        'Thread.Empty',
        'Thread.Starters',
        'Thread.JumpToLatest',
        'ChatLabelsProvider',
      ],
      data: [
        {
          attribute: 'data-slot="thread"',
          values: 'on Thread.Root',
          meaning:
            'The thread; its parts carry thread-viewport, thread-content, thread-item, thread-empty, thread-starters, thread-starter, thread-jump and thread-announcer.',
        },
        {
          attribute: 'data-state',
          values: 'following | released',
          meaning: 'On the root: the view follows new tokens, or the reader scrolled away.',
        },
        { attribute: 'data-streaming', values: 'true', meaning: 'On the root while an answer streams.' },
        { attribute: 'data-empty', values: 'true', meaning: 'On the root while there is no message.' },
        { attribute: 'data-index', values: '0…count-1', meaning: 'On each thread-item: the message it holds.' },
        { attribute: 'data-last', values: 'true', meaning: 'On the newest thread-item.' },
        { attribute: 'data-state (jump)', values: 'hidden | visible', meaning: 'On Thread.JumpToLatest.' },
      ],
      keyboard: [
        { keys: 'Tab', action: 'Into the log: one stop, on the newest message (or the last one focused)' },
        { keys: 'ArrowUp / ArrowDown', action: 'Previous / next message' },
        { keys: 'Home / End', action: 'First / newest message (scrolled into the page first)' },
      ],
      announces:
        'The viewport is a log named "Conversation" with aria-live off and aria-busy while an answer streams, so tokens are never read one by one. A polite status says "The assistant is answering." once when an answer starts and "The answer is complete." or "The answer stopped." once when it ends. Starters are a labelled list of buttons.',
    },
  },
  args: { messages: sampleMessages(6) },
} satisfies Meta<typeof DemoThread>;
export default meta;
type Story = StoryObj<typeof meta>;

const viewport = (canvasElement: HTMLElement) => within(canvasElement).getByRole('log', { name: 'Conversation' });
const distanceFromBottom = (element: HTMLElement) => element.scrollHeight - element.clientHeight - element.scrollTop;

export const Empty: Story = {
  args: { messages: [], starters: ['Explain streaming', 'Write a haiku'], onPick: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Ask anything to start.')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Write a haiku' }));
    await expect(args.onPick).toHaveBeenCalledWith('Write a haiku');
    await expect(canvas.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
  },
};

export const Streaming: Story = {
  args: { messages: sampleMessages(12), stream: 60, interval: 25 },
  play: async ({ canvasElement }) => {
    const log = viewport(canvasElement);
    const announcer = canvasElement.querySelector('[data-slot="thread-announcer"]') as HTMLElement;
    const said: string[] = [];
    const watcher = new MutationObserver(() => said.push(announcer.textContent ?? ''));
    watcher.observe(announcer, { childList: true, characterData: true, subtree: true });
    await waitFor(() => expect(log).toHaveAttribute('aria-busy', 'true'));
    // Following: on every sample while tokens arrive, the view sits at the bottom.
    for (let sample = 0; sample < 20; sample++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await expect(distanceFromBottom(log)).toBeLessThanOrEqual(2);
    }
    await waitFor(() => expect(log).toHaveAttribute('aria-busy', 'false'), { timeout: 5000 });
    await waitFor(() => expect(announcer).toHaveTextContent('The answer is complete.'));
    // Two frames later any announcement left from the stream would have been committed and seen.
    for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
    watcher.disconnect();
    // Once when it ended (the start was announced before the watcher), never per token.
    await expect(said).toEqual(['The answer is complete.']);
    await expect(log.getAttribute('aria-live')).toBe('off');
  },
};

export const Stopped: Story = {
  args: { messages: sampleMessages(4), stream: 60, interval: 20, stopAfter: 12 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const log = viewport(canvasElement);
    // The partial answer stays, marked as stopped, and the stop is announced.
    await waitFor(() => expect(canvas.getByText('Stopped: the answer is partial')).toBeVisible());
    await expect(log).toHaveAttribute('aria-busy', 'false');
    const announcer = canvasElement.querySelector('[data-slot="thread-announcer"]') as HTMLElement;
    await waitFor(() => expect(announcer).toHaveTextContent('The answer stopped.'));
    await expect(canvas.getAllByRole('article').at(-1)).toHaveAttribute('data-status', 'aborted');
  },
};

export const ReleasedWhenTheReaderScrollsUp: Story = {
  // Long enough (a minute) that the answer is still growing whatever the machine's load when the reader
  // scrolls; the test ends as soon as it has seen the answer grow.
  args: { messages: sampleMessages(30), stream: 2000, interval: 30 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const log = viewport(canvasElement);
    await waitFor(() => expect(log).toHaveAttribute('aria-busy', 'true'));
    // The thread has opened and measured its messages, and follows the answer at the bottom.
    const opened = log.scrollHeight;
    await waitFor(() => expect(log.scrollHeight).toBeGreaterThan(opened), { timeout: 15_000 });
    await waitFor(() => expect(distanceFromBottom(log)).toBeLessThanOrEqual(2));
    log.dispatchEvent(new WheelEvent('wheel', { deltaY: -200, bubbles: true }));
    log.scrollTop -= 300;
    const jump = await canvas.findByRole('button', { name: 'Jump to latest' });
    // What the reader looks at: the message in the middle of the view, and where it is on screen.
    const box = log.getBoundingClientRect();
    const middle = () => document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) as HTMLElement;
    // The rows the scroll reached are measured and placed (on a busy machine, some frames later): wait
    // until the middle of the view shows the same element at the same place for three frames running.
    let anchor = middle();
    let held = anchor.getBoundingClientRect().top;
    for (let still = 0; still < 3; ) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = middle();
      const top = now.getBoundingClientRect().top;
      still = now === anchor && Math.abs(top - held) < 0.5 ? still + 1 : 0;
      anchor = now;
      held = top;
    }
    // Words written by the harness, not the list's height: measuring the rows the scroll reached can
    // shrink the height below an earlier estimate, so a height comparison says nothing about growth.
    const written = () => Number((canvasElement.querySelector('[data-written]') as HTMLElement).dataset.written);
    const released = written();
    // New tokens arrived below (the answer grew), and what the reader looks at did not move.
    await waitFor(() => expect(written()).toBeGreaterThan(released + 20), { timeout: 15_000 });
    await expect(log).toHaveAttribute('aria-busy', 'true');
    for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
    await expect(Math.abs(anchor.getBoundingClientRect().top - held)).toBeLessThanOrEqual(1);
    await expect(jump).toBeVisible();
    await userEvent.click(jump);
    await waitFor(() => expect(distanceFromBottom(log)).toBeLessThanOrEqual(2));
    await expect(canvas.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
  },
};

export const LongThread: Story = {
  args: { messages: sampleMessages(5000) },
  play: async ({ canvasElement }) => {
    const log = viewport(canvasElement);
    // Virtualized: a handful of the 5,000 messages are in the page.
    await expect(log.querySelectorAll('[data-slot="thread-item"]').length).toBeLessThan(40);
    await waitFor(() => expect(distanceFromBottom(log)).toBeLessThanOrEqual(2));
    // One Tab stop; arrows, Home and End move between messages.
    const last = log.querySelector('[data-slot="thread-item"][data-index="4999"]') as HTMLElement;
    await expect(last).toHaveAttribute('tabindex', '0');
    last.focus();
    await userEvent.keyboard('{ArrowUp}');
    await expect(document.activeElement).toHaveAttribute('data-index', '4998');
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-index', '0'));
    await expect(within(document.activeElement as HTMLElement).getByText(/Question 1:/)).toBeVisible();
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-index', '4999'));
  },
};

export const RightToLeft: Story = {
  args: {
    messages: [
      { role: 'user', content: 'ما هو البث المتدفق؟' },
      { role: 'assistant', content: 'البث يرسل الإجابة على أجزاء، فيبدأ القارئ قبل وصول النهاية. שלום עולם.' },
    ],
  },
  decorators: [
    (Story) => (
      <div dir="rtl" lang="ar">
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/البث يرسل/)).toBeVisible();
    await expect(canvas.getAllByRole('article')).toHaveLength(2);
  },
};
