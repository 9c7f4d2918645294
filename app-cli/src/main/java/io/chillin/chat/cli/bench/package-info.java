/**
 * Load tests of running servers over WebSocket: opening many connections ({@code connect}, and joining them to rooms
 * with {@code --join}), and rooms of members sending to each other ({@code fanout}, {@code cross} across instances),
 * measuring latencies with HdrHistogram and checking that every member gets every message exactly once, in seq
 * order. Every loop is bounded in count and in time; only the URLs given are contacted. {@code ws://} connections go
 * through the CLI's own NIO client ({@code net.nio}), which reads each frame into the few fields the counts need;
 * {@code wss://} ones through java.net.http's.
 */
package io.chillin.chat.cli.bench;
