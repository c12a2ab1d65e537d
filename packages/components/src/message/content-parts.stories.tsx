import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { AudioInputContent, FileContent, ImageContent } from './content-parts.tsx';

// A 1x1 transparent PNG: a raster data image, which is shown at once.
const png =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const meta = {
  title: 'Message content/Content parts',
  component: ImageContent,
  subcomponents: { FileContent, AudioInputContent },
  tags: ['stable'],
  args: { part: { type: 'image_url', image_url: { url: 'https://images.example.com/cat.png', detail: 'low' } } },
  parameters: {
    docs: {
      subtitle: 'What a user message can carry besides text: images, files and audio. Message renders them for you.',
    },
    ck: {
      name: 'ImageContent, FileContent, AudioInputContent',
      data: [
        {
          attribute: 'data-slot="image-part"',
          values: 'data-state: not-loaded | blocked',
          meaning:
            'An image; a remote one waits for a click, a non-raster data URL (SVG) is never shown. data-detail: low | high | auto.',
        },
        {
          attribute: 'data-slot="file-part"',
          values: '',
          meaning: 'A file: its name, and a download link when the data is inline.',
        },
        { attribute: 'data-slot="audio-input-part"', values: '', meaning: 'Audio the user sent, as a native player.' },
      ],
      variables: [{ name: '--ck-font', meaning: 'Text' }],
      announces:
        'The load button names the host ("Load image from <host>"); a shown image says it is an attachment and its detail.',
    },
  },
} satisfies Meta<typeof ImageContent>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A remote image never loads until the reader asks: the button names the host first. */
export const RemoteImageOnClick: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole('img')).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Load image from images.example.com' }));
    await expect(canvas.getByRole('img')).toHaveAttribute('src', 'https://images.example.com/cat.png');
  },
};

/** Raster data images are shown at once; they cannot call anywhere. */
export const InlineRaster: Story = {
  args: { part: { type: 'image_url', image_url: { url: png } } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('img', { name: /detail auto/ })).toBeVisible();
  },
};

/** A file sent inline: a download link with its name. */
export const FileDownload: Story = {
  render: () => (
    <FileContent
      part={{ type: 'file', file: { filename: 'notes.txt', file_data: 'data:text/plain;base64,aGVsbG8=' } }}
    />
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('link', { name: 'Download notes.txt' })).toHaveAttribute(
      'download',
      'notes.txt',
    );
  },
};

/** Audio the user recorded, playable. */
export const AudioInput: Story = {
  render: () => (
    <AudioInputContent part={{ type: 'input_audio', input_audio: { data: 'UklGRiQAAABXQVZF', format: 'wav' } }} />
  ),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('audio')).toHaveAttribute('aria-label', 'Audio input (wav)');
  },
};
