package io.chillin.chat.cli.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The instants the old app wrote, in the forms JavaScript produces: ISO-8601 ({@code toISOString()}, with or
 * without an offset; without one it is taken as UTC), epoch milliseconds ({@code Date.now()}, as a number or a
 * string; small numbers are seconds), {@code toUTCString()} and {@code toString()}. Anything before 1990 or
 * after 2100 is taken for garbage.
 */
public final class LegacyTimestamps {

    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    private static final long SECONDS_BELOW = 100_000_000_000L;
    private static final DateTimeFormatter JS_TO_STRING =
            DateTimeFormatter.ofPattern("EEE MMM dd yyyy HH:mm:ss 'GMT'xx", Locale.ENGLISH);
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");
    private static final List<Function<String, Instant>> TEXT_FORMS = List.of(
            Instant::parse,
            s -> OffsetDateTime.parse(s).toInstant(),
            s -> LocalDateTime.parse(s).toInstant(ZoneOffset.UTC),
            s -> LocalDateTime.parse(s, SPACED).toInstant(ZoneOffset.UTC),
            s -> ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(),
            s -> OffsetDateTime.parse(s.replaceFirst("\\s*\\(.*\\)$", ""), JS_TO_STRING).toInstant());

    private LegacyTimestamps() {
    }

    public static Optional<Instant> parse(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return epoch(node.asDouble());
        }
        if (!node.isTextual()) {
            return Optional.empty();
        }
        String text = node.asText().strip();
        if (text.matches("-?\\d{1,15}(\\.\\d+)?")) {
            return epoch(Double.parseDouble(text));
        }
        for (Function<String, Instant> form : TEXT_FORMS) {
            try {
                return plausible(form.apply(text));
            } catch (DateTimeParseException notThisForm) {
                // try the next
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> epoch(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Optional.empty();
        }
        long millis = Math.abs(value) < SECONDS_BELOW ? (long) (value * 1000) : (long) value;
        return plausible(Instant.ofEpochMilli(millis));
    }

    private static Optional<Instant> plausible(Instant instant) {
        return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? Optional.empty() : Optional.of(instant);
    }
}
