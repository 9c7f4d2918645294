-- When each session's token was made: a guest has no account row, so this is its creation time.
-- Sessions that predate the column are dated to the migration.
ALTER TABLE sessions ADD COLUMN created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL;
