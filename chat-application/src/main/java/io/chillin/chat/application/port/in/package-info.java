/** Inbound ports: the use cases an edge (REST, WebSocket, CLI, an embedding program) calls, with their commands and views. */
package io.chillin.chat.application.port.in;
