import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import logprobs from '../fixtures/local-logprobs.json';
import twoChoices from '../fixtures/local-two-choices.json';
import { type ChoiceLike, Choices } from './choices.tsx';

const choices = twoChoices.response.choices as ChoiceLike[];
const meta = {
  title: 'Choices/Choices',
  component: Choices,
  args: { choices, onUseChoice: fn() },
} satisfies Meta<typeof Choices>;
export default meta;
type Story = StoryObj<typeof meta>;

/** n = 2 from the local model, as tabs: arrow keys switch, "Use choice" reports which. */
export const Tabs: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const tabs = canvas.getAllByRole('tab');
    await expect(tabs).toHaveLength(2);
    await expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
    tabs[0]?.focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(tabs[1]).toHaveFocus();
    await expect(tabs[1]).toHaveAttribute('aria-selected', 'true');
    const panel = canvas.getByRole('tabpanel', { name: 'Choice 2' });
    await expect(panel.textContent).toContain(choices[1]?.message.content?.toString().slice(0, 20));
    await expect(within(panel).getByText(/Finish reason:/).textContent).toContain('length');
    await userEvent.click(within(panel).getByRole('button', { name: 'Use choice 2' }));
    await expect(args.onUseChoice).toHaveBeenCalledWith(1);
  },
};

export const SideBySide: Story = {
  args: { layout: 'side-by-side' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const columns = canvas.getAllByRole('region', { name: /^Choice \d$/ });
    await expect(columns).toHaveLength(2);
    await userEvent.click(within(columns[0] as HTMLElement).getByRole('button', { name: 'Use choice 1' }));
    await expect(args.onUseChoice).toHaveBeenCalledWith(0);
  },
};

/** A choice with logprobs shows its mean logprob and perplexity beside its finish reason. */
export const WithLogprobSummary: Story = {
  args: { choices: logprobs.response.choices as ChoiceLike[] },
  play: async ({ canvasElement }) => {
    const facts = within(canvasElement).getByText(/Finish reason:/);
    await expect(facts.textContent).toMatch(/mean logprob -\d+\.\d{3} · perplexity \d+\.\d{2}/);
  },
};
