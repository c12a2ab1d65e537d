import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import audio from '../fixtures/local-audio-mp3.json';
import prediction from '../fixtures/local-prediction.json';
import { UsageView } from './usage-view.tsx';

const meta = {
  title: 'Insight/UsageView',
  component: UsageView,
  tags: ['new'],
  args: { completion: prediction.response },
  parameters: {
    docs: { subtitle: 'What an answer cost: tokens by kind, cached and reasoning tokens, and the price.' },
    ck: {
      name: 'UsageView',
      data: [
        {
          attribute: 'data-slot="usage"',
          values: 'on the <section>',
          meaning: 'The whole; a <dl> of figures, each group with its own data-slot.',
        },
      ],
      variables: [
        { name: '--ck-muted', meaning: 'The terms' },
        { name: '--ck-font', meaning: 'Text' },
      ],
      announces: 'A labelled region with a description list: each figure is read with its term.',
    },
  },
} satisfies Meta<typeof UsageView>;
export default meta;
type Story = StoryObj<typeof meta>;

const term = (canvas: ReturnType<typeof within>, name: string) =>
  canvas.getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;

/** A predicted-output response from the local model: accepted and rejected prediction tokens, free. */
export const PredictionTokens: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(term(canvas, 'Completion tokens')).toBe('24 (2 accepted prediction, 9 rejected prediction)');
    await expect(term(canvas, 'Cost')).toBe('$0');
    await expect(term(canvas, 'Model')).toBe('ck-local-ngram');
    await expect(term(canvas, 'System fingerprint')).toBe('fp_ck_local');
    await expect(canvas.getByText(/UTC$/).tagName).toBe('TIME');
  },
};

/** Audio output tokens priced by a table of your own. */
export const AudioWithYourPrices: Story = {
  args: {
    completion: audio.response,
    prices: { 'ck-local-ngram': { input: 1, output: 2, audioOutput: 80 } },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(term(canvas, 'Completion tokens')).toBe('126 (110 audio)');
    // 13 input at $1/M, 16 text out at $2/M, 110 audio out at $80/M.
    await expect(term(canvas, 'Cost')).toBe('$0.0088 ($0.000013 input, $0.000032 output, $0.0088 audio output)');
  },
};

/** Every detail the API reports, on a dated snapshot priced through its base model. */
export const EveryDetail: Story = {
  args: {
    completion: {
      id: 'chatcmpl-every-detail',
      model: 'gpt-4o-2024-08-06',
      created: 1_767_225_600,
      service_tier: 'default',
      system_fingerprint: 'fp_example',
      usage: {
        prompt_tokens: 2_000,
        completion_tokens: 900,
        total_tokens: 2_900,
        prompt_tokens_details: { cached_tokens: 1_024, audio_tokens: 0 },
        completion_tokens_details: {
          reasoning_tokens: 300,
          audio_tokens: 0,
          accepted_prediction_tokens: 40,
          rejected_prediction_tokens: 12,
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(term(canvas, 'Prompt tokens')).toBe('2,000 (1,024 cached)');
    await expect(term(canvas, 'Completion tokens')).toBe(
      '900 (300 reasoning, 40 accepted prediction, 12 rejected prediction)',
    );
    await expect(term(canvas, 'Created')).toBe('2026-01-01 00:00:00 UTC');
    await expect(term(canvas, 'Service tier')).toBe('default');
    // 976 uncached at $2.50/M, 1,024 cached at $1.25/M, 900 out at $10/M.
    await expect(term(canvas, 'Cost')).toBe('$0.0127 ($0.0024 input, $0.0013 cached input, $0.0090 output)');
  },
};

/** A model the price table does not know, and a stream that did not ask for usage. */
export const NoPriceNoUsage: Story = {
  args: { completion: { id: 'chatcmpl-x', model: 'my-finetune', created: 1_767_225_600 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/Not reported/)).toBeVisible();
    await expect(canvas.queryByText('Cost')).toBeNull();
  },
};

export const NoPrice: Story = {
  args: { completion: { ...prediction.response, model: 'my-finetune' } },
  play: async ({ canvasElement }) => {
    await expect(term(within(canvasElement), 'Cost')).toBe('No price for my-finetune in the price table');
  },
};
