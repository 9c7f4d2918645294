-- Login sessions, known only by the SHA-256 of their bearer token. identity_key tells identities apart
-- (user:<name> for accounts, guest:<id> for guests) so one account's sessions can be ended at once.
CREATE TABLE sessions (
    token_hash    VARCHAR(64)              NOT NULL PRIMARY KEY,
    identity_key  VARCHAR(300)             NOT NULL,
    username      VARCHAR(100)             NOT NULL,
    guest         BOOLEAN                  NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX sessions_identity_idx ON sessions (identity_key);
CREATE INDEX sessions_expiry_idx ON sessions (expires_at);
