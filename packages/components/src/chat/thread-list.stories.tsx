import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ThreadList, type ThreadSummary } from './thread-list.tsx';

function Threads({ onDelete }: { onDelete: (id: string) => void }) {
  const [threads, setThreads] = useState<ThreadSummary[]>([
    { id: 'a', title: 'Weather in Paris', updatedAt: 2 },
    { id: 'b', title: 'A haiku about the sea', updatedAt: 1 },
  ]);
  const [activeId, setActiveId] = useState<string | null>('a');
  return (
    <div style={{ width: 260 }}>
      <ThreadList
        threads={threads}
        activeId={activeId}
        onSelect={setActiveId}
        onNew={() => setActiveId(null)}
        onRename={(id, title) =>
          setThreads(threads.map((thread) => (thread.id === id ? { ...thread, title } : thread)))
        }
        onDelete={(id) => {
          onDelete(id);
          setThreads(threads.filter((thread) => thread.id !== id));
        }}
      />
    </div>
  );
}

const meta = {
  title: 'Chat/ThreadList',
  component: Threads,
  args: { onDelete: fn() },
  parameters: {
    docs: {
      subtitle: 'The saved conversations: start a new one, switch, rename in place, delete.',
      source: {
        code: `import { ThreadList } from '@completions-kit/components/chat';

<ThreadList
  threads={threads}
  activeId={activeId}
  onSelect={open}
  onNew={startNew}
  onRename={(id, title) => rename(id, title)}
  onDelete={(id) => remove(id)}
/>`,
      },
    },
    ck: {
      name: 'ThreadList',
      from: '@completions-kit/components/chat',
      parts: ['ThreadList'],
      data: [
        {
          attribute: 'data-slot="thread-list"',
          values: 'on the <nav>',
          meaning: 'The list; each thread is a button with aria-current="page" when active.',
        },
      ],
      keyboard: [
        { keys: 'Tab', action: 'Thread, Rename and Delete are buttons' },
        { keys: 'Enter', action: 'While renaming: save' },
        { keys: 'Escape', action: 'While renaming: leave the title as it was' },
      ],
      announces:
        'A navigation landmark named "Conversations"; the active thread is aria-current="page"; Rename and Delete are named with the title ("Rename Weather in Paris").',
    },
  },
} satisfies Meta<typeof Threads>;
export default meta;
type Story = StoryObj<typeof meta>;

export const SwitchRenameDelete: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Weather in Paris' })).toHaveAttribute('aria-current', 'page');
    await userEvent.click(canvas.getByRole('button', { name: 'A haiku about the sea' }));
    await expect(canvas.getByRole('button', { name: 'A haiku about the sea' })).toHaveAttribute('aria-current', 'page');
    await userEvent.click(canvas.getByRole('button', { name: 'Rename Weather in Paris' }));
    const input = canvas.getByRole('textbox', { name: 'Rename Weather in Paris' });
    await userEvent.clear(input);
    await userEvent.type(input, 'Paris forecast{Enter}');
    await expect(canvas.getByRole('button', { name: 'Paris forecast' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Delete Paris forecast' }));
    await expect(args.onDelete).toHaveBeenCalledWith('a');
    await expect(canvas.queryByRole('button', { name: 'Paris forecast' })).toBeNull();
  },
};
