import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import recorded from '../fixtures/local-logprobs.json';
import { TokenLogprobs } from './token-logprobs.tsx';

const tokens = recorded.response.choices[0]?.logprobs?.content ?? [];
const meta = { title: 'Logprobs/TokenLogprobs', component: TokenLogprobs, args: { tokens } } satisfies Meta<
  typeof TokenLogprobs
>;
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
    await expect(dialog.querySelector('[data-chosen]')).not.toBeNull();
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
