/** The REST and WebSocket edge of PROTOCOL.md on Javalin: wire JSON, error mapping, per-connection queues. */
package io.chillin.chat.adapter.javalin;
