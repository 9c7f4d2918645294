package io.chillin.chat.adapter.postgres;

import org.jdbi.v3.core.JdbiException;

/** A statement hit a unique key; the store that ran it knows which rejection that is. */
final class UniqueViolation extends RuntimeException {

    UniqueViolation(JdbiException cause) {
        super(SqlFaults.reason(cause), cause);
    }
}
