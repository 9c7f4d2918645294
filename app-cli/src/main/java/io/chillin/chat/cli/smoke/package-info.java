/** The smoke test: one pass through the main paths of a running server, checking each step, then cleaning up. */
package io.chillin.chat.cli.smoke;
