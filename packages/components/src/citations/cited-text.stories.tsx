import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { Message } from '../message/message.tsx';

const meta = {
  title: 'Messages/Citations',
  component: Message,
  args: { message: { role: 'assistant', content: '' } },
} satisfies Meta<typeof Message>;
export default meta;
type Story = StoryObj<typeof meta>;

// Emoji and CJK before the citations, so a UTF-16 offset would land in the wrong place.
const text =
  'Good news 🎉🙂 from 東京: parks reopened ([city.example](https://city.example/parks)). A second source agrees ([news.example](https://news.example/a)).';
const span = (needle: string) => {
  const start = [...text.slice(0, text.indexOf(needle))].length;
  return { start_index: start, end_index: start + [...needle].length };
};
const first = '([city.example](https://city.example/parks))';
const second = '([news.example](https://news.example/a))';

export const WithSources: Story = {
  args: {
    message: {
      role: 'assistant',
      content: text,
      annotations: [
        {
          type: 'url_citation',
          url_citation: { url: 'https://city.example/parks', title: 'Parks reopen', ...span(first) },
        },
        { type: 'url_citation', url_citation: { url: 'https://news.example/a', title: 'News A', ...span(second) } },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const marker = canvas.getByRole('link', { name: 'Source 1: Parks reopen (city.example)' });
    await expect(marker).toHaveAttribute('rel', 'noopener noreferrer');
    // Markdown renders the cited link (host shown), and the marker follows the end of its span.
    await expect(marker.closest('p')?.textContent).toContain('(city.example (city.example))[1]');
    await expect(canvas.getByRole('link', { name: 'city.example' })).toHaveAttribute(
      'href',
      'https://city.example/parks',
    );
    const sources = canvas.getByRole('list', { name: 'Sources' });
    await expect(
      within(sources)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Parks reopen city.example', 'News A news.example']);
  },
};

export const UnsafeAndLate: Story = {
  args: {
    message: {
      role: 'assistant',
      content: 'Click here for details.',
      annotations: [
        {
          type: 'url_citation',
          url_citation: { url: 'javascript:alert(1)', title: 'Totally safe', start_index: 0, end_index: 10 },
        },
        {
          type: 'url_citation',
          url_citation: { url: 'https://later.example', title: 'Not reached yet', start_index: 400, end_index: 420 },
        },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole('link', { name: /Totally safe/ })).toBeNull();
    await expect(canvas.getByText('Totally safe')).toBeVisible();
    await expect(canvas.getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([
      'https://later.example/',
    ]);
  },
};
