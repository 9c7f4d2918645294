package io.chillin.chat.adapter.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.argument.Argument;

/**
 * Instants in and out of {@code TIMESTAMP WITH TIME ZONE} columns as UTC offset date-times, never through
 * {@code java.sql.Timestamp}, whose conversions go through the JVM's default time zone.
 */
final class Timestamps {

    private Timestamps() {
    }

    /**
     * The precision every store keeps. Callers get back what was stored, so a confirmation equals the
     * history read later, also when the clock gives micro- or nanoseconds.
     */
    static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    static Argument utc(Instant instant) {
        OffsetDateTime value = utcValue(instant);
        return (position, statement, context) -> statement.setObject(position, value);
    }

    /** The value to bind with plain JDBC ({@code setObject}). */
    static OffsetDateTime utcValue(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant read(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
