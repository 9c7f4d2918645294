package io.chillin.chat.adapter.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chillin.chat.application.port.out.Session;
import io.chillin.chat.application.port.out.SessionStore;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.Username;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sessions as Redis keys that expire by themselves at the session's expiry; a set per identity lets
 * "log out everywhere" end them all. Every instance sees a logout at once.
 */
public final class RedisSessionStore implements SessionStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LEGACY_LIFETIME = Duration.ofHours(24);

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
        find(tokenHash).ifPresent(s -> redis.call(r -> {
            r.del(sessionKey(tokenHash));
            return r.srem(identityIndex(s.identity().key()), tokenHash);
        }));
    }

    @Override
    public void deleteAllOf(String identityKey) {
        redis.call(r -> {
            for (String tokenHash : r.smembers(identityIndex(identityKey))) {
                r.del(sessionKey(tokenHash));
            }
            return r.del(identityIndex(identityKey));
        });
    }
}
