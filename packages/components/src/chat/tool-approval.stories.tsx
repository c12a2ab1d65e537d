import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ToolApproval, type ToolApprovalProps, type ToolApprovalState } from './tool-approval.tsx';

function Approval(props: Omit<ToolApprovalProps, 'state'>) {
  const [state, setState] = useState<ToolApprovalState>('pending');
  return (
    <ToolApproval
      {...props}
      state={state}
      onApprove={(id) => {
        props.onApprove(id);
        setState('approved');
      }}
      onDeny={(id) => {
        props.onDeny(id);
        setState('denied');
      }}
    />
  );
}

const meta = {
  title: 'Chat/ToolApproval',
  component: Approval,
  parameters: {
    docs: {
      subtitle:
        'A tool call that waits for a person: its name and arguments shown as text, never run, and Approve or Deny.',
      source: {
        code: `import { ToolApproval } from '@completions-kit/components/chat';

<ToolApproval
  call={toolCall}
  state={approvals[toolCall.id] ?? 'pending'}
  onApprove={(id) => answerToolCall(id, await runTool(toolCall))}
  onDeny={(id) => answerToolCall(id, 'The user declined.')}
/>`,
      },
    },
    ck: {
      name: 'ToolApproval',
      from: '@completions-kit/components/chat',
      parts: ['ToolApproval'],
      data: [
        {
          attribute: 'data-slot="tool-approval"',
          values: 'on the <section>',
          meaning:
            'The approval; parts: tool-approval-title, tool-approval-buttons, tool-approve, tool-deny, tool-approval-result.',
        },
        { attribute: 'data-state', values: 'pending | approved | denied', meaning: 'The answer so far.' },
      ],
      keyboard: [{ keys: 'Tab / Enter / Space', action: 'Approve and Deny are buttons; once answered they go' }],
      announces:
        'A region named "The assistant wants to call get_weather"; the arguments are text; the answer is written in place ("Approved" / "Denied").',
    },
  },
  args: {
    call: {
      id: 'call_1',
      type: 'function',
      function: { name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' },
    },
    onApprove: fn(),
    onDeny: fn(),
  },
} satisfies Meta<typeof Approval>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Approve: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('region', { name: 'The assistant wants to call get_weather' })).toBeVisible();
    await expect(canvas.getByText(/"Paris"/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Approve' }));
    await expect(args.onApprove).toHaveBeenCalledWith('call_1');
    await expect(canvas.getByText('Approved')).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Deny' })).toBeNull();
  },
};

export const Deny: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Deny' }));
    await expect(args.onDeny).toHaveBeenCalledWith('call_1');
    await expect(canvas.getByText('Denied')).toBeVisible();
  },
};

export const HostileArguments: Story = {
  args: {
    call: {
      id: 'call_2',
      type: 'function',
      function: { name: 'run', arguments: '{"__proto__":{"x":1},"cmd":"rm -rf /' },
    },
  },
  play: async ({ canvasElement }) => {
    // Shown as text with a badge, never run or parsed into the page.
    await expect(within(canvasElement).getByText(/rm -rf/)).toBeVisible();
  },
};
