import { expect, type Page, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  field,
  finished,
  moreSettings,
  openPlayground,
  run,
  screenshot,
  unfold,
} from './support.ts';

const answer = (page: Page) => page.getByRole('article', { name: 'Choice 1' });

async function openToolsAndFormat(page: Page) {
  await unfold(page, 'Tools');
  await unfold(page, 'Response format');
}

test('a web-search citation links to its source and shows the host', async ({ page }, testInfo) => {
  await openPlayground(page, 'How do streams pass data along?');
  await moreSettings(page);
  await field(page, 'Web search').selectOption('medium');
  await field(page, 'Max completion tokens').fill('400');
  await run(page);
  await finished(page);
  const link = answer(page).getByRole('link').first();
  await expect(link).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:\d+\/search\//);
  await expect(link).toHaveAttribute('rel', /noopener/);
  await expect(answer(page).locator('[data-slot="link-host"], [data-slot="source-host"]').first()).toContainText(
    '127.0.0.1',
  );
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo);
});

test('audio output plays: a media element with a duration, and its transcript', async ({ page }, testInfo) => {
  await openPlayground(page, 'Say hello to the reader.');
  await field(page, 'Stream').uncheck();
  await moreSettings(page);
  await field(page, 'Output').selectOption('text + audio');
  await field(page, 'Audio format').selectOption('wav');
  await field(page, 'Max completion tokens').fill('40');
  await run(page);
  await finished(page);
  const audio = answer(page).locator('audio');
  await expect(audio).toHaveCount(1);
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.duration)).toBeGreaterThan(0.3);
  await expect(answer(page)).toContainText(/\w{3,}/);
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo);
});

test('a tool call is answered with a tool message and the conversation continues', async ({ page }, testInfo) => {
  await openPlayground(page, 'What is the weather in Paris in celsius?');
  await openToolsAndFormat(page);
  await page.getByRole('button', { name: 'Add tool' }).click();
  await field(page, 'Tool choice').selectOption('auto');
  await run(page);
  await finished(page);
  await expect(answer(page)).toContainText('get_weather');
  const result = page.getByRole('textbox', { name: /^Result of get_weather/ });
  await result.fill('{"temperature": 21, "sky": "sunny"}');
  await page.getByRole('button', { name: 'Send tool results and continue' }).click();
  await finished(page);
  await expect(page.getByRole('combobox', { name: 'Message 3 role' })).toHaveValue('tool');
  await expect(answer(page)).toContainText('get_weather returned temperature: 21');
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo);
});

test('a json_schema response is valid JSON with the required keys', async ({ page }, testInfo) => {
  await openPlayground(page, 'Describe a stream as JSON.');
  await openToolsAndFormat(page);
  await field(page, 'Response format').selectOption('json_schema');
  await field(page, 'JSON schema').fill(
    JSON.stringify({
      type: 'object',
      properties: { name: { type: 'string' }, chunks: { type: 'integer', minimum: 1, maximum: 9 } },
      required: ['name', 'chunks'],
      additionalProperties: false,
    }),
  );
  await field(page, 'Max completion tokens').fill('200');
  await run(page);
  await finished(page);
  await page.getByText('Raw response').click();
  const raw = JSON.parse((await page.locator('pre.raw').last().textContent()) ?? '{}');
  const parsed = JSON.parse(raw.choices[0].message.content);
  expect(Object.keys(parsed).sort()).toEqual(['chunks', 'name']);
  expect(parsed.chunks).toBeGreaterThanOrEqual(1);
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo);
});

test('an invalid JSON schema is marked before anything is sent', async ({ page }, testInfo) => {
  await openPlayground(page, 'Hi');
  await openToolsAndFormat(page);
  await field(page, 'Response format').selectOption('json_schema');
  await field(page, 'JSON schema').fill('{"type": ');
  await expect(field(page, 'JSON schema')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo);
});

test('audio recorded from the microphone is sent as WAV input_audio', async ({ page }, testInfo) => {
  await openPlayground(page, 'What did I say?');
  await page.getByText('Images, audio and files (0)').click();
  await page.getByRole('button', { name: 'Record audio' }).click();
  // Recording: stopped once the page's own clock has run 1.2 s since (how long is up to the test;
  // a loaded machine may make it longer, which the checks below allow).
  await expect(page.getByRole('button', { name: 'Stop recording' })).toBeVisible();
  const recording = await page.evaluate(() => performance.now());
  await page.waitForFunction((since) => performance.now() - since >= 1200, recording, { polling: 50 });
  await page.getByRole('button', { name: 'Stop recording' }).click();
  const name = page.getByText(/^Audio recording \(\d+\.\d s\)\.wav$/);
  await expect(name).toBeVisible();
  expect(Number(/\((\d+\.\d) s\)/.exec((await name.textContent()) ?? '')?.[1])).toBeGreaterThanOrEqual(1.2);
  await field(page, 'Stream').uncheck();
  await field(page, 'Max completion tokens').fill('20');
  await run(page);
  await finished(page);
  await page.getByText('Raw request').click();
  const result = page.getByRole('region', { name: 'Result' });
  const request = JSON.parse((await result.locator('pre.raw').first().textContent()) ?? '{}');
  const audio = request.messages[0].content.find((part: { type: string }) => part.type === 'input_audio');
  expect(audio.input_audio.format).toBe('wav');
  const wav = Buffer.from(audio.input_audio.data, 'base64');
  expect(wav.subarray(0, 4).toString('latin1')).toBe('RIFF');
  expect(wav.subarray(8, 12).toString('latin1')).toBe('WAVE');
  // About a second of 16-bit mono: the fake microphone's beep, not silence.
  const samples = new Int16Array(wav.buffer.slice(wav.byteOffset + 44, wav.byteOffset + wav.length));
  expect(samples.length).toBeGreaterThan(wav.readUInt32LE(24) * 0.8);
  expect(samples.some((sample) => Math.abs(sample) > 1000)).toBe(true);
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo);
});
