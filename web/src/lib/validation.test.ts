import { describe, expect, it } from 'vitest';
import {
  codePointLength,
  messageCharactersLeft,
  normaliseRoomName,
  roomKey,
  strip,
  validateDescription,
  validateMessage,
  validateName,
  validateOptionalPassword,
  validatePassword,
  validateRoomName,
} from './validation';

describe('name rules (3..20 letters, digits, _ or -)', () => {
  it.each(['bob', 'alice_1', 'x-y-z', 'ÅsaÖberg', 'Łukasz', 'a'.repeat(20), '  padded  '])('accepts %j', (name) => {
    expect(validateName(name)).toBeNull();
  });

  it('says when a name is too short or too long', () => {
    expect(validateName('ab')).toMatch(/too short.*3/);
    expect(validateName('a'.repeat(21))).toMatch(/too long.*20/);
  });

  it.each(['al ice', 'bob!', 'hi<b>', 'emoji😀x', 'tab\tname'])('refuses characters outside the rules in %j', (name) => {
    expect(validateName(name)).toMatch(/letters, digits, _ and -/);
  });

  it('asks for a name when empty', () => {
    expect(validateName('   ')).toBe('Enter a name.');
  });
});

describe('password rules (at least 6)', () => {
  it('accepts 6 and refuses 5 characters', () => {
    expect(validatePassword('secret')).toBeNull();
    expect(validatePassword('short')).toMatch(/at least 6/);
    expect(validatePassword('')).toBe('Enter a password.');
  });

  it('accepts a 64-character passphrase', () => {
    expect(validatePassword('p'.repeat(64))).toBeNull();
  });

  it('counts code points, so 6 emoji are 6 characters', () => {
    expect(validatePassword('😀😀😀😀😀😀')).toBeNull();
    expect(validatePassword('😀😀😀')).not.toBeNull();
  });

  it('lets a room be public with no password, but not with a short one', () => {
    expect(validateOptionalPassword('')).toBeNull();
    expect(validateOptionalPassword('abc')).toMatch(/at least 6/);
  });
});

describe('room name rules (1..30 after trimming)', () => {
  it('accepts up to 30 characters after trimming', () => {
    expect(validateRoomName(`  ${'r'.repeat(30)}  `)).toBeNull();
    expect(validateRoomName('r'.repeat(31))).toMatch(/at most 30/);
  });

  it('asks for a name when only spaces are given', () => {
    expect(validateRoomName('    ')).toBe('Enter a room name.');
  });

  it('refuses control characters', () => {
    expect(validateRoomName('bad\u0007room')).toMatch(/control characters/);
    expect(validateRoomName('two\nlines')).toMatch(/control characters/);
  });

  it('normalises like the server: trims and folds inner spaces', () => {
    expect(normaliseRoomName('  coffee    break ')).toBe('coffee break');
  });

  it('keys a room as the server compares names: stripped, inner runs folded, lower-cased', () => {
    expect(roomKey('  Coffee    Break ')).toBe('coffee break');
    expect(roomKey('a  b')).toBe(roomKey('A b'));
    expect(roomKey('\u2003lobby\u3000')).toBe('lobby'); // Java's strip() takes Unicode spaces off the ends
    expect(roomKey('a\u00a0b')).not.toBe(roomKey('a b')); // a no-break space inside is part of the name
  });
});

describe('description rules', () => {
  it('allows 200 characters and refuses 201', () => {
    expect(validateDescription('d'.repeat(200))).toBeNull();
    expect(validateDescription('d'.repeat(201))).toMatch(/at most 200/);
    expect(validateDescription('line one\nline two')).toBeNull();
  });
});

describe('message rules (1..500 code points after trimming)', () => {
  it('refuses an empty or blank message', () => {
    expect(validateMessage('')).not.toBeNull();
    expect(validateMessage(' \n\t ')).not.toBeNull();
  });

  it('accepts exactly 500 characters and refuses 501', () => {
    expect(validateMessage('m'.repeat(500))).toBeNull();
    expect(validateMessage('m'.repeat(501))).toMatch(/1 characters over the 500 limit/);
  });

  it('counts an emoji once', () => {
    expect(codePointLength('👋')).toBe(1);
    expect(validateMessage('👋'.repeat(500))).toBeNull();
    expect(messageCharactersLeft('👋'.repeat(480))).toBe(20);
  });

  it('ignores surrounding white space when counting', () => {
    expect(validateMessage(`   ${'m'.repeat(500)}   `)).toBeNull();
    expect(messageCharactersLeft('  abc  ')).toBe(497);
  });

  it('allows newlines and tabs but no other control characters', () => {
    expect(validateMessage('a\nb\tc')).toBeNull();
    expect(validateMessage('a\u0000b')).not.toBeNull();
    expect(validateMessage('a\u001bb')).not.toBeNull();
  });

  it('trims the way the server does, keeping no-break spaces', () => {
    expect(strip('\u2003 hi \n')).toBe('hi');
    expect(strip('\u00a0hi')).toBe('\u00a0hi');
  });
});
