import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { StoredFilters } from './stored-filters.tsx';

const meta = {
  title: 'Stored completions/StoredFilters',
  component: StoredFilters,
  tags: ['new'],
  args: { value: {}, onChange: fn(), models: ['ck-local-ngram', 'gpt-4o-mini'] },
  parameters: {
    docs: { subtitle: 'The query of the stored list: model, metadata pairs and order, as the API filters them.' },
    ck: {
      name: 'StoredFilters',
      data: [
        {
          attribute: 'data-slot="stored-filters"',
          values: 'on the <form>',
          meaning: 'The whole; parts: metadata-filters, metadata-filter, order-toggle.',
        },
        { attribute: 'data-order', values: 'asc | desc', meaning: 'On the order toggle.' },
      ],
      variables: [{ name: '--ck-gap', meaning: 'Space between fields' }],
      keyboard: [{ keys: 'Enter in a field', action: 'Apply the filters' }],
    },
  },
} satisfies Meta<typeof StoredFilters>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Model and two metadata pairs, applied with Enter; the order toggle applies at once. */
export const FilterAndOrder: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('combobox', { name: 'Model' }), 'ck-local-ngram');
    await userEvent.click(canvas.getByRole('button', { name: 'Add metadata filter' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Filter 1 key' }), 'project');
    await userEvent.type(canvas.getByRole('textbox', { name: 'Filter 1 value' }), 'docs');
    await userEvent.click(canvas.getByRole('button', { name: 'Add metadata filter' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Filter 2 key' }), 'run');
    await userEvent.type(canvas.getByRole('textbox', { name: 'Filter 2 value' }), '3{Enter}');
    await expect(args.onChange).toHaveBeenLastCalledWith({
      model: 'ck-local-ngram',
      metadata: { project: 'docs', run: '3' },
    });
    await userEvent.click(canvas.getByRole('button', { name: 'Remove filter 2' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Order: newest first' }));
    await expect(args.onChange).toHaveBeenLastCalledWith({
      model: 'ck-local-ngram',
      metadata: { project: 'docs' },
      order: 'asc',
    });
  },
};

export const OldestFirst: Story = {
  args: { value: { order: 'asc', model: 'gpt-4o-mini', metadata: { project: 'docs' } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Order: oldest first' })).toBeVisible();
    await expect(canvas.getByRole('textbox', { name: 'Filter 1 value' })).toHaveValue('docs');
  },
};
