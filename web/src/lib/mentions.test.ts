import { describe, expect, it } from 'vitest';
import { completeMention, mentionQuery, mentionsUser, splitMentions, suggestMembers } from './mentions';

describe('mentions', () => {
  it('finds the mentioned names as written, not inside words or longer names', () => {
    expect(splitMentions('hi @Alice, mail a@alice or @alice_x @bob', ['alice', 'bob'])).toEqual([
      { kind: 'text', text: 'hi ' },
      { kind: 'mention', text: '@Alice', name: 'alice' },
      { kind: 'text', text: ', mail a@alice or @alice_x ' },
      { kind: 'mention', text: '@bob', name: 'bob' },
    ]);
    expect(splitMentions('no names', [])).toEqual([{ kind: 'text', text: 'no names' }]);
  });

  it('sees the name being typed after an @ before the caret', () => {
    expect(mentionQuery('hey @al', 7)).toEqual({ start: 4, query: 'al' });
    expect(mentionQuery('hey @', 5)).toEqual({ start: 4, query: '' });
    expect(mentionQuery('mail a@al', 9)).toBeNull();
    expect(mentionQuery('@al and more', 12)).toBeNull();
  });

  it('suggests members by prefix, without me, sorted', () => {
    expect(suggestMembers(['bob', 'Alice', 'alex', 'carol', 'alice'], 'al', 'alex')).toEqual(['Alice']);
    expect(suggestMembers(['bob', 'carol'], '', 'alice')).toEqual(['bob', 'carol']);
  });

  it('completes the name and puts the caret after a space', () => {
    expect(completeMention('hey @al', 7, 'alice')).toEqual({ text: 'hey @alice ', caret: 11 });
    expect(completeMention('hey @al there', 7, 'alice')).toEqual({ text: 'hey @alice there', caret: 10 });
  });

  it('tells whether I am mentioned, ignoring case', () => {
    expect(mentionsUser(['Alice'], 'alice')).toBe(true);
    expect(mentionsUser(['bob'], 'alice')).toBe(false);
  });
});
