/**
 * Clients of a running server, per PROTOCOL.md: REST over java.net.http, WebSocket with java.net.http's WebSocket
 * ({@code nio} holds the load generator's own lean client for {@code ws://}).
 */
package io.chillin.chat.cli.net;
