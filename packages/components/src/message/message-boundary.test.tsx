import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Message } from './message.tsx';

describe('Message error boundary', () => {
  afterEach(cleanup);

  it('shows one failing message as a compact error and keeps the others', () => {
    // A fake fault: no hostile input is known to make a message throw any more, so a throwing
    // renderText stands in for the next one found.
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = () => {
      throw new Error('boom');
    };
    render(
      <>
        <Message message={{ role: 'user', content: 'first' }} renderText={broken} />
        <Message message={{ role: 'user', content: 'second' }} />
      </>,
    );
    expect(screen.getByRole('alert').textContent).toBe('This message could not be shown.');
    expect(screen.getByText('second')).toBeTruthy();
    spy.mockRestore();
  });

  it('tries again when the message changes', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const renderText = (text: string) => {
      if (text === 'bad') throw new Error('boom');
      return text;
    };
    const { rerender } = render(<Message message={{ role: 'user', content: 'bad' }} renderText={renderText} />);
    expect(screen.queryByRole('alert')).toBeTruthy();
    rerender(<Message message={{ role: 'user', content: 'good' }} renderText={renderText} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('good')).toBeTruthy();
    spy.mockRestore();
  });
});
