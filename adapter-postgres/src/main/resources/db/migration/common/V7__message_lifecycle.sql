-- v2: each room's revision, and each message's current state (edits, deletion, reactions, reply, mentions); read
-- markers. Every change of a room's history takes the next rev from rooms.last_rev under the room's row lock, in the
-- transaction of the change, so revs have no gaps and no repeats on any instance. A message's rev is its latest change.
-- Messages stored before this migration were never changed: their rev is their seq.

ALTER TABLE rooms ADD COLUMN last_rev BIGINT DEFAULT 0 NOT NULL;
UPDATE rooms SET last_rev = last_seq;

ALTER TABLE messages ADD COLUMN rev BIGINT;
UPDATE messages SET rev = seq;
ALTER TABLE messages ALTER COLUMN rev SET NOT NULL;
-- also the index that recovery (join with sinceRev) and gap filling page by
CREATE UNIQUE INDEX messages_room_rev_uq ON messages (room_id, rev);

ALTER TABLE messages ADD COLUMN edited_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE messages ADD COLUMN deleted BOOLEAN DEFAULT FALSE NOT NULL;
-- the seq of the message this one answers (its quote is read from that message as it is now)
ALTER TABLE messages ADD COLUMN reply_to BIGINT;
-- one line per emoji, in the order listed: the emoji, then its users in the order they reacted, space-separated
-- (neither an emoji nor a username holds whitespace); NULL for none
ALTER TABLE messages ADD COLUMN reactions VARCHAR(1000000);
-- the mentioned usernames as registered, space-separated; NULL for none
ALTER TABLE messages ADD COLUMN mentions VARCHAR(1000);

CREATE TABLE read_markers (
    room_id    BIGINT       NOT NULL,
    reader_key VARCHAR(300) NOT NULL,
    seq        BIGINT       NOT NULL,
    CONSTRAINT read_markers_pk PRIMARY KEY (room_id, reader_key),
    CONSTRAINT read_markers_room_fk FOREIGN KEY (room_id) REFERENCES rooms (id)
);
