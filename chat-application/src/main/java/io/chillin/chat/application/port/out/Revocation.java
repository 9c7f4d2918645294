package io.chillin.chat.application.port.out;

/**
 * A store's record that it ended one session ({@code tokenHash}) or every session of an identity
 * ({@code identityKey}): what the instances holding live connections of it must learn. {@code number} counts
 * a store's revocations from 1 without gaps, in the order they became visible.
 */
public record Revocation(long number, String tokenHash, String identityKey) {

    public Revocation {
        if ((tokenHash == null) == (identityKey == null)) {
            throw new IllegalArgumentException("a revocation ends one session or one identity's sessions");
        }
        if (number < 1) {
            throw new IllegalArgumentException("revocations are numbered from 1");
        }
    }

    public static Revocation ofSession(long number, String tokenHash) {
        return new Revocation(number, tokenHash, null);
    }

    public static Revocation ofIdentity(long number, String identityKey) {
        return new Revocation(number, null, identityKey);
    }

    /** Whether this ends the session of that token hash, held by that identity. */
    public boolean ends(String sessionTokenHash, String sessionIdentityKey) {
        return tokenHash != null ? tokenHash.equals(sessionTokenHash) : identityKey.equals(sessionIdentityKey);
    }
}
