import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown } from './markdown.tsx';

const pause = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('Markdown with a long text', () => {
  afterEach(cleanup);

  it('lays out a slice per task, then stops at the shown limit with a Show more button', async () => {
    const text = 'A *short* paragraph.\n\n'.repeat(6000);
    const { container } = render(<Markdown text={text} />);
    const root = container.querySelector('[data-slot="markdown"]') as HTMLElement;
    expect(root.hasAttribute('data-pending')).toBe(true);
    for (let slice = 0; slice < 500 && root.hasAttribute('data-pending'); slice++) await pause();
    expect(root.hasAttribute('data-pending')).toBe(false);
    const shown = container.querySelectorAll('p').length;
    expect(shown).toBeGreaterThan(2000);
    expect(shown).toBeLessThan(6000);
    fireEvent.click(screen.getByRole('button', { name: /^Show more/ }));
    for (let slice = 0; slice < 500 && root.hasAttribute('data-pending'); slice++) await pause();
    expect(container.querySelectorAll('p').length).toBeGreaterThan(shown);
  }, 60_000);

  it('shows a 10,000-deep quote as a too-deep block, and the text', () => {
    render(<Markdown text={`${'>'.repeat(10_000)} deep`} />);
    // The one long line is lexed in pieces: each shows as its own too-deep block.
    const blocks = screen.getAllByText('[nested too deep to lay out]');
    expect(blocks.at(-1)?.parentElement?.textContent).toContain('deep');
  });
});
