import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { MetadataEditor } from './metadata-editor.tsx';

const meta = {
  title: 'Stored completions/MetadataEditor',
  component: MetadataEditor,
  tags: ['new'],
  args: { metadata: { project: 'docs', reviewer: 'ana' }, onSave: fn() },
  parameters: {
    docs: {
      subtitle:
        "A stored completion's metadata, checked against the API's limits as you type (16 keys, 64/512 characters).",
    },
    ck: {
      name: 'MetadataEditor',
      data: [
        {
          attribute: 'data-slot="metadata-editor"',
          values: 'on the <form>',
          meaning: 'The whole; parts: metadata-row, metadata-count, field-error, save-error.',
        },
        { attribute: 'data-invalid', values: 'present', meaning: 'On a row that breaks a limit or repeats a key.' },
      ],
      variables: [{ name: '--ck-danger', meaning: 'Errors and invalid fields' }],
      keyboard: [{ keys: 'Enter in a field', action: 'Save (only when every row is valid)' }],
      announces: 'Invalid fields are aria-invalid and described by their error; a failed save is an alert.',
    },
  },
} satisfies Meta<typeof MetadataEditor>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Edit a value, add a key, save: the app receives the whole new metadata. */
export const EditAndSave: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.clear(canvas.getByRole('textbox', { name: 'Value 2' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Value 2' }), 'bo');
    await userEvent.click(canvas.getByRole('button', { name: 'Add key' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Key 3' }), 'status');
    await userEvent.type(canvas.getByRole('textbox', { name: 'Value 3' }), 'checked');
    await expect(canvas.getByText('3 of 16 keys')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Save metadata' }));
    await expect(args.onSave).toHaveBeenCalledWith({ project: 'docs', reviewer: 'bo', status: 'checked' });
  },
};

/** Limits are checked as you type: a 65-character key, a 513-character value, a repeated key. */
export const InlineErrors: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const key = canvas.getByRole('textbox', { name: 'Key 1' });
    await userEvent.clear(key);
    await userEvent.paste('k'.repeat(65));
    await expect(key).toHaveAttribute('aria-invalid', 'true');
    await expect(key).toHaveAccessibleDescription('Keys are at most 64 characters.');
    const value = canvas.getByRole('textbox', { name: 'Value 2' });
    await userEvent.click(value);
    await userEvent.paste('v'.repeat(511));
    await expect(value).toHaveAccessibleDescription('Values are at most 512 characters.');
    await expect(canvas.getByRole('button', { name: 'Save metadata' })).toBeDisabled();
    await userEvent.click(key);
    await userEvent.keyboard('{Control>}a{/Control}');
    await userEvent.paste('reviewer');
    await expect(key).toHaveAccessibleDescription('The key “reviewer” is already used.');
    await userEvent.keyboard('{Control>}a{/Control}');
    await userEvent.paste('project');
    await userEvent.click(value);
    await userEvent.keyboard('{Control>}a{/Control}');
    await userEvent.paste('ok');
    await expect(canvas.queryAllByRole('alert')).toHaveLength(0);
    await userEvent.click(canvas.getByRole('button', { name: 'Save metadata' }));
    await expect(args.onSave).toHaveBeenCalledWith({ project: 'docs', reviewer: 'ok' });
  },
};

const sixteen = Object.fromEntries(Array.from({ length: 16 }, (_, index) => [`key${index}`, `value ${index}`]));

/** At 16 keys, Add is disabled and says why. */
export const SixteenKeys: Story = {
  args: { metadata: sixteen },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const add = canvas.getByRole('button', { name: 'Add key' });
    await expect(add).toBeDisabled();
    await expect(add).toHaveAccessibleDescription('16 of 16 keys');
  },
};

/** A rejected save shows why and keeps the draft, so nothing typed is lost. */
export const SaveFails: Story = {
  args: { onSave: fn(async () => Promise.reject(new Error('the server answered 500'))) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Value 1' }), '-v2');
    await userEvent.click(canvas.getByRole('button', { name: 'Save metadata' }));
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('Not saved: the server answered 500'));
    await expect(canvas.getByRole('textbox', { name: 'Value 1' })).toHaveValue('docs-v2');
  },
};
