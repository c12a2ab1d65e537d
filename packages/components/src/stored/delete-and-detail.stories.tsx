import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { storedRecording } from '../fixtures/stored-rows.ts';
import { DeleteStored } from './delete-stored.tsx';
import { StoredDetail } from './stored-detail.tsx';

const plain = storedRecording('plain');
const two = storedRecording('two-choices');
const meta = {
  title: 'Stored completions/StoredDetail',
  component: StoredDetail,
  subcomponents: { DeleteStored },
  tags: ['new'],
  args: { completion: plain.completion, messages: plain.messages },
  parameters: {
    docs: { subtitle: 'One stored completion (store: true): its request, its answer, usage and your actions.' },
    ck: {
      name: 'StoredDetail, DeleteStored',
      data: [
        {
          attribute: 'data-slot="stored-detail"',
          values: 'on the <article>',
          meaning: 'The whole; parts: stored-request, stored-response, stored-actions.',
        },
        {
          attribute: 'data-slot="delete-stored"',
          values: 'data-state: idle | confirming',
          meaning: 'DeleteStored; the confirm button is data-slot="confirm-delete".',
        },
      ],
      variables: [{ name: '--ck-gap / --ck-border', meaning: 'Spacing and frames (from Message and UsageView)' }],
      keyboard: [
        { keys: 'Enter / Space on Delete', action: 'Ask to confirm; focus moves to Cancel' },
        { keys: 'Escape', action: 'Cancel the confirmation' },
      ],
      announces: 'The confirmation is an alertdialog whose description names what will be deleted.',
    },
  },
} satisfies Meta<typeof StoredDetail>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The local model's recorded answer as stored: request, response, usage, with a delete action. */
export const WithDelete: Story = {
  args: { children: <DeleteStored label="this stored completion" onDelete={fn()} /> },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const request = canvas.getByRole('region', { name: 'Request messages' });
    await expect(request).toHaveTextContent('How does a readable stream hand data to its reader?');
    await expect(canvas.getByRole('region', { name: 'Response' })).toHaveTextContent(
      plain.completion.choices[0]?.message.content?.slice(0, 30) ?? 'missing',
    );
    await expect(canvas.getByRole('region', { name: 'Usage and cost' })).toHaveTextContent('ck-local-ngram');
    // Delete asks first; Cancel has focus; Escape cancels and returns focus.
    const opener = canvas.getByRole('button', { name: 'Delete…' });
    await userEvent.click(opener);
    const dialog = canvas.getByRole('alertdialog', { name: 'Delete this stored completion?' });
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect(canvas.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Delete…' })).toHaveFocus());
  },
};

export const ConfirmDelete: Story = {
  render: () => <DeleteStored label="chatcmpl-123" onDelete={onDelete} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Delete…' }));
    await expect(canvas.getByRole('alertdialog')).toHaveAccessibleDescription(/cannot be undone/);
    await userEvent.click(canvas.getByRole('button', { name: 'Delete' }));
    await expect(onDelete).toHaveBeenCalledTimes(1);
  },
};
const onDelete = fn();

/** n = 2 stored: the response shows both choices as tabs. */
export const TwoChoices: Story = {
  args: { completion: two.completion, messages: two.messages },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getAllByRole('tab')).toHaveLength(2);
  },
};

export const LoadingMessages: Story = {
  args: { messages: undefined, loadingMessages: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Loading the request messages…')).toBeVisible();
  },
};
