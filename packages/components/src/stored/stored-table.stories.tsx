import type { Meta, StoryObj } from '@storybook/react-vite';
import { useCallback, useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { previewFor, storedRows } from '../fixtures/stored-rows.ts';
import { StoredTable } from './stored-table.tsx';

const tenThousand = storedRows(10_000);
// Frozen: Storybook's args instrumenter walks every writable element of an args array (to wrap the
// spies in it), for every story; walking 10,000 rows froze the docs page for a second or more.
Object.freeze(tenThousand);
const meta = {
  title: 'Stored completions/StoredTable',
  component: StoredTable,
  tags: ['new'],
  args: { items: tenThousand, preview: previewFor, onOpen: fn() },
  // Ten thousand rows are no data to edit by hand: the object editor would draw every one.
  argTypes: { items: { control: false } },
  parameters: {
    docs: {
      subtitle: 'The stored list, page by page: 10,000 rows render as the few in view.',
      // What a user writes; generated from the args, the code panel would print all 10,000 rows.
      source: {
        code: `import { StoredTable } from '@completions-kit/components';
import { useStoredCompletions } from '@completions-kit/hooks';

const list = useStoredCompletions({ limit: 20 });
<StoredTable
  items={list.items}
  hasMore={list.hasNextPage}
  loadingMore={list.isFetchingNextPage}
  onLoadMore={() => list.fetchNextPage()}
  selectedId={openId}
  onOpen={setOpenId}
/>`,
      },
    },
    ck: {
      name: 'StoredTable',
      data: [
        {
          attribute: 'data-slot="stored-table"',
          values: 'on the <section>',
          meaning:
            'The whole; parts: stored-table-scroll, open-stored, preview-pending, load-more, stored-table-status.',
        },
        { attribute: 'data-row', values: '0…n-1', meaning: 'On each row: its place in the list.' },
        {
          attribute: 'data-selected',
          values: 'true',
          meaning: 'On the row of selectedId (its open button has aria-current).',
        },
      ],
      variables: [
        { name: '--ck-table-height', meaning: 'Height of the scrolling table' },
        { name: '--ck-surface', meaning: 'The selected row' },
        { name: '--ck-border / --ck-bg', meaning: 'Rules and the sticky header' },
      ],
      keyboard: [
        { keys: 'ArrowDown / ArrowUp', action: 'Next / previous row (scrolls it into view)' },
        { keys: 'Home / End', action: 'First / last loaded row' },
        { keys: 'Enter', action: 'Open the row (onOpen)' },
      ],
      announces:
        'A table with aria-rowcount and aria-rowindex, so a screen reader counts every row, rendered or not; loading is a live status.',
    },
  },
} satisfies Meta<typeof StoredTable>;
export default meta;
type Story = StoryObj<typeof meta>;

const focusedRow = () => document.activeElement?.closest('tr')?.getAttribute('data-row');

/** 10,000 rows: only those in view are in the page; arrows, Home and End move, Enter opens. */
export const TenThousandRows: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const rendered = canvas.getAllByRole('row').length;
    await expect(rendered).toBeGreaterThan(5);
    await expect(rendered).toBeLessThan(60);
    await expect(canvas.getByRole('table')).toHaveAttribute('aria-rowcount', '10001');
    const first = canvas.getByRole('button', { name: 'Open “Summarize item 0”' });
    first.focus();
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(focusedRow()).toBe('1'));
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(focusedRow()).toBe('9999'));
    await expect(document.activeElement?.closest('tr')).toHaveAttribute('aria-rowindex', '10001');
    await userEvent.keyboard('{Enter}');
    await expect(args.onOpen).toHaveBeenCalledWith('chatcmpl-stored-09999');
    await expect(canvas.getByText(/rows 9\d{3}–10000 in view/)).toBeVisible();
  },
};

function Paged() {
  const [count, setCount] = useState(20);
  const [loading, setLoading] = useState(false);
  const onLoadMore = useCallback(() => {
    setLoading(true);
    setTimeout(() => {
      setCount((now) => Math.min(now + 20, 100));
      setLoading(false);
    }, 50);
  }, []);
  return (
    <StoredTable
      items={tenThousand.slice(0, count)}
      hasMore={count < 100}
      loadingMore={loading}
      onLoadMore={onLoadMore}
      preview={previewFor}
    />
  );
}

/** Pages of 20: scrolling to the end loads the next page, until the list says there is no more. */
export const InfiniteLoading: Story = {
  render: () => <Paged />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('table')).toHaveAttribute('aria-rowcount', '-1');
    const scroller = canvasElement.querySelector('[data-slot="stored-table-scroll"]') as HTMLElement;
    const loaded = () => Number(/^(\d+) loaded/.exec(canvas.getByText(/^\d+ loaded/).textContent ?? '')?.[1]);
    // Each scroll to the end loads one more page: waited for, up to the last.
    while (loaded() < 100) {
      const before = loaded();
      scroller.scrollTop = scroller.scrollHeight;
      await waitFor(() => expect(loaded()).toBeGreaterThan(before), { timeout: 10_000 });
    }
    await waitFor(() => expect(canvas.getByText(/^100 loaded/)).toBeVisible());
    await expect(canvas.queryByRole('button', { name: 'Load more' })).toBeNull();
    await expect(canvas.getByRole('table')).toHaveAttribute('aria-rowcount', '101');
  },
};

/** The Load more button asks for a page without scrolling. */
export const LoadMoreButton: Story = {
  args: { items: tenThousand.slice(0, 3), hasMore: true, onLoadMore: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(args.onLoadMore).toHaveBeenCalled());
    const calls = (args.onLoadMore as ReturnType<typeof fn>).mock.calls.length;
    await userEvent.click(canvas.getByRole('button', { name: 'Load more' }));
    await expect((args.onLoadMore as ReturnType<typeof fn>).mock.calls.length).toBe(calls + 1);
  },
};

export const Empty: Story = {
  args: { items: [] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('No stored completions match.')).toBeVisible();
  },
};

/** Without previews yet, a row shows its id; the selected row is marked. */
export const PreviewsPendingAndSelected: Story = {
  args: { items: tenThousand.slice(0, 5), preview: undefined, selectedId: 'chatcmpl-stored-00002' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const selected = canvas.getByRole('button', { name: 'Open chatcmpl-stored-00002' });
    await expect(selected).toHaveAttribute('aria-current', 'true');
    await expect(canvas.getAllByText(/project=docs|project=support/).length).toBeGreaterThan(0);
  },
};
