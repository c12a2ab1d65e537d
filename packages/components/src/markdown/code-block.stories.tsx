import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { CodeBlock } from './code-block.tsx';

const meta = {
  title: 'Message content/CodeBlock',
  component: CodeBlock,
  tags: ['stable'],
  args: { code: 'const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);', language: 'ts', status: 'done' },
  parameters: {
    docs: {
      subtitle: 'Fenced code in an answer: Markdown uses it for every fence; use it alone for code from elsewhere.',
    },
    ck: {
      name: 'CodeBlock',
      data: [
        {
          attribute: 'data-slot="code-block"',
          values: 'on the <figure>',
          meaning: 'The whole; its header is data-slot="code-block-header".',
        },
        {
          attribute: 'data-language',
          values: 'the fence language, lower case',
          meaning: 'Absent for a fence without one.',
        },
        {
          attribute: 'data-highlighted',
          values: 'true | false',
          meaning: 'The highlighter has run (only for finished blocks in a known language).',
        },
      ],
      variables: [
        { name: '--ck-surface / --ck-border / --ck-radius', meaning: 'The frame' },
        { name: '--ck-mono', meaning: 'The code' },
      ],
      keyboard: [{ keys: 'Tab to the code, then arrows', action: 'Scroll a long block' }],
      announces: 'Copy is a button named "Copy <language> code"; "Code copied" is announced by a live status.',
    },
  },
} satisfies Meta<typeof CodeBlock>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A finished TypeScript block: highlighted once the highlighter has loaded (on first use only). */
export const Highlighted: Story = {
  play: async ({ canvasElement }) => {
    const figure = canvasElement.querySelector('[data-slot=code-block]');
    await waitFor(() => expect(figure).toHaveAttribute('data-highlighted', 'true'));
    await expect(within(canvasElement).getByRole('button', { name: 'Copy ts code' })).toBeVisible();
  },
};

/** Still streaming: shown as plain text, so tokens arriving never re-run the highlighter. */
export const WhileStreaming: Story = {
  args: { status: 'streaming', code: 'for await (const chunk of stream) {\n  render(stream.snapshot' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-slot=code-block]')).toHaveAttribute('data-highlighted', 'false');
    await expect(canvasElement.querySelector('code')?.textContent).toContain('render(stream.snapshot');
  },
};

/** Markup in code is text: nothing in it is ever parsed as HTML. */
export const MarkupStaysText: Story = {
  args: { language: 'html', code: '<img src=x onerror="alert(1)">' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img')).toBeNull();
    await expect(canvasElement.querySelector('code')?.textContent).toBe('<img src=x onerror="alert(1)">');
  },
};
