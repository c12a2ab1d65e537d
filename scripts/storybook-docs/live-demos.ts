// The live demos of the docs pages, driven as a reader would in the static build: each must work
// offline, on the recorded traffic the build carries.
import type { Page } from 'playwright-core';

const open = (page: Page, base: string, id: string) => page.goto(`${base}/iframe.html?viewMode=docs&id=${id}`);
const timeout = 20_000;

export const liveDemos: { name: string; run(page: Page, base: string): Promise<void> }[] = [
  {
    name: 'Introduction: the smallest chat answers',
    async run(page, base) {
      await open(page, base, 'introduction--docs');
      const chat = page.getByRole('region', { name: 'Smallest chat' });
      await chat.getByRole('button', { name: 'Send' }).click();
      await chat
        .locator('article[data-role="assistant"][data-status="done"]')
        .getByText(/weather/)
        .waitFor({ timeout });
    },
  },
  {
    name: 'useCompletionStream: a recorded stream plays to the end',
    async run(page, base) {
      await open(page, base, 'hooks-usecompletionstream--docs');
      const demo = page.getByRole('region', { name: 'useCompletionStream demo' });
      await demo.getByRole('button', { name: 'Start' }).click();
      await demo
        .getByLabel('Stream state')
        .getByText(/status done/)
        .waitFor({ timeout });
      await demo.getByText("I'm unable to provide real-time weather updates").waitFor({ timeout });
    },
  },
  {
    name: 'useConversation: regenerate keeps both answers',
    async run(page, base) {
      await open(page, base, 'hooks-useconversation--docs');
      const demo = page.getByRole('region', { name: 'useConversation demo' });
      await demo.getByRole('button', { name: 'Send a question' }).click();
      await demo.getByLabel('Conversation state').getByText('status done · 2 turns').waitFor({ timeout });
      await demo.getByRole('button', { name: 'Regenerate' }).click();
      await demo.getByText('answer 2 of 2').waitFor({ timeout });
    },
  },
  {
    name: 'Stored completions hooks: list, open, detail',
    async run(page, base) {
      await open(page, base, 'hooks-stored-completions--docs');
      const demo = page.getByRole('region', { name: 'Stored completions demo' });
      const firstRow = demo.locator('[data-slot="open-stored"]').first();
      await firstRow.click({ timeout });
      await demo.locator('[data-slot="stored-detail"]').waitFor({ timeout });
    },
  },
];
