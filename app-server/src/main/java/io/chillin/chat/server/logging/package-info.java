/**
 * The server's log lines, for Logback ({@code logback.xml}): plain text, or one JSON object per line with
 * {@code CHAT_LOG_FORMAT=json}, each scrubbed of anything that looks like a token or a password.
 */
package io.chillin.chat.server.logging;
