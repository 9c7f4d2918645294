package io.chillin.chat.cli.legacy;

/** A record the import left out: which ({@code entry}, e.g. {@code "John Doe"} or {@code general #12}), why, and the detail. */
public record Skip(String entry, String reason, String detail) {
}
