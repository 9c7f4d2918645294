-- Ended sessions, numbered without gaps, so that every server instance (and the admin CLI working on the same
-- database) can close the live connections of a session or of an identity soon after it ends. Either
-- token_hash (one session) or identity_key (all of an identity's sessions) is set. The single counter row is
-- updated in the transaction that writes a revocation: its row lock makes numbers become visible in order.
CREATE TABLE session_revocations (
    number        BIGINT                   NOT NULL PRIMARY KEY,
    token_hash    VARCHAR(64),
    identity_key  VARCHAR(300),
    revoked_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE session_revocation_counter (
    id    INT    NOT NULL PRIMARY KEY,
    last  BIGINT NOT NULL
);

INSERT INTO session_revocation_counter (id, last) VALUES (1, 0);
