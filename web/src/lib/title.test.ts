import { describe, expect, it } from 'vitest';
import { pageTitle } from './title';

describe('pageTitle', () => {
  it('puts the unread count, and the mentions among them, in front', () => {
    expect(pageTitle('#lobby · Chillin', { unread: 0, mentions: 0 })).toBe('#lobby · Chillin');
    expect(pageTitle('#lobby · Chillin', { unread: 3, mentions: 0 })).toBe('(3) #lobby · Chillin');
    expect(pageTitle('Chillin Chatroom', { unread: 3, mentions: 1 })).toBe('(3 · @1) Chillin Chatroom');
  });
});
