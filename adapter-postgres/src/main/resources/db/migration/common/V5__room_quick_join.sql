-- Whether a join of a name nobody had taken made the room, rather than a deliberate creation (REST, CLI, import).
-- Such a room is deleted by housekeeping while it is public, has no message and nobody has been in it for a while.
-- Rooms that predate the column count as created deliberately, so none of them ever expires.
ALTER TABLE rooms ADD COLUMN quick_join BOOLEAN DEFAULT FALSE NOT NULL;
