import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { Message } from '../message/message.tsx';
import { EditForm } from './edit-form.tsx';
import { type FeedbackValue, MessageActions } from './message-actions.tsx';

const versions = ['Paris has about two million people.', 'Around 2.1 million live in Paris proper.', 'Paris: 2.1 M.'];

function Branches({ onRegenerate }: { onRegenerate: () => void }) {
  const [index, setIndex] = useState(1);
  return (
    <div data-slot="chat-turn" data-role="assistant">
      <Message message={{ role: 'assistant', content: versions[index] as string }} />
      <MessageActions.Root>
        <MessageActions.BranchPicker
          index={index}
          count={versions.length}
          onSwitch={(step) => setIndex((index + step + versions.length) % versions.length)}
        />
        <MessageActions.Copy text={versions[index] as string} />
        <MessageActions.Regenerate onAction={onRegenerate} />
      </MessageActions.Root>
    </div>
  );
}

const meta = {
  title: 'Chat/MessageActions',
  component: Branches,
  args: { onRegenerate: fn() },
  parameters: {
    docs: {
      subtitle:
        'The buttons under a message: copy, edit, regenerate, retry, thumbs up and down, and the picker between its versions.',
      source: {
        code: `import { EditForm, MessageActions } from '@completions-kit/components/chat';

<MessageActions.Root>
  <MessageActions.BranchPicker index={branch.index} count={branch.count} onSwitch={(step) => switchBranch(id, step)} />
  <MessageActions.Copy text={text} />
  <MessageActions.Edit onAction={() => setEditing(true)} />
  <MessageActions.Regenerate onAction={() => regenerate(id)} />
</MessageActions.Root>

{editing && <EditForm initialText={text} onSave={(next) => edit(id, next)} onCancel={() => setEditing(false)} />}`,
      },
    },
    ck: {
      name: 'MessageActions, EditForm',
      from: '@completions-kit/components/chat',
      parts: [
        'MessageActions.Root',
        'MessageActions.Copy',
        'MessageActions.Edit',
        'MessageActions.Regenerate',
        'MessageActions.Retry',
        'MessageActions.BranchPicker',
        'MessageActions.Feedback',
        'EditForm',
      ],
      data: [
        {
          attribute: 'data-slot="message-actions"',
          values: 'on the group',
          meaning:
            'The actions; the buttons carry message-copy, message-edit, message-regenerate, message-retry; the picker branch-picker, branch-previous, branch-position, branch-next.',
        },
        { attribute: 'data-state', values: 'idle | copied', meaning: 'On Copy: "Copied" shows for two seconds.' },
        { attribute: 'data-slot="edit-form"', values: 'on the <form>', meaning: 'EditForm.' },
        {
          attribute: 'data-slot="message-feedback"',
          values: 'data-value: up | down',
          meaning:
            'Feedback: the two toggles feedback-up and feedback-down (aria-pressed); data-value names the verdict.',
        },
      ],
      keyboard: [
        { keys: 'Tab', action: 'Each action is a button' },
        { keys: 'Escape', action: 'In EditForm: cancel' },
        { keys: 'Enter / Save', action: 'In EditForm: send the edit as a new branch' },
      ],
      announces:
        'Feedback\'s thumbs are toggle buttons named "Good answer" and "Bad answer" (with the same tooltip). A group named "Message actions"; the picker\'s arrows are "Previous version" / "Next version" and its position is read as "2 of 3". EditForm\'s text box is "Edit message" and takes focus when it opens.',
    },
  },
} satisfies Meta<typeof Branches>;
export default meta;
type Story = StoryObj<typeof meta>;

export const BranchPicker: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('2 of 3')).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Next version' }));
    await expect(canvas.getByText('Paris: 2.1 M.')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Previous version' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Previous version' }));
    await expect(canvas.getByText('1 of 3')).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Regenerate' }));
    await expect(args.onRegenerate).toHaveBeenCalledOnce();
  },
};

export const EditAsNewBranch: StoryObj<typeof EditForm> = {
  render: (args) => <EditForm {...args} />,
  args: { initialText: 'How many people live in Paris?', onSave: fn(), onCancel: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByRole('textbox', { name: 'Edit message' });
    await expect(input).toHaveFocus();
    await userEvent.clear(input);
    await userEvent.type(input, 'How many people live in Lyon?');
    await userEvent.click(canvas.getByRole('button', { name: 'Save and send' }));
    await expect(args.onSave).toHaveBeenCalledWith('How many people live in Lyon?');
    await userEvent.keyboard('{Escape}');
    await expect(args.onCancel).toHaveBeenCalledOnce();
  },
};

export const ErrorWithRetry: StoryObj<typeof MessageActions.Retry> = {
  render: (args) => (
    <div data-slot="chat-error" role="alert">
      <p>The server is busy (429). Try again in a moment.</p>
      <MessageActions.Root>
        <MessageActions.Retry {...args} />
      </MessageActions.Root>
    </div>
  ),
  args: { onAction: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent('429');
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(args.onAction).toHaveBeenCalledOnce();
  },
};

function Rated({ onFeedback }: { onFeedback: (value: FeedbackValue) => void }) {
  const [value, setValue] = useState<FeedbackValue>(null);
  return (
    <div data-slot="chat-turn" data-role="assistant">
      <Message message={{ role: 'assistant', content: versions[1] as string }} />
      <MessageActions.Root>
        <MessageActions.Copy text={versions[1] as string} />
        <MessageActions.Feedback
          value={value}
          onFeedback={(next) => {
            setValue(next);
            onFeedback(next);
          }}
        />
      </MessageActions.Root>
    </div>
  );
}

export const Feedback: StoryObj<typeof Rated> = {
  render: (args) => <Rated {...args} />,
  args: { onFeedback: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const up = canvas.getByRole('button', { name: 'Good answer' });
    const down = canvas.getByRole('button', { name: 'Bad answer' });
    await userEvent.click(up);
    await expect(up).toHaveAttribute('aria-pressed', 'true');
    await expect(args.onFeedback).toHaveBeenLastCalledWith('up');
    await userEvent.click(down);
    await expect(up).toHaveAttribute('aria-pressed', 'false');
    await expect(down).toHaveAttribute('aria-pressed', 'true');
    // Pressed again, the verdict is taken back.
    await userEvent.click(down);
    await expect(down).toHaveAttribute('aria-pressed', 'false');
    await expect(args.onFeedback).toHaveBeenLastCalledWith(null);
  },
};
