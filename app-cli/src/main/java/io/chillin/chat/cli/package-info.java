/**
 * The admin and test CLI: picocli commands ({@code *Cli}), the context they run in, and how results are
 * printed (tables or JSON) and failures mapped to exit codes. Sub-packages hold the work behind the commands:
 * {@code admin} (rooms and users on the store), {@code legacy} (the old app's JSON import), {@code net}
 * (REST and WebSocket clients), {@code smoke} and {@code bench}.
 */
package io.chillin.chat.cli;
