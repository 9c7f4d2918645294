/**
 * The fuzzer of the end-to-end tests: seeded generators of hostile WebSocket frames and REST requests, the
 * drivers that send them to a real server, the checks of every answer, and the snapshot of what the server
 * stored. Nothing here is used by the server; {@code FuzzEndToEndTest} runs it.
 */
package io.chillin.chat.server.fuzz;
