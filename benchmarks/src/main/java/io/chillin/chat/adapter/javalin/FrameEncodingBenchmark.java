package io.chillin.chat.adapter.javalin;

import io.chillin.chat.application.port.in.ServerEvent;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The edge's side of a broadcast (in the edge's package, for its package-private encoder): encoding a
 * message event for every recipient, as a naive edge would, against once per event through FrameCache;
 * and parsing one inbound sendMessage frame with the bounded parser.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FrameEncodingBenchmark {

    @Param({"100"})
    public int recipients;

    private final ServerEvent event = new ServerEvent.MessagePosted(new ChatMessage(42, RoomName.of("lobby"), 42,
            Username.of("alice"), "user:alice", MessageText.of("hello everybody 👋 <b>not bold</b>"),
            Instant.parse("2026-11-29T12:00:00.123Z"), TempId.of("t-42")));
    private final String inbound = "{\"type\":\"sendMessage\",\"room\":\"lobby\",\"tempId\":\"t-43\","
            + "\"text\":\"hello everybody 👋\",\"ref\":7}";

    @Benchmark
    public void broadcastEncodingEveryRecipient(Blackhole sink) {
        for (int i = 0; i < recipients; i++) {
            sink.consume(Frames.event(event, false));
        }
    }

    @Benchmark
    public void broadcastEncodingOnce(Blackhole sink) {
        for (int i = 0; i < recipients; i++) {
            sink.consume(FrameCache.encode(event, false).payload());
        }
    }

    @Benchmark
    public Object parseInboundFrame() {
        Json.Fields fields = new Json.Fields(Json.object(inbound));
        return fields.requiredString("text");
    }
}
