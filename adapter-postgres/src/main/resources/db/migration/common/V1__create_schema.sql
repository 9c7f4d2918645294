-- Users, rooms and each room's message history. Portable SQL: it runs as is on PostgreSQL and on H2 in
-- PostgreSQL mode; a migration only one engine needs goes into db/migration/<engine> with a version
-- number no other folder uses.
--
-- The domain limits lengths in code points; these columns are sized for H2, which counts UTF-16 units
-- (an emoji is two), with room to spare, so that they only stop what the domain would have refused.
-- *_key columns hold the lower-cased name that uniqueness and look-ups go by; the name beside it keeps
-- the spelling the user chose.

CREATE TABLE users (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      VARCHAR(100)             NOT NULL,
    username_key  VARCHAR(100)             NOT NULL,
    password_hash VARCHAR(1000)            NOT NULL,
    email         VARCHAR(1000)            NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT users_username_key_uq UNIQUE (username_key)
);

CREATE TABLE rooms (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          VARCHAR(100)             NOT NULL,
    name_key      VARCHAR(100)             NOT NULL,
    description   VARCHAR(1000)            NOT NULL,
    creator       VARCHAR(100)             NOT NULL,
    password_hash VARCHAR(1000),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the seq of the room's newest message; appends increment it under the row lock
    last_seq      BIGINT                   NOT NULL DEFAULT 0,
    CONSTRAINT rooms_name_key_uq UNIQUE (name_key),
    CONSTRAINT rooms_last_seq_ck CHECK (last_seq >= 0)
);

CREATE TABLE messages (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    room_id       BIGINT                   NOT NULL,
    seq           BIGINT                   NOT NULL,
    author        VARCHAR(100)             NOT NULL,
    author_key    VARCHAR(300)             NOT NULL,
    temp_id       VARCHAR(300)             NOT NULL,
    text          VARCHAR(2000)            NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT messages_room_fk FOREIGN KEY (room_id) REFERENCES rooms (id),
    CONSTRAINT messages_seq_ck CHECK (seq >= 1),
    -- also the index that pages a room's history by seq (latest, before, after)
    CONSTRAINT messages_room_seq_uq UNIQUE (room_id, seq),
    -- makes a retried send idempotent
    CONSTRAINT messages_room_author_temp_id_uq UNIQUE (room_id, author_key, temp_id)
);
