// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Composer } from './Composer';

afterEach(cleanup);

function renderComposer(onSend = vi.fn(() => true), onTyping = vi.fn()) {
  render(<Composer roomName="lobby" disabled={false} onSend={onSend} onTyping={onTyping} />);
  const box = screen.getByLabelText('Message #lobby') as HTMLTextAreaElement;
  return { box, onSend, onTyping };
}

describe('Composer', () => {
  it('sends on Enter and clears the box', () => {
    const { box, onSend } = renderComposer();
    fireEvent.change(box, { target: { value: 'hello' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('hello');
    expect(box.value).toBe('');
  });

  it('keeps Shift+Enter for a new line', () => {
    const { box, onSend } = renderComposer();
    fireEvent.change(box, { target: { value: 'line one' } });
    const event = fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(event).toBe(true); // not prevented: the browser inserts the newline
    expect(onSend).not.toHaveBeenCalled();
  });

  it('does not send blank text', () => {
    const { box, onSend } = renderComposer();
    fireEvent.change(box, { target: { value: '   ' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
    expect((screen.getByRole('button', { name: 'Send message' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a counter only near the limit and blocks sending over it', () => {
    const { box, onSend } = renderComposer();
    fireEvent.change(box, { target: { value: 'x'.repeat(399) } });
    expect(screen.queryByText('101')).toBeNull();
    fireEvent.change(box, { target: { value: 'x'.repeat(450) } });
    expect(screen.getByText('50 characters left')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'x'.repeat(503) } });
    expect(screen.getByText('3 characters over the limit')).toBeTruthy();
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
    expect(box.getAttribute('aria-invalid')).toBe('true');
  });

  it('tells the room when typing starts and when it stops', () => {
    vi.useFakeTimers();
    try {
      const { box, onTyping } = renderComposer();
      fireEvent.change(box, { target: { value: 'h' } });
      fireEvent.change(box, { target: { value: 'he' } });
      expect(onTyping.mock.calls).toEqual([[true]]);
      act(() => {
        vi.advanceTimersByTime(3_100);
      });
      expect(onTyping.mock.calls).toEqual([[true], [false]]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('inserts a picked emoji into the text', () => {
    const { box } = renderComposer();
    fireEvent.change(box, { target: { value: 'hi ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Insert emoji' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Gestures' }));
    fireEvent.click(screen.getByRole('button', { name: 'waving hand' }));
    expect(box.value).toBe('hi 👋');
    expect(screen.queryByRole('dialog', { name: 'Emoji' })).toBeNull();
  });
});

describe('Composer mentions and replies', () => {
  function renderWith(props: Partial<Parameters<typeof Composer>[0]> = {}) {
    const onSend = vi.fn(() => true);
    render(<Composer roomName="lobby" disabled={false} onSend={onSend} onTyping={() => {}} members={['alice', 'bob', 'bella', 'carol']} me="alice" {...props} />);
    const box = screen.getByLabelText('Message #lobby') as HTMLTextAreaElement;
    const type = (value: string) => fireEvent.change(box, { target: { value, selectionStart: value.length } });
    return { box, onSend, type };
  }

  it('suggests members after @ and completes with the keyboard', () => {
    const { box, onSend, type } = renderWith();
    type('hi @b');
    const list = screen.getByRole('listbox', { name: 'Mention a member' });
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['@bella', '@bob']);
    expect(box.getAttribute('aria-activedescendant')).toBe(within(list).getAllByRole('option')[0]!.id);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(within(list).getAllByRole('option')[1]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(box.value).toBe('hi @bob ');
    expect(onSend).not.toHaveBeenCalled(); // Enter picked the name, it did not send
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('completes with Tab, leaves me out, and closes on Escape', () => {
    const { box, onSend, type } = renderWith();
    type('@a');
    expect(screen.queryByRole('listbox')).toBeNull(); // only me starts with "a"
    type('@c');
    fireEvent.keyDown(box, { key: 'Tab' });
    expect(box.value).toBe('@carol ');
    type('@carol and @b');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    fireEvent.keyDown(box, { key: 'Enter' }); // with the list closed, Enter sends
    expect(onSend).toHaveBeenCalledWith('@carol and @b');
  });

  it('shows the message being answered, and Escape lets it go', () => {
    const onCancelReply = vi.fn();
    const { box } = renderWith({ replyTo: { seq: 4, user: 'bob', text: 'lunch?' }, onCancelReply });
    expect(screen.getByTestId('composer-reply').textContent).toContain('Replying to bob: lunch?');
    expect(document.activeElement).toBe(box);
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(onCancelReply).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel reply' }));
    expect(onCancelReply).toHaveBeenCalledTimes(2);
  });
});
