package io.chillin.chat.adapter.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chillin.chat.application.port.out.Revocation;
import io.chillin.chat.application.port.out.Session;
import io.chillin.chat.application.port.out.SessionStore;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.Username;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sessions as Redis keys that expire by themselves at the session's expiry; a set per identity lets
 * "log out everywhere" end them all. Every instance sees a logout at once. Revocations are a sorted set scored by
 * their number, the number from a counter that the same script increments, so they become visible in order.
 */
public final class RedisSessionStore implements SessionStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LEGACY_LIFETIME = Duration.ofHours(24);

    /** KEYS: counter, revocations; ARGV: "s <token hash>" or "i <identity key>", how many to keep. */
    private static final LuaScript REVOKE = new LuaScript("""
            local number = redis.call('INCR', KEYS[1])
            redis.call('ZADD', KEYS[2], number, number .. ' ' .. ARGV[1])
            redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -(tonumber(ARGV[2]) + 1))
            return number
            """);

    private final Redis redis;

    public RedisSessionStore(Redis redis) {
        this.redis = redis;
    }

    private String sessionKey(String tokenHash) {
        return redis.key("session", tokenHash);
    }

    private String identityIndex(String identityKey) {
        return redis.key("sessions-of", identityKey);
    }

    @Override
    public void save(Session session) {
        write(session, false);
    }

    private void write(Session session, boolean onlyIfPresent) {
        Identity identity = session.identity();
        String value = JSON.createObjectNode()
                .put("name", identity.name().value())
                .put("guest", identity.guest())
                .put("key", identity.key())
                .put("createdAt", session.createdAt().toEpochMilli())
                .put("expiresAt", session.expiresAt().toEpochMilli())
                .toString();
        SetArgs args = SetArgs.Builder.pxAt(session.expiresAt().toEpochMilli());
        redis.call(r -> {
            r.set(sessionKey(session.tokenHash()), value, onlyIfPresent ? args.xx() : args);
            r.sadd(identityIndex(identity.key()), session.tokenHash());
            return r.pexpireat(identityIndex(identity.key()), Math.max(session.expiresAt().toEpochMilli(),
                    Optional.ofNullable(r.pexpiretime(identityIndex(identity.key()))).orElse(0L)));
        });
    }

    @Override
    public Optional<Session> find(String tokenHash) {
        String value = redis.call(r -> r.get(sessionKey(tokenHash)));
        if (value == null) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(value);
            Identity identity = new Identity(Username.of(n.path("name").asText()), n.path("guest").asBoolean(),
                    n.path("key").asText());
            Instant expiresAt = Instant.ofEpochMilli(n.path("expiresAt").asLong());
            // Sessions saved before creation times were kept: a guess from the default 24 h lifetime.
            Instant createdAt = n.has("createdAt") ? Instant.ofEpochMilli(n.path("createdAt").asLong())
                    : expiresAt.minus(LEGACY_LIFETIME);
            return Optional.of(new Session(tokenHash, identity, createdAt, expiresAt));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable session in Redis", e);
        }
    }

    @Override
    public void extend(String tokenHash, Instant expiresAt) {
        find(tokenHash).ifPresent(s -> write(s.expiringAt(expiresAt), true));
    }

    @Override
    public void delete(String tokenHash) {
        find(tokenHash).ifPresent(s -> {
            long deleted = redis.call(r -> {
                long n = r.del(sessionKey(tokenHash));
                r.srem(identityIndex(s.identity().key()), tokenHash);
                return n;
            });
            if (deleted > 0) {
                revoke("s " + tokenHash);
            }
        });
    }

    @Override
    public void deleteAllOf(String identityKey) {
        long deleted = redis.call(r -> {
            long n = 0;
            for (String tokenHash : r.smembers(identityIndex(identityKey))) {
                n += r.del(sessionKey(tokenHash));
            }
            r.del(identityIndex(identityKey));
            return n;
        });
        if (deleted > 0) {
            revoke("i " + identityKey);
        }
    }

    private void revoke(String what) {
        redis.script(REVOKE, ScriptOutputType.INTEGER,
                new String[] {redis.key("revocations", "last"), redis.key("revocations")},
                what, Integer.toString(REVOCATIONS_KEPT));
    }

    @Override
    public long lastRevocation() {
        String last = redis.call(r -> r.get(redis.key("revocations", "last")));
        return last == null ? 0 : Long.parseLong(last);
    }

    @Override
    public List<Revocation> revocationsAfter(long after, int max) {
        List<String> found = redis.call(r -> r.zrangebyscore(redis.key("revocations"),
                Range.from(Range.Boundary.excluding(after), Range.Boundary.unbounded()), Limit.create(0, max)));
        return found.stream().map(RedisSessionStore::revocation).toList();
    }

    /** Reads "number s hash" or "number i identity-key". */
    private static Revocation revocation(String member) {
        int first = member.indexOf(' ');
        long number = Long.parseLong(member.substring(0, first));
        String value = member.substring(first + 3);
        return member.charAt(first + 1) == 's' ? Revocation.ofSession(number, value)
                : Revocation.ofIdentity(number, value);
    }
}
