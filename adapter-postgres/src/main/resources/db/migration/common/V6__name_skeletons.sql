-- What each user and room name looks like: its case-folded Unicode TR39 skeleton (Username.skeleton(),
-- RoomName.skeleton()). No two rows of a table share one, so a new name that could pass for a stored one
-- ("ѕсоре" in Cyrillic for "scope", "SC0PE") is refused like a taken name. Written with the row; rows from
-- before this column get theirs from NameSkeletons each time the database is opened, oldest first. A row
-- whose skeleton an older row already holds keeps NULL (a look-alike kept from before the rule), which a
-- unique index allows any number of times on both engines.
--
-- Sized for the longest skeleton the domain allows (30 characters of a room name, each mapping to at most
-- 18), with room to spare.
ALTER TABLE users ADD COLUMN name_skeleton VARCHAR(1000);
ALTER TABLE rooms ADD COLUMN name_skeleton VARCHAR(1000);
CREATE UNIQUE INDEX users_name_skeleton_uq ON users (name_skeleton);
CREATE UNIQUE INDEX rooms_name_skeleton_uq ON rooms (name_skeleton);
