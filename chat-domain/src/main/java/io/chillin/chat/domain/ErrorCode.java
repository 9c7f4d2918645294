package io.chillin.chat.domain;

/** The protocol's error codes; every expected rejection carries exactly one. */
public enum ErrorCode {
    VALIDATION,
    MALFORMED,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    NAME_TAKEN,
    NOT_IN_ROOM,
    RATE_LIMITED,
    INTERNAL,
    UNAVAILABLE
}
