package io.chillin.chat.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * An expected rejection: part of the contract, never a bug. Each edge (REST, WebSocket, CLI) maps
 * this family to its wire form in exactly one place.
 */
public abstract sealed class ChatException extends RuntimeException {

    private final ErrorCode code;

    private ChatException(ErrorCode code, String message) {
        super(Objects.requireNonNull(message), null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** A value broke a rule; {@link #field()} names the input that did. */
    public static final class Invalid extends ChatException {
        private final String field;

        public Invalid(String field, String message) {
            super(ErrorCode.VALIDATION, message);
            this.field = Objects.requireNonNull(field);
        }

        public String field() {
            return field;
        }
    }

    /** The caller is not who it claims, or claims nobody where somebody is needed. */
    public static final class Unauthorized extends ChatException {
        public Unauthorized(String message) {
            super(ErrorCode.UNAUTHORIZED, message);
        }
    }

    /** The caller is known but may not do this (a wrong room password, say). */
    public static final class Forbidden extends ChatException {
        public Forbidden(String message) {
            super(ErrorCode.FORBIDDEN, message);
        }
    }

    public static final class NotFound extends ChatException {
        public NotFound(String message) {
            super(ErrorCode.NOT_FOUND, message);
        }
    }

    /** A unique name (user or room) is already in use. */
    public static final class Conflict extends ChatException {
        public Conflict(String message) {
            super(ErrorCode.CONFLICT, message);
        }
    }

    /** A different identity already uses this display name in the room. */
    public static final class NameTaken extends ChatException {
        public NameTaken(String message) {
            super(ErrorCode.NAME_TAKEN, message);
        }
    }

    /** The connection acts on a room it has not joined. */
    public static final class NotInRoom extends ChatException {
        public NotInRoom(String message) {
            super(ErrorCode.NOT_IN_ROOM, message);
        }
    }

    public static final class RateLimited extends ChatException {
        private final Duration retryAfter;

        public RateLimited(String message, Duration retryAfter) {
            super(ErrorCode.RATE_LIMITED, message);
            this.retryAfter = Objects.requireNonNull(retryAfter);
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** A backend did not answer; nothing was stored. */
    public static final class Unavailable extends ChatException {
        public Unavailable(String message) {
            super(ErrorCode.UNAVAILABLE, message);
        }
    }
}
