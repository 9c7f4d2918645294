package io.chillin.chat.adapter.postgres;

/** A statement hit a unique key; the store that ran it knows which rejection that is. */
final class UniqueViolation extends RuntimeException {

    UniqueViolation(Exception cause) {
        super(SqlFaults.reason(cause), cause);
    }
}
