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
    name: 'useConversation: answers what was typed, and Regenerate gives another answer beside it',
    async run(page, base) {
      await open(page, base, 'hooks-useconversation--docs');
      const demo = page.getByRole('region', { name: 'useConversation demo' });
      await demo.getByRole('textbox', { name: 'Question' }).fill('hello');
      await demo.getByRole('button', { name: 'Send', exact: true }).click();
      await demo.getByLabel('Conversation state').getByText('status done · 2 turns').waitFor({ timeout });
      const answer = demo.locator('article[data-role="assistant"]');
      const first = (await answer.textContent()) ?? '';
      if (!/hello|hi there|hey/i.test(first)) throw new Error(`"hello" was answered with: ${first}`);
      await demo.getByRole('button', { name: 'Regenerate' }).click();
      await demo.getByText('answer 2 of 2').waitFor({ timeout });
      await demo.getByLabel('Conversation state').getByText('status done · 2 turns').waitFor({ timeout });
      const second = (await answer.textContent()) ?? '';
      if (second === first) throw new Error(`Regenerate gave the same answer: ${second}`);
    },
  },
  {
    name: 'Stored completions hooks: list, open, detail',
    async run(page, base) {
      await open(page, base, 'hooks-stored-completions--docs');
      const demo = page.getByRole('region', { name: 'Stored completions demo' });
      const rows = demo.locator('[data-slot="open-stored"]');
      const firstRow = rows.first();
      await firstRow.waitFor({ timeout });
      const ids = await rows.allTextContents();
      if (new Set(ids).size !== ids.length) throw new Error(`the list repeats rows: ${ids.join(', ')}`);
      await firstRow.click({ timeout });
      await demo.locator('[data-slot="stored-detail"]').waitFor({ timeout });
    },
  },
];
