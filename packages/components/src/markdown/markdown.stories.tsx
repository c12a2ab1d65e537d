import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { Markdown } from './markdown.tsx';

const meta = {
  title: 'Message content/Markdown',
  component: Markdown,
  tags: ['stable'],
  args: { text: '' },
  parameters: {
    docs: { subtitle: "The assistant's text: Message uses it for you; use it alone for text from anywhere else." },
    ck: {
      name: 'Markdown',
      data: [
        { attribute: 'data-slot="markdown"', values: 'on the <div>', meaning: 'The rendered text.' },
        {
          attribute: 'data-status',
          values: 'RunStatus (idle | submitted | streaming | done | error | aborted | incomplete)',
          meaning: 'The status prop: submitted or streaming while the text is still arriving.',
        },
        {
          attribute: 'data-slot="md-link"',
          values: 'with data-safe="false" when refused',
          meaning: 'A link; its host follows as data-slot="link-host".',
        },
        {
          attribute: 'data-slot="md-image"',
          values: 'data-state: not-loaded | blocked | pending',
          meaning: 'An image from the model: never loaded without a click.',
        },
        { attribute: 'data-slot="md-raw-html"', values: '', meaning: 'Raw HTML from the model, shown as text.' },
        { attribute: 'data-slot="code-block"', values: 'see CodeBlock', meaning: 'A fenced code block.' },
      ],
      variables: [
        { name: '--ck-accent', meaning: 'Links' },
        { name: '--ck-muted', meaning: 'A link host' },
        { name: '--ck-surface / --ck-border / --ck-mono', meaning: 'Code blocks' },
      ],
    },
  },
} satisfies Meta<typeof Markdown>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Gfm: Story = {
  args: {
    text: '## Streams\n\nData arrives **in pieces**, ~~all at once~~ *as it comes*.\n\n- [x] read\n- [ ] write\n\n| unit | meaning |\n|:--|--:|\n| chunk | one event |\n\n> Quoted advice.\n\n```ts\nconst total = chunks.length;\n```\n',
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 2, name: 'Streams' })).toBeVisible();
    await expect(canvas.getByRole('checkbox', { name: 'done' })).toBeChecked();
    await expect(canvas.getByRole('table')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Copy ts code' })).toBeVisible();
    // Highlighting arrives lazily, as elements (never an HTML string). The first load on a cold dev
    // server compiles the highlighter, so it may take seconds.
    await waitFor(
      () => expect(canvasElement.querySelector('[data-slot=code-block]')).toHaveAttribute('data-highlighted', 'true'),
      { timeout: 15_000 },
    );
    await expect(canvasElement.querySelector('code .hljs-keyword')?.textContent).toBe('const');
  },
};

const hostile = [
  '[one](javascript:alert(1)) [two](JaVaScRiPt:alert(1)) [three](java%0ascript:alert(1)) [four](&#106;avascript:alert(1))',
  '[five](data:text/html,<script>alert(1)</script>) [six](//evil.example/x) [seven](vbscript:msgbox)',
  '<script>alert(1)</script> <img src=x onerror=alert(1)> <a href="javascript:alert(1)">raw</a>',
  '![tracker](https://tracker.example/pixel.png?user=1) ![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+)',
  '[paypal](https://раураl.com/login) [fine](https://example.com/ok)',
].join('\n\n');

export const HostileContent: Story = {
  args: { text: hostile },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const hrefs = canvas.getAllByRole('link').map((link) => link.getAttribute('href') ?? '');
    // Only the two http(s) links are links; every other spelling is text.
    await expect(hrefs).toEqual([expect.stringMatching(/^https:\/\/xn--/), 'https://example.com/ok']);
    for (const link of canvas.getAllByRole('link')) await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    // The real host, in punycode, beside the link (isolated in a left-to-right <bdi>).
    const host = canvasElement.querySelector('[data-slot="link-host"]');
    await expect(host).toBeVisible();
    await expect(host?.textContent).toMatch(/\(xn--[a-z0-9-]+\.com\)/);
    await expect(canvasElement.querySelector('script, img, iframe, [onerror]')).toBeNull();
    await expect(canvas.getByText(/<script>alert\(1\)<\/script>/)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Load image “tracker” from tracker.example' })).toBeVisible();
    await expect(canvas.getByText('[image not shown: svg]')).toBeVisible();
    // The outside image was never requested.
    const requested = performance.getEntriesByType('resource').map((entry) => entry.name);
    await expect(requested.some((name) => name.includes('tracker.example'))).toBe(false);
  },
};

function Growing({ pieces }: { pieces: string[] }) {
  const [count, setCount] = useState(1);
  useEffect(() => {
    if (count >= pieces.length) return;
    const timer = setTimeout(() => setCount(count + 1), 15);
    return () => clearTimeout(timer);
  }, [count, pieces.length]);
  return <Markdown text={pieces.slice(0, count).join('')} status={count < pieces.length ? 'streaming' : 'done'} />;
}

const streamed =
  '## First block\n\nA finished paragraph.\n\n- item one\n- item two\n\nThe last paragraph grows **word by word** while it streams'.split(
    /(?<= )/,
  );

export const Streaming: Story = {
  render: () => <Growing pieces={streamed} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const heading = await canvas.findByRole('heading', { name: 'First block' });
    await waitFor(() => expect(canvas.getByText(/while it streams/)).toBeVisible());
    // The finished heading is the same element it was: no remount, no flicker.
    await expect(canvas.getByRole('heading', { name: 'First block' })).toBe(heading);
  },
};

export const UnfinishedSyntax: Story = {
  args: { text: 'Half **bold and a [link](https://exa', status: 'streaming' },
  play: async ({ canvasElement }) => {
    // Unclosed emphasis shows as typed; a half-received URL is not yet a link.
    await expect(canvasElement.textContent).toContain('Half **bold and a');
    await expect(within(canvasElement).queryByRole('link')).toBeNull();
  },
};
