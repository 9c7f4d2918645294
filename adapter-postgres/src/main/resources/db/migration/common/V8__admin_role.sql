-- The admin role: who may use the admin REST API. Granted and taken back with the CLI (users grant-admin NAME).
ALTER TABLE users ADD COLUMN is_admin BOOLEAN DEFAULT FALSE NOT NULL;
