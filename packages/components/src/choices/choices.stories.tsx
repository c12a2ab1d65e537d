import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import logprobs from '../fixtures/local-logprobs.json';
import twoChoices from '../fixtures/local-two-choices.json';
import { type ChoiceLike, Choices } from './choices.tsx';

const choices = twoChoices.response.choices as ChoiceLike[];
const meta = {
  title: 'Chat/Choices',
  component: Choices,
  tags: ['new'],
  args: { choices, onUseChoice: fn() },
  parameters: {
    docs: { subtitle: 'For n > 1: compare the answers and continue with one.' },
    ck: {
      name: 'Choices',
      data: [
        {
          attribute: 'data-slot="choices"',
          values: 'on the <section>',
          meaning: 'The whole; parts: choice-tabs, choice, choice-facts, choice-title, use-choice, choice-columns.',
        },
        { attribute: 'data-layout', values: 'tabs | side-by-side', meaning: 'The layout prop.' },
        { attribute: 'data-selected', values: 'true', meaning: 'On the shown tab (with aria-selected).' },
        { attribute: 'data-finish-reason', values: 'a finish reason', meaning: 'On each choice.' },
      ],
      variables: [
        { name: '--ck-border', meaning: 'The tab strip' },
        { name: '--ck-accent', meaning: 'The active tab underline' },
        { name: '--ck-gap', meaning: 'Space between columns' },
      ],
      keyboard: [
        { keys: 'ArrowRight / ArrowLeft', action: 'Next / previous tab (wraps)' },
        { keys: 'Home / End', action: 'First / last tab' },
        { keys: 'Tab', action: 'From the tabs into the shown choice' },
      ],
      announces:
        'A tablist of "Choice N" tabs, each controlling its tabpanel; side by side, each choice is a labelled region.',
    },
  },
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
