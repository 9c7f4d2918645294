/** Messages: what may be said, and a persisted message with its place in its room's sequence. */
package io.chillin.chat.domain.message;
