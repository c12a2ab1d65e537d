import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { ToolCall } from './tool-call.tsx';

const meta = {
  title: 'Message content/ToolCall',
  component: ToolCall,
  tags: ['stable'],
  args: { call: { name: 'noop', arguments: '{}' } },
  parameters: {
    docs: {
      subtitle: 'A function call, a custom tool call or the legacy function_call, with its arguments as inert text.',
    },
    ck: {
      name: 'ToolCall',
      data: [
        {
          attribute: 'data-slot="tool-call"',
          values: 'on the <section>',
          meaning: 'The whole; parts: tool-call-header, tool-call-name, badge, tool-call-arguments.',
        },
        {
          attribute: 'data-kind',
          values: 'function | custom | function_call',
          meaning: 'Which kind of call (function_call: the legacy field).',
        },
        {
          attribute: 'data-state',
          values: 'partial | json | invalid | too-deep | too-large',
          meaning:
            'How the arguments read: still arriving, valid JSON, not JSON, nested past the limit, or cut at the size limit.',
        },
      ],
      variables: [
        { name: '--ck-surface / --ck-border / --ck-radius', meaning: 'The frame' },
        { name: '--ck-mono', meaning: 'The arguments' },
      ],
      announces:
        'A section labelled "Tool call <name>"; its arguments are a focusable, scrollable region ("Arguments of <name>"), shown as text, never markup.',
    },
  },
} satisfies Meta<typeof ToolCall>;
export default meta;
type Story = StoryObj<typeof meta>;

const fn = (args: string) => ({
  id: 'call_1',
  type: 'function' as const,
  function: { name: 'get_weather', arguments: args },
});

export const Complete: Story = {
  args: { call: fn('{"city":"Oslo","units":"c"}') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('region', { name: 'Tool call get_weather' })).toHaveAttribute('data-state', 'json');
    await expect(canvas.getByLabelText('Arguments of get_weather').textContent).toBe(
      '{\n  "city": "Oslo",\n  "units": "c"\n}',
    );
  },
};

export const Streaming: Story = {
  args: { call: fn('{"city":"Os'), status: 'streaming' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('receiving…')).toBeVisible();
    await expect(canvas.getByLabelText('Arguments of get_weather')).toHaveTextContent('{"city":"Os');
  },
};

export const Invalid: Story = {
  args: { call: fn('{city: Oslo') },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('not valid JSON')).toBeVisible();
  },
};

export const PrototypeKeys: Story = {
  args: { call: fn('{"__proto__":{"isAdmin":true}}') },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByLabelText('Arguments of get_weather')).toHaveTextContent('"__proto__"');
    await expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  },
};

export const TenThousandLevelsDeep: Story = {
  args: { call: fn(`${'['.repeat(10_000)}${']'.repeat(10_000)}`) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('too deeply nested to lay out')).toBeVisible();
  },
};

export const CustomTool: Story = {
  args: { call: { id: 'call_2', type: 'custom', custom: { name: 'run_sql', input: 'select 1;' } } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByLabelText('Input of run_sql')).toHaveTextContent('select 1;');
  },
};

export const LegacyFunctionCall: Story = {
  args: { call: { name: 'lookup', arguments: '{"q":"x"}' } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('region', { name: 'Tool call lookup' })).toHaveAttribute(
      'data-kind',
      'function_call',
    );
  },
};

/**
 * 2 MB of arguments arriving in 64-character pieces, 32 pieces per network read, rendered once per
 * animation frame as the kit's hooks do. Reports the longest main-thread task meanwhile: the target
 * is none over 50 ms (measured by `pnpm bench:hostile`); the test fails only on a freeze.
 */
function HugeStreamingArguments({ onDone }: { onDone: (longestTask: number) => void }) {
  const [text, setText] = useState('');
  const [complete, setComplete] = useState(false);
  useEffect(() => {
    const longTasks: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
    observer.observe({ type: 'longtask', buffered: false });
    const piece = `{"k":"${'x'.repeat(54)}"},`.slice(0, 64);
    let received = '{"items":[';
    let frame = 0;
    const render = () => {
      setText(received);
      frame = requestAnimationFrame(render);
    };
    frame = requestAnimationFrame(render);
    let reads = 0;
    const read = () => {
      for (let index = 0; index < 32; index++) received += piece;
      if (++reads < 1024) setTimeout(read, 0);
      else {
        received += '{}]}';
        cancelAnimationFrame(frame);
        setText(received);
        setComplete(true);
        setTimeout(() => {
          observer.disconnect();
          onDone(Math.max(0, ...longTasks.map((task) => task.duration)));
        }, 100);
      }
    };
    setTimeout(read, 0);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [onDone]);
  return <ToolCall call={fn(text)} status={complete ? 'done' : 'streaming'} />;
}

export const TwoMegabytesStreaming: Story = {
  render: (args) => (
    <HugeStreamingArguments
      onDone={(longest) => ((args as unknown as { result: { longestTask?: number } }).result.longestTask = longest)}
    />
  ),
  args: { result: {} } as never,
  play: async ({ canvasElement, args }) => {
    const result = (args as unknown as { result: { longestTask?: number } }).result;
    await waitFor(() => expect(result.longestTask).toBeDefined(), { timeout: 60_000 });
    // How long the main thread was held is no pass or fail on shared cores: `pnpm bench:hostile`
    // times these 2 MB of arguments in 256 pieces against its target.
    await expect(within(canvasElement).getByText('too large to show whole')).toBeVisible();
    await expect(within(canvasElement).getByLabelText('Arguments of get_weather').textContent?.length).toBeLessThan(
      20_000,
    );
  },
};
