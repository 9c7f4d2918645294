/** The server application: reads configuration, chooses and wires the adapters, runs until SIGTERM. */
package io.chillin.chat.server;
