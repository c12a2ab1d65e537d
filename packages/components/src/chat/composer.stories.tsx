import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { Composer, type ComposerRootProps } from './composer.tsx';

function DemoComposer(props: ComposerRootProps) {
  return (
    <Composer.Root {...props}>
      <Composer.Attachments />
      <Composer.Problems />
      <div data-slot="composer-row">
        <Composer.Attach />
        <Composer.Record />
        <Composer.Input />
        <Composer.Submit />
      </div>
    </Composer.Root>
  );
}

const meta = {
  title: 'Chat/Composer',
  component: DemoComposer,
  parameters: {
    docs: {
      subtitle:
        'Where the reader writes: a form whose Enter sends, with files, a microphone recording, and Stop while an answer streams.',
      source: {
        code: `import { Composer } from '@completions-kit/components/chat';

<Composer.Root onSend={({ text, attachments }) => send(text, attachments)} onStop={stop} streaming={status === 'streaming'}>
  <Composer.Attachments />
  <Composer.Problems />
  <Composer.Attach />
  <Composer.Record />
  <Composer.Input />
  <Composer.Submit />
</Composer.Root>`,
      },
    },
    ck: {
      name: 'Composer',
      from: '@completions-kit/components/chat',
      parts: [
        'Composer.Root',
        'Composer.Input',
        'Composer.Submit',
        'Composer.Attach',
        'Composer.Record',
        'Composer.Attachments',
        'Composer.Problems',
      ],
      data: [
        {
          attribute: 'data-slot="composer"',
          values: 'on the <form>',
          meaning:
            'The composer; its parts carry composer-input, composer-submit, composer-attach, composer-record, composer-attachments, composer-attachment and composer-problems.',
        },
        { attribute: 'data-state', values: 'idle | streaming', meaning: 'On the form: Submit is Send or Stop.' },
        { attribute: 'data-disabled', values: 'true', meaning: 'On the form when disabled.' },
        { attribute: 'data-dragging', values: 'true', meaning: 'On the form while files are dragged over it.' },
        { attribute: 'data-state (submit)', values: 'send | stop', meaning: 'On Composer.Submit.' },
        { attribute: 'data-state (record)', values: 'idle | recording', meaning: 'On Composer.Record.' },
        { attribute: 'data-kind', values: 'image | audio | file', meaning: 'On each attachment.' },
      ],
      keyboard: [
        { keys: 'Enter', action: 'Send (not while an input method is composing)' },
        { keys: 'Shift+Enter', action: 'New line' },
        { keys: 'Paste (Ctrl/Cmd+V) a file', action: 'Attach it' },
      ],
      announces:
        'A form named "Message"; the text box is named by it and described by the problems, which are an alert ("big.png is larger than 1 KB."). Attachments are a labelled list, each with a "Remove <name>" button; Record is a toggle button (aria-pressed).',
    },
  },
  args: { onSend: fn(), onStop: fn() },
} satisfies Meta<typeof DemoComposer>;
export default meta;
type Story = StoryObj<typeof meta>;

// A 1x1 PNG.
const png = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (char) => char.charCodeAt(0),
);

export const EnterSendsShiftEnterBreaks: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByRole('textbox', { name: 'Message' });
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeDisabled();
    await userEvent.type(input, 'First line{Shift>}{Enter}{/Shift}second line');
    await expect(input).toHaveValue('First line\nsecond line');
    await expect(args.onSend).not.toHaveBeenCalled();
    // An Enter that ends an input method's composition does not send.
    fireEvent.keyDown(input, { key: 'Enter', isComposing: true });
    await expect(args.onSend).not.toHaveBeenCalled();
    await userEvent.keyboard('{Enter}');
    await expect(args.onSend).toHaveBeenCalledWith({ text: 'First line\nsecond line', attachments: [] });
    await expect(input).toHaveValue('');
  },
};

export const StreamingTurnsSendIntoStop: Story = {
  args: { status: 'streaming' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'next question{Enter}');
    await expect(args.onSend).not.toHaveBeenCalled();
    await userEvent.click(canvas.getByRole('button', { name: 'Stop' }));
    await expect(args.onStop).toHaveBeenCalledOnce();
  },
};

export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Attach files' })).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeDisabled();
  },
};

export const Attachments: Story = {
  args: { limits: { maxSize: 1024, maxCount: 2 } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const picker = canvasElement.querySelector('input[type="file"]') as HTMLInputElement;
    const big = new File([new Uint8Array(4096)], 'big.png', { type: 'image/png' });
    const script = new File(['x'], 'run.exe', { type: 'application/x-msdownload' });
    await userEvent.upload(picker, [new File([png], 'dot.png', { type: 'image/png' }), big, script], {
      applyAccept: false,
    });
    const problems = canvas.getByRole('alert');
    await expect(problems).toHaveTextContent('big.png is larger than 1 KB.');
    await expect(problems).toHaveTextContent('run.exe is not a type this chat accepts.');
    const list = await canvas.findByRole('list', { name: 'Attachments' });
    await expect(within(list).getByText('dot.png')).toBeVisible();
    // Pasting a file attaches it too.
    const input = canvas.getByRole('textbox', { name: 'Message' });
    const data = new DataTransfer();
    data.items.add(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    await waitFor(() => expect(within(list).getByText('notes.txt')).toBeVisible());
    await userEvent.upload(picker, new File([png], 'third.png', { type: 'image/png' }));
    await expect(canvas.getByRole('alert')).toHaveTextContent('At most 2 attachments per message.');
    await userEvent.click(canvas.getByRole('button', { name: 'Remove notes.txt' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
    await expect(args.onSend).toHaveBeenCalledWith({
      text: '',
      attachments: [
        expect.objectContaining({
          kind: 'image',
          name: 'dot.png',
          dataUrl: expect.stringMatching(/^data:image\/png;base64,/),
        }),
      ],
    });
  },
};
