import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { Message } from './message.tsx';
import { MessageLabelsProvider } from './message-labels.tsx';

// Small hand-made messages; the recorded local-model fixtures replace them when issue 4 records them.
const meta = {
  title: 'Chat/Message',
  component: Message,
  subcomponents: { MessageLabelsProvider },
  tags: ['stable'],
  args: { message: { role: 'assistant', content: '' } },
  parameters: {
    docs: {
      subtitle: 'The part every chat is made of: pass it any message, finished or mid-stream.',
    },
    ck: {
      name: 'Message',
      data: [
        {
          attribute: 'data-slot="message"',
          values: 'on the <article>',
          meaning:
            'The message; inner parts carry their own data-slot (message-role, text-part, message-refusal, stream-status, finish-reason).',
        },
        {
          attribute: 'data-role',
          values: 'developer | system | user | assistant | tool | function',
          meaning: 'The message role.',
        },
        {
          attribute: 'data-status',
          values: 'streaming | done | error | aborted | incomplete',
          meaning: 'The stream state (the status prop).',
        },
        {
          attribute: 'data-finish-reason',
          values: 'stop | length | tool_calls | content_filter | function_call',
          meaning: 'Set when finishReason is given.',
        },
        { attribute: 'data-refused', values: 'true', meaning: 'The model refused (message.refusal is set).' },
        {
          attribute: 'data-reason',
          values: 'a finish reason',
          meaning: 'On the finish-reason line, for styling length (warning) apart from the others.',
        },
      ],
      variables: [
        { name: '--ck-font', meaning: 'Text font' },
        { name: '--ck-fg / --ck-bg', meaning: 'Text and background (user messages use --ck-surface)' },
        { name: '--ck-border / --ck-radius', meaning: 'The frame' },
        { name: '--ck-gap', meaning: 'Space between the parts' },
        { name: '--ck-muted', meaning: 'The role line' },
        { name: '--ck-danger', meaning: 'A refusal' },
        { name: '--ck-warning', meaning: 'A truncated answer (finish reason length)' },
      ],
      announces:
        'An <article> with aria-busy while streaming. The stream state is a live status ("Writing…", "Stopped: the answer is partial"); a refusal is a note labelled Refusal.',
    },
  },
} satisfies Meta<typeof Message>;
export default meta;
type Story = StoryObj<typeof meta>;

export const AssistantText: Story = {
  args: {
    message: {
      role: 'assistant',
      content: 'Streams deliver data in pieces, so the reader can act before the end arrives.',
      refusal: null,
    },
    finishReason: 'stop',
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('article')).toHaveAttribute('data-role', 'assistant');
    await expect(canvas.getByText(/Streams deliver data/)).toBeVisible();
  },
};

export const UserWithParts: Story = {
  args: {
    message: {
      role: 'user',
      name: 'ada',
      content: [
        { type: 'text', text: 'What is in this picture?' },
        { type: 'image_url', image_url: { url: 'https://images.example.com/cat.png', detail: 'low' } },
        { type: 'file', file: { filename: 'notes.txt', file_data: 'data:text/plain;base64,aGVsbG8=' } },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/ada/)).toBeVisible();
    // The remote image does not load until asked; the button names its host.
    await expect(canvas.queryByRole('img')).toBeNull();
    const button = canvas.getByRole('button', { name: 'Load image from images.example.com' });
    await userEvent.click(button);
    await expect(canvas.getByRole('img', { name: /Attachment sent with the message/ })).toHaveAttribute(
      'src',
      'https://images.example.com/cat.png',
    );
    await expect(canvas.getByRole('link', { name: 'Download notes.txt' })).toHaveAttribute('download', 'notes.txt');
  },
};

export const SvgDataImageNeverInline: Story = {
  args: {
    message: {
      role: 'user',
      content: [
        { type: 'image_url', image_url: { url: 'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+' } },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole('img')).toBeNull();
    await expect(canvas.queryByRole('button')).toBeNull();
    await expect(canvas.getByText(/Image not shown/)).toBeVisible();
  },
};

export const Refusal: Story = {
  args: {
    message: { role: 'assistant', content: null, refusal: "I'm sorry, I can't help with that." },
    finishReason: 'stop',
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('note', { name: 'Refusal' })).toHaveTextContent("I'm sorry, I can't help with that.");
    await expect(canvas.getByRole('article')).toHaveAttribute('data-refused', 'true');
  },
};

export const Truncated: Story = {
  args: { message: { role: 'assistant', content: 'The answer went on and on until' }, finishReason: 'length' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(/Truncated: the token limit was reached/)).toBeVisible();
  },
};

export const Streaming: Story = {
  args: { message: { role: 'assistant', content: 'Half an answ' }, status: 'streaming' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Writing…');
    await expect(canvas.getByRole('article')).toHaveAttribute('aria-busy', 'true');
  },
};

export const Aborted: Story = {
  args: { message: { role: 'assistant', content: 'Half an answer, kept' }, status: 'aborted' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Stopped: the answer is partial');
  },
};

export const Incomplete: Story = {
  args: { message: { role: 'assistant', content: 'The socket closed after this' }, status: 'incomplete' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('The socket closed after this')).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent('the answer may be incomplete');
  },
};

export const ErrorMidStream: Story = {
  args: { message: { role: 'assistant', content: 'Everything before the error' }, status: 'error' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Everything before the error')).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent('what arrived is kept');
  },
};

export const ContentFilter: Story = {
  args: { message: { role: 'assistant', content: 'Up to the filter' }, finishReason: 'content_filter' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-slot=finish-reason]')).toHaveTextContent(
      'Stopped by the content filter',
    );
  },
};

export const EveryRole: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 8 }}>
      <Message message={{ role: 'developer', content: 'Answer in one sentence.' }} />
      <Message message={{ role: 'system', content: 'You are terse.' }} />
      <Message message={{ role: 'user', content: 'Weather in Oslo?' }} />
      <Message
        message={{
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } },
          ],
        }}
        finishReason="tool_calls"
      />
      <Message message={{ role: 'tool', content: '{"sky":"clear"}' }} />
      <Message message={{ role: 'function', name: 'get_weather', content: '{"sky":"clear"}' }} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const roles = within(canvasElement)
      .getAllByRole('article')
      .map((article) => article.getAttribute('data-role'));
    await expect(roles).toEqual(['developer', 'system', 'user', 'assistant', 'tool', 'function']);
    await expect(within(canvasElement).getByText('Waiting for tool results')).toBeVisible();
  },
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  args: {
    message: {
      role: 'assistant',
      content: 'The same message in the dark theme: **still readable**, [with links](https://example.com).',
    },
    finishReason: 'length',
  },
  play: async ({ canvasElement }) => {
    await expect(document.documentElement.dataset.theme).toBe('dark');
    const article = within(canvasElement).getByRole('article');
    await expect(getComputedStyle(article).backgroundColor).toBe('rgb(13, 17, 23)');
  },
};

/** On a phone-width column, a long code line scrolls inside its block and the message keeps its width. */
export const NarrowColumn: Story = {
  render: (args) => (
    <div style={{ width: 320 }}>
      <Message {...args} />
    </div>
  ),
  args: {
    message: {
      role: 'assistant',
      content: `A line longer than the screen:\n\n\`\`\`\n${'const value = compute(item); '.repeat(12)}\n\`\`\`\n\nAnd an id: chatcmpl-${'x'.repeat(80)}`,
    },
  },
  play: async ({ canvasElement }) => {
    const article = within(canvasElement).getByRole('article');
    // Nothing sticks out of the message: its content is as wide as the message, not wider.
    await expect(article.scrollWidth).toBeLessThanOrEqual(article.clientWidth);
    const code = article.querySelector('pre') as HTMLElement;
    await expect(code.scrollWidth).toBeGreaterThan(code.clientWidth);
  },
};

/** Every string of a message through MessageLabelsProvider: here in German, the role header and the status line. */
export const InAnotherLanguage: Story = {
  args: { message: { role: 'assistant', content: 'Die Antwort kommt noch.' }, status: 'streaming' },
  render: (args) => (
    <MessageLabelsProvider
      labels={{ role: (role) => (role === 'assistant' ? 'Assistent' : role), writing: 'Schreibt…', copy: 'Kopieren' }}
    >
      <Message {...args} />
    </MessageLabelsProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Assistent')).toBeVisible();
    await expect(canvas.getByText('Schreibt…')).toBeInTheDocument();
    await expect(canvas.queryByText('Writing…')).toBeNull();
  },
};
