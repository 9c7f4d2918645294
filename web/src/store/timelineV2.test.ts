import { describe, expect, it } from 'vitest';
import type { WireMessage } from '../api/types';
import { emptyTimeline, quoteOf, timelineReducer, type Timeline, type TimelineAction } from './timeline';
import { v2Message } from '../testing/messages';

const at = (s: number) => new Date(Date.UTC(2025, 0, 1, 12, 0, s)).toISOString();

/** A v2 message: rev equals seq unless given. */
function msg(seq: number, extra: Partial<WireMessage> = {}): WireMessage {
  return v2Message(seq, { id: 1000 + seq, timestamp: at(seq), ...extra });
}

const apply = (state: Timeline, ...actions: TimelineAction[]) => actions.reduce(timelineReducer, state);
const received = (m: WireMessage): TimelineAction => ({ type: 'received', message: m });
const updated = (m: WireMessage): TimelineAction => ({ type: 'updated', message: m });

describe('timeline with the v2 message lifecycle', () => {
  it('replaces a message by seq with a copy of a newer rev', () => {
    const t = apply(emptyTimeline, received(msg(1)), updated(msg(1, { rev: 5, text: 'fixed', editedAt: at(9) })));
    expect(t.items).toHaveLength(1);
    expect(t.items[0]).toMatchObject({ seq: 1, text: 'fixed', rev: 5, editedAt: at(9), key: 'msg:1001' });
  });

  it('ignores a stale or repeated rev', () => {
    const edited = apply(emptyTimeline, received(msg(1)), updated(msg(1, { rev: 5, text: 'fixed' })));
    expect(apply(edited, updated(msg(1, { rev: 5, text: 'again' })))).toBe(edited);
    expect(apply(edited, updated(msg(1, { rev: 3, text: 'older' })))).toBe(edited);
    expect(apply(edited, received(msg(1, { rev: 1 })))).toBe(edited);
  });

  it('never adds a message from messageUpdated alone', () => {
    expect(apply(emptyTimeline, updated(msg(4, { rev: 9 })))).toBe(emptyTimeline);
  });

  it('shows a delete and the reactions the server lists', () => {
    const reactions = [{ emoji: '👍', count: 2, users: ['alice', 'carol'] }];
    const t = apply(emptyTimeline, received(msg(1)), updated(msg(1, { rev: 2, reactions })), updated(msg(1, { rev: 3, deleted: true, text: '', reactions: [] })));
    expect(t.items[0]).toMatchObject({ deleted: true, text: '', reactions: [] });
  });

  it('updates the quote of every reply when the answered message is edited or deleted', () => {
    const reply = msg(2, { user: 'carol', replyTo: { seq: 1, user: 'bob', text: 'message 1' } });
    let t = apply(emptyTimeline, received(msg(1)), received(reply));
    const long = 'é'.repeat(60) + '😀'.repeat(60);
    t = apply(t, updated(msg(1, { rev: 3, text: long })));
    expect(t.items[1]!.replyTo).toEqual({ seq: 1, user: 'bob', text: 'é'.repeat(60) + '😀'.repeat(40) });
    expect(Array.from(t.items[1]!.replyTo!.text)).toHaveLength(100);
    expect(t.items[1]!.rev).toBe(2); // the reply itself did not change
    t = apply(t, updated(msg(1, { rev: 4, deleted: true, text: '' })));
    expect(t.items[1]!.replyTo!.text).toBe('');
  });

  it('quotes a message as its first 100 code points, nothing once deleted', () => {
    expect(quoteOf({ text: 'x'.repeat(150), deleted: false })).toHaveLength(100);
    expect(quoteOf({ text: 'gone', deleted: true })).toBe('');
  });

  it('applies a resume by rev by seq: changed old messages in place, new ones after, unloaded ones left out', () => {
    // the latest page: 11..12 of a longer room
    let t = apply(emptyTimeline, { type: 'history', messages: [msg(11), msg(12)], hasMore: true, mode: 'latest' });
    t = apply(t, {
      type: 'history',
      mode: 'resume',
      hasMore: false,
      messages: [msg(3, { rev: 13, text: 'old, edited' }), msg(11, { rev: 14, text: 'edited' }), msg(13, { rev: 15 })],
    });
    expect(t.items.map((i) => [i.seq, i.text])).toEqual([
      [11, 'edited'],
      [12, 'message 12'],
      [13, 'message 13'],
    ]);
    expect(t.oldestSeq).toBe(11);
    expect(t.lastSeq).toBe(13);
  });

  it('a confirmed send takes the v2 fields of its message when it arrives', () => {
    const t = apply(
      emptyTimeline,
      { type: 'local', tempId: 't1', user: 'alice', text: 'hi @bob', timestamp: at(1), online: true, replyTo: { seq: 1, user: 'bob', text: 'q' } },
      { type: 'confirmed', tempId: 't1', id: 7, seq: 2, timestamp: at(2) },
      received(msg(2, { id: 7, user: 'alice', text: 'hi @bob', tempId: 't1', mentions: ['bob'], replyTo: { seq: 1, user: 'bob', text: 'q' } })),
    );
    expect(t.items).toHaveLength(1);
    expect(t.items[0]).toMatchObject({ key: 'tmp:t1', rev: 2, mentions: ['bob'], status: 'sent' });
  });
});
