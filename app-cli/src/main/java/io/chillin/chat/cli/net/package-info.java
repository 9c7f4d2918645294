/** Clients of a running server, per PROTOCOL.md: REST over java.net.http, WebSocket with java.net.http's WebSocket. */
package io.chillin.chat.cli.net;
