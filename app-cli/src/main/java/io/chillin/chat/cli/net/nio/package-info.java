/**
 * A lean RFC 6455 client for {@code ws://} URLs on java.nio, for the load generator ({@code chillin bench}): a few
 * selector threads each carry many connections, frames are read where they lie in the read buffer and handed on as
 * UTF-8 bytes, and sends go to a bounded per-connection buffer that the selector flushes. Only what the bench needs:
 * no TLS, no extensions, no subprotocols. Everything else in the CLI uses java.net.http's client ({@code net}).
 */
package io.chillin.chat.cli.net.nio;
