import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { AudioOutput } from './audio-output.tsx';

const meta = {
  title: 'Message content/AudioOutput',
  component: AudioOutput,
  tags: ['stable'],
  args: { audio: {} },
  parameters: {
    docs: { subtitle: "A spoken answer (modalities: ['text', 'audio']); Message uses it for message.audio." },
    ck: {
      name: 'AudioOutput',
      data: [
        {
          attribute: 'data-slot="audio-output"',
          values: 'on the <section>',
          meaning:
            'The whole; parts: audio-player, audio-transcript, audio-expiry, audio-download, audio-waiting, audio-damaged.',
        },
        {
          attribute: 'data-state',
          values: 'ready | expired',
          meaning: 'Playable, or past expires_at (the id can no longer be sent back).',
        },
        {
          attribute: 'data-status',
          values: 'RunStatus',
          meaning: 'The status prop: submitted or streaming while pieces are still arriving.',
        },
        { attribute: 'data-format', values: 'wav | mp3 | flac | opus | aac | pcm16', meaning: 'The format prop.' },
      ],
      variables: [{ name: '--ck-font / --ck-muted', meaning: 'Transcript and expiry text' }],
      announces: 'A native <audio> with controls; damaged data is an alert saying how much plays.',
    },
  },
} satisfies Meta<typeof AudioOutput>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Half a second of a gliding tone as pcm16, made here (the local model's speech comes with issue 4). */
function pcm16Base64(seconds: number): string {
  const samples = Math.floor(24_000 * seconds);
  const bytes = new Uint8Array(samples * 2);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < samples; index++)
    view.setInt16(index * 2, Math.sin((index / 24_000) * 2 * Math.PI * (220 + index / 100)) * 8000, true);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const data = pcm16Base64(1.5);
const future = Math.floor(Date.now() / 1000) + 3600;

export const Pcm16: Story = {
  args: {
    audio: { id: 'audio_1', data, transcript: 'Hello from the local model.', expires_at: future },
    format: 'pcm16',
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const player = canvasElement.querySelector('audio') as HTMLAudioElement;
    await waitFor(() => expect(player.duration).toBeGreaterThan(1.4));
    await expect(player.src).toMatch(/^blob:/);
    await expect(canvas.getByText('Hello from the local model.')).toBeVisible();
    await expect(canvas.getByText(/Later turns can refer to this audio until/)).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Download audio' })).toHaveAttribute('download', 'audio_1.wav');
  },
};

export const StreamingTranscript: Story = {
  args: {
    audio: { id: 'audio_2', data: data.slice(0, 8000), transcript: 'Hello fr' },
    format: 'pcm16',
    status: 'streaming',
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('region', { name: 'Audio reply' })).toHaveAttribute('data-status', 'streaming');
    await expect(canvas.getByText('Hello fr')).toBeVisible();
    await expect(canvas.queryByRole('link', { name: 'Download audio' })).toBeNull();
  },
};

export const Expired: Story = {
  args: { audio: { id: 'audio_3', data, transcript: 'Old reply.', expires_at: 1_700_000_000 }, format: 'pcm16' },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByText(/Expired at .*: later turns can no longer refer to this audio\./),
    ).toBeVisible();
  },
};

export const CorruptData: Story = {
  args: {
    audio: {
      id: 'audio_4',
      data: `${data.slice(0, 40_000)}!!corrupt!!${data.slice(40_000)}`,
      transcript: 'Partly broken.',
    },
    format: 'pcm16',
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent('what came through plays');
    const player = canvasElement.querySelector('audio') as HTMLAudioElement;
    await waitFor(() => expect(player.duration).toBeGreaterThan(0.5));
  },
};
