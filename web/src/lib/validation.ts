// Mirrors of the server's input rules (docs/PROTOCOL.md "Limits"), so mistakes show while typing.
// Each validator returns a sentence describing the problem, or null when the value is acceptable.
// Lengths are in Unicode code points, as on the server: an emoji counts once.

export const NAME_MIN = 3;
export const NAME_MAX = 20;
export const PASSWORD_MIN = 6;
export const PASSWORD_MAX = 1024;
export const ROOM_NAME_MAX = 30;
export const DESCRIPTION_MAX = 200;
export const MESSAGE_MAX = 500;

/** The white space Java's String.strip() removes (Character.isWhitespace; no-break spaces stay). */
const JAVA_WHITESPACE = '\\t\\n\\u000B\\f\\r\\u001C-\\u001F \\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000';
const LEADING = new RegExp(`^[${JAVA_WHITESPACE}]+`);
const TRAILING = new RegExp(`[${JAVA_WHITESPACE}]+$`);
const NAME_PATTERN = /^[\p{L}\p{Nd}_-]+$/u;
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_NEWLINE_AND_TAB = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Trims like the server (Java's String.strip()). */
export function strip(value: string): string {
  return value.replace(LEADING, '').replace(TRAILING, '');
}

/** Length in Unicode code points. */
export function codePointLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** A user name or guest display name: 3..20 letters, digits, `_` or `-`. */
export function validateName(raw: string): string | null {
  const value = strip(raw);
  if (value === '') return 'Enter a name.';
  const length = codePointLength(value);
  if (!NAME_PATTERN.test(value)) return 'Use only letters, digits, _ and - (no spaces).';
  if (length < NAME_MIN) return `The name is too short: at least ${NAME_MIN} characters.`;
  if (length > NAME_MAX) return `The name is too long: at most ${NAME_MAX} characters.`;
  return null;
}

/** An account or room password: at least 6 characters. */
export function validatePassword(value: string): string | null {
  if (value === '') return 'Enter a password.';
  const length = codePointLength(value);
  if (length < PASSWORD_MIN) return `The password needs at least ${PASSWORD_MIN} characters.`;
  if (length > PASSWORD_MAX) return `The password can have at most ${PASSWORD_MAX} characters.`;
  return null;
}

/** An optional room password: empty means a public room. */
export function validateOptionalPassword(value: string): string | null {
  return value === '' ? null : validatePassword(value);
}

/** The room name the server will store: trimmed, inner runs of spaces folded to one. */
export function normaliseRoomName(raw: string): string {
  return strip(raw).replace(/[ \t\n\u000B\f\r]+/g, ' ');
}

/**
 * The key a room is known by, as the server compares names (its RoomName): stripped, inner white space
 * folded to one space, lower-cased. "Lobby", " lobby " and "lob  by" ask for "lobby", "lobby", "lob by".
 */
export function roomKey(name: string): string {
  return normaliseRoomName(name).toLowerCase();
}

/** A room name: 1..30 characters after trimming, no control characters. */
export function validateRoomName(raw: string): string | null {
  if (CONTROL.test(raw) || LONE_SURROGATE.test(raw)) return 'The room name cannot contain control characters.';
  const value = normaliseRoomName(raw);
  if (value === '') return 'Enter a room name.';
  if (codePointLength(value) > ROOM_NAME_MAX) return `The room name can have at most ${ROOM_NAME_MAX} characters.`;
  return null;
}

/** A room description: optional, at most 200 characters. */
export function validateDescription(raw: string): string | null {
  if (CONTROL_BUT_NEWLINE_AND_TAB.test(raw) || LONE_SURROGATE.test(raw)) {
    return 'The description cannot contain control characters.';
  }
  if (codePointLength(strip(raw)) > DESCRIPTION_MAX) {
    return `The description can have at most ${DESCRIPTION_MAX} characters.`;
  }
  return null;
}

/** Message text: 1..500 characters after trimming; newlines and tabs are fine, other control characters are not. */
export function validateMessage(raw: string): string | null {
  const value = strip(raw);
  if (value === '') return 'Write something first.';
  if (CONTROL_BUT_NEWLINE_AND_TAB.test(value) || LONE_SURROGATE.test(value)) {
    return 'The message contains characters that cannot be sent.';
  }
  const length = codePointLength(value);
  if (length > MESSAGE_MAX) return `The message is ${length - MESSAGE_MAX} characters over the ${MESSAGE_MAX} limit.`;
  return null;
}

/** Characters left before the message limit (negative when over), counting the text as the server will. */
export function messageCharactersLeft(raw: string): number {
  return MESSAGE_MAX - codePointLength(strip(raw));
}
