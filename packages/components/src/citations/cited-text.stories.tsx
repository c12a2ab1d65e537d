import type { UrlCitationAnnotation } from '@completions-kit/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { Message } from '../message/message.tsx';
import { CitationMarker, CitedText, Sources } from './cited-text.tsx';

// Stories pass text and annotations; the page's own component is CitedText beside its Sources,
// and the stories below show the same data as Message renders it (markdown and all).
const meta = {
  title: 'Message content/Citations',
  component: CitedText,
  subcomponents: { Sources, CitationMarker },
  tags: ['stable'],
  args: { text: '', annotations: [] },
  render: (args) => (
    <div>
      <CitedText {...args} />
      <Sources text={args.text} annotations={args.annotations} />
    </div>
  ),
  parameters: {
    docs: {
      subtitle:
        'Web-search answers (url_citation annotations): numbered markers after each cited span, and the sources.',
    },
    ck: {
      name: 'CitedText, Sources',
      data: [
        { attribute: 'data-slot="cited-text"', values: 'on the <p>', meaning: 'The text with its markers.' },
        {
          attribute: 'data-slot="citation-marker"',
          values: 'data-safe: true | false',
          meaning: 'A marker; a link only when the URL is safe.',
        },
        {
          attribute: 'data-slot="sources"',
          values: 'on the <ol>',
          meaning: 'One item per URL, its host as data-slot="source-host", data-safe as on markers.',
        },
      ],
      variables: [
        { name: '--ck-accent', meaning: 'Source links' },
        { name: '--ck-muted', meaning: 'Source hosts' },
      ],
      announces: 'Each marker is a link named "Source N: <title> (<host>)"; the sources are a list labelled Sources.',
    },
  },
} satisfies Meta<typeof CitedText>;
export default meta;
type Story = StoryObj<typeof meta>;

const asMessage = (args: { text: string; annotations?: readonly UrlCitationAnnotation[] | undefined }) => (
  <Message message={{ role: 'assistant', content: args.text, annotations: args.annotations ?? [] }} />
);

// Emoji and CJK before the citations, so a UTF-16 offset would land in the wrong place.
const text =
  'Good news 🎉🙂 from 東京: parks reopened ([city.example](https://city.example/parks)). A second source agrees ([news.example](https://news.example/a)).';
const span = (needle: string) => {
  const start = [...text.slice(0, text.indexOf(needle))].length;
  return { start_index: start, end_index: start + [...needle].length };
};
const first = '([city.example](https://city.example/parks))';
const second = '([news.example](https://news.example/a))';

const annotations: UrlCitationAnnotation[] = [
  {
    type: 'url_citation',
    url_citation: { url: 'https://city.example/parks', title: 'Parks reopen', ...span(first) },
  },
  { type: 'url_citation', url_citation: { url: 'https://news.example/a', title: 'News A', ...span(second) } },
];

/** Plain text with two citations: a numbered marker after each cited span, then the sources. */
export const MarkersAndSources: Story = {
  args: { text, annotations },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const marker = canvas.getByRole('link', { name: 'Source 2: News A (news.example)' });
    await expect(marker.closest('[data-slot=citation-marker]')).toHaveAttribute('data-safe', 'true');
    await expect(within(canvas.getByRole('list', { name: 'Sources' })).getAllByRole('listitem')).toHaveLength(2);
  },
};

/** The same answer as Message shows it: markdown, with the markers placed in the rendered tree. */
export const WithSources: Story = {
  args: { text, annotations },
  render: asMessage,
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

/** A javascript: URL is never a link; a citation past the text (mid-stream) shows only in the sources. */
export const UnsafeAndLate: Story = {
  render: asMessage,
  args: {
    text: 'Click here for details.',
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
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole('link', { name: /Totally safe/ })).toBeNull();
    await expect(canvas.getByText('Totally safe')).toBeVisible();
    await expect(canvas.getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([
      'https://later.example/',
    ]);
  },
};
