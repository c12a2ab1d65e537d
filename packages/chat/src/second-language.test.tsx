import { defaultMessageLabels } from '@completions-kit/components';
import { defaultChatLabels } from '@completions-kit/components/chat';
import { createChatCompletionsClient } from '@completions-kit/core';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { frenchLabels } from '../../../examples/chat/src/labels-fr.ts';
import { Chat } from './chat.tsx';

// The real local server (the hooks' global setup); the French labels are the example's own file.
const client = () => createChatCompletionsClient({ baseURL: inject('serverUrl'), maxRetries: 0 });
const params = { max_completion_tokens: 12, logit_bias: { '199999': -100 } };

afterEach(() => {
  cleanup();
  localStorage.clear();
});

/** Every English string the kit would show, each label function called with sample values. */
function englishStrings(): string[] {
  const found: string[] = [];
  const samples: unknown[][] = [['report.pdf', 10 * 1024 * 1024], ['Paris'], [3, 4], ['prompt'], ['cached']];
  for (const value of Object.values({ ...defaultChatLabels, ...defaultMessageLabels })) {
    if (typeof value === 'string') found.push(value);
    else if (typeof value === 'function')
      for (const args of samples) {
        try {
          const text = (value as (...values: unknown[]) => unknown)(...args);
          if (typeof text === 'string') found.push(text);
        } catch {}
      }
  }
  // Words French shares (Conversation, Sources, Suggestions, audio) and the role names are not English alone.
  const shared = new Set(Object.values(frenchLabels).filter((value) => typeof value === 'string'));
  return [...new Set(found)].filter((text) => text.length > 3 && !shared.has(text) && !/^[a-z_]+$/.test(text));
}

/** What the reader sees or hears of the chat's own words: text, names, tooltips, placeholders. */
function chrome(root: HTMLElement): string[] {
  const seen: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // The model's answer and the reader's own words are not the kit's strings.
    const element = node instanceof Element ? node : node.parentElement;
    if (element?.closest('[data-slot="markdown"], [data-slot="message-text"], [data-slot="thread-list-item"]'))
      continue;
    if (node.nodeType === Node.TEXT_NODE) seen.push(node.textContent ?? '');
    else
      for (const name of ['aria-label', 'title', 'placeholder', 'alt'])
        seen.push((node as Element).getAttribute(name) ?? '');
  }
  return seen.map((text) => text.trim()).filter(Boolean);
}

describe('the chat in a second language', () => {
  it("shows no English once the example's French labels are applied, and writes numbers and dates in French", async () => {
    const view = render(
      <Chat
        client={client()}
        model="ck-local-ngram"
        params={params}
        labels={frenchLabels}
        locale="fr-FR"
        starters={['Qu’est-ce qu’un jeton ?']}
        onFeedback={() => undefined}
        followUps={() => ['Et ensuite ?']}
      />,
    );
    const container = view.container as HTMLElement;
    expect(container.querySelector('[data-slot="chat"]')?.getAttribute('lang')).toBe('fr-FR');
    const english = englishStrings();
    // The default strings, and common English words in case a string is written into a part, not the labels.
    const words =
      /\b(the|and|with|from|this|that|your|tokens?|answer|show|more|copy|edit|send|stop|retry|cost|model|created|usage|loading)\b/i;
    const leftOver = () =>
      chrome(container).filter((text) => words.test(text) || english.some((phrase) => text.includes(phrase)));
    expect(leftOver()).toEqual([]);

    const input = screen.getByRole('textbox', { name: 'Votre message' });
    fireEvent.change(input, { target: { value: 'Bonjour' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await screen.findByRole('list', { name: 'Questions de relance' }, { timeout: 10_000 });
    const usage = await screen.findByRole('button', { name: /^\d+ jetons$/ });
    fireEvent.click(usage);
    const details = await screen.findByRole('region', { name: 'Utilisation et coût' });
    expect(within(details).getByText('Total des jetons')).toBeTruthy();
    // The date in French (a French month), in UTC.
    expect(details.querySelector('[data-slot="usage-created"] time')?.textContent).toMatch(
      /(janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)\.? \d{4}.* UTC$/,
    );
    await waitFor(() => expect(screen.getByRole('button', { name: 'Bonne réponse' })).toBeTruthy());
    expect(leftOver()).toEqual([]);
  });
});
