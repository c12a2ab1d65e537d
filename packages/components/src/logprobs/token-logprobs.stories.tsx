import type { Meta, StoryObj } from '@storybook/react-vite';
import { type CSSProperties, useCallback, useEffect, useRef, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import recorded from '../fixtures/local-logprobs.json';
import refusal from '../fixtures/local-refusal.json';
import { syntheticLogprobs } from '../fixtures/synthetic-logprobs.ts';
import type { DisplayToken } from './merge.ts';
import { TokenLogprobs } from './token-logprobs.tsx';

const tokens = recorded.response.choices[0]?.logprobs?.content ?? [];
const meta = {
  title: 'Insight/TokenLogprobs',
  component: TokenLogprobs,
  tags: ['stable'],
  args: { tokens },
  // Token arrays stay out of the controls: an editable tree of every token and its alternatives is
  // no way to try the component, and Storybook's handling of large args froze the page.
  argTypes: { tokens: { control: false } },
  parameters: {
    docs: {
      subtitle: 'How sure the model was of each token, and what else it considered (logprobs: true, top_logprobs).',
      source: {
        code: `import { TokenLogprobs } from '@completions-kit/components';

// completion.choices[0].logprobs.content, from a request with logprobs: true and top_logprobs: 5
<TokenLogprobs tokens={completion.choices[0].logprobs.content} />`,
      },
    },
    ck: {
      name: 'TokenLogprobs',
      data: [
        {
          attribute: 'data-slot="token-logprobs"',
          values: 'on the <section>',
          meaning:
            'The whole; parts: token-logprobs-summary, token-logprobs-least, jump-to-token, token-heatmap, token-block, token-alternatives.',
        },
        { attribute: 'data-slot="token"', values: 'a <button> per token', meaning: 'One display token (byte-merged).' },
        { attribute: 'data-state', values: 'open | closed', meaning: 'On a token: its alternatives are shown.' },
        { attribute: 'data-position', values: '0…n-1', meaning: 'On a token: its place in the answer.' },
        { attribute: 'data-sentinel', values: 'true', meaning: 'The API sent the -9999 sentinel (no probability).' },
        {
          attribute: 'data-selected',
          values: 'true',
          meaning: 'On the alternatives row of the chosen token (with aria-current).',
        },
      ],
      variables: [
        {
          name: '--ck-token-probability',
          meaning: 'Set on each token (0…1): the heatmap colour is computed from it; use it in your own CSS.',
        },
        { name: '--ck-logprobs-height', meaning: 'Height of the scrolling heatmap' },
        { name: '--ck-danger', meaning: 'Heatmap colour for unlikely tokens' },
        { name: '--ck-accent', meaning: 'Focus ring' },
        { name: '--ck-surface / --ck-border / --ck-radius', meaning: 'The alternatives popover' },
      ],
      keyboard: [
        { keys: 'ArrowRight / ArrowLeft', action: 'Next / previous token' },
        { keys: 'ArrowDown / ArrowUp', action: '15 tokens on / back' },
        { keys: 'PageDown / PageUp', action: '60 tokens on / back' },
        { keys: 'Home / End', action: 'First / last token' },
        { keys: 'Enter', action: "Open the token's alternatives" },
        { keys: 'Escape', action: 'Close them, focus back on the token' },
      ],
      announces:
        'Each token button is named with its text and probability; the alternatives are a dialog labelled by the token.',
    },
  },
} satisfies Meta<typeof TokenLogprobs>;
export default meta;
type Story = StoryObj<typeof meta>;

export const FromTheLocalModel: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const heatmap = canvas.getAllByRole('button').filter((button) => button.getAttribute('data-slot') === 'token');
    await expect(heatmap.length).toBeGreaterThan(10);
    await expect(heatmap[0]?.style.getPropertyValue('--ck-token-probability')).not.toBe('');
    // A token the model sampled from its top 5 (at temperature 1 it need not be), one step right of
    // where the keyboard starts.
    const target = tokens.findIndex(
      (token, index) => index > 0 && token.top_logprobs.some((alternative) => alternative.token === token.token),
    );
    await expect(target).toBeGreaterThan(0);
    // Keyboard only: arrows to move, Enter to open the alternatives, Escape to close.
    (heatmap[target - 1] as HTMLElement).focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(heatmap[target]).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    const dialog = await canvas.findByRole('dialog');
    const rows = within(dialog).getAllByRole('row');
    await expect(rows).toHaveLength(6);
    await expect(dialog.querySelector('[data-selected]')).not.toBeNull();
    await userEvent.keyboard('{Escape}');
    await expect(canvas.queryByRole('dialog')).toBeNull();
    await expect(heatmap[target]).toHaveFocus();
  },
};

export const SentinelAndNoAlternatives: Story = {
  args: {
    tokens: [
      { token: 'Yes', logprob: -0.01, bytes: [89, 101, 115], top_logprobs: [] },
      { token: '!', logprob: -9999, bytes: [33], top_logprobs: [] },
    ],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/1 below the API's floor/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: '“!”, 0.00%' }));
    await expect(canvas.getByText('No alternatives were asked for (top_logprobs 0).')).toBeVisible();
  },
};

// Made when a story first needs them, not when the page loads: every story of this file (and its
// docs page) would otherwise pay for 160,000 alternatives before showing anything.
let large: ReturnType<typeof syntheticLogprobs> | undefined;
const largeTokens = () => {
  large ??= syntheticLogprobs(8000, 20);
  return large;
};

/** 8,000 tokens with 20 alternatives each: only the blocks in view are in the page. */
export const EightThousandTokens: Story = {
  // The 8,000 tokens are passed in the render, not as args: as args, Storybook walked and serialized
  // them for the controls and the code panel, freezing the tab for seconds (docs:check measures it).
  render: (args) => <TokenLogprobs {...args} tokens={largeTokens()} />,
  parameters: { docs: { source: { code: '<TokenLogprobs tokens={tokens} /> // 8,000 tokens, 20 alternatives each' } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/^8000 tokens/)).toBeVisible();
    const rendered = canvasElement.querySelectorAll('[data-slot="token"]').length;
    await expect(rendered).toBeGreaterThan(50);
    await expect(rendered).toBeLessThan(1000);
    // End jumps to the last token, scrolling it into the page and into view, focused.
    const first = canvasElement.querySelector<HTMLElement>('[data-slot="token"][tabindex="0"]');
    first?.focus();
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(document.activeElement?.getAttribute('data-position')).toBe('7999'));
    await userEvent.keyboard('{ArrowLeft}{Enter}');
    const dialog = await canvas.findByRole('dialog');
    await expect(within(dialog).getAllByRole('row')).toHaveLength(21);
    await userEvent.keyboard('{Escape}');
    await expect(document.activeElement?.getAttribute('data-position')).toBe('7998');
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(document.activeElement?.getAttribute('data-position')).toBe('0'));
    // A least-confident jump link moves focus to that token, wherever it is.
    const jump = canvas.getAllByRole('button').find((button) => button.dataset.slot === 'jump-to-token');
    await userEvent.click(jump as HTMLElement);
    await waitFor(() => expect(document.activeElement?.getAttribute('data-slot')).toBe('token'));
  },
};

// Token positions rendered once the first block is closed (after 240 tokens): it must not render again.
const renderedLate: number[] = [];

function Streaming() {
  const [count, setCount] = useState(0);
  const late = useRef(false);
  late.current = count > 240;
  const renderToken = useCallback((token: DisplayToken, position: number) => {
    if (late.current) renderedLate.push(position);
    return token.text;
  }, []);
  useEffect(() => {
    if (count >= 600) return;
    const timer = setTimeout(() => setCount((now) => now + 20), 10);
    return () => clearTimeout(timer);
  }, [count]);
  // The same array grows in place, as the accumulator's does.
  // Tall enough that every block is in view: what is not re-rendered is skipped by memo, not virtualization.
  return (
    <TokenLogprobs
      tokens={largeTokens().slice(0, count)}
      label="Streaming answer"
      renderToken={renderToken}
      style={{ '--ck-logprobs-height': '400rem' } as CSSProperties}
    />
  );
}

/** Tokens arrive 20 at a time; the summary and heatmap follow, and only the last block renders again. */
export const WhileStreaming: Story = {
  render: () => <Streaming />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // 30 steps of 10 ms each; the limit only bounds the wait on a loaded machine.
    await waitFor(() => expect(canvas.getByText(/^600 tokens/)).toBeVisible(), { timeout: 20_000 });
    await expect(canvasElement.querySelectorAll('[data-slot="token"]')).toHaveLength(600);
    await expect(renderedLate.length).toBeGreaterThan(100);
    await expect(Math.min(...renderedLate)).toBeGreaterThanOrEqual(120);
  },
};

const refusalTokens = refusal.response.choices[0]?.logprobs?.refusal ?? [];

/** Logprobs of a refusal (`logprobs.refusal`), from the local model's recording. */
export const RefusalLogprobs: Story = {
  args: { tokens: refusalTokens, label: 'Refusal' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(refusalTokens.length).toBeGreaterThan(3);
    await expect(canvas.getByRole('region', { name: 'Refusal: token probabilities' })).toBeVisible();
    await expect(canvas.getByRole('group', { name: 'Refusal tokens' })).toBeVisible();
  },
};
