package io.chillin.chat.benchmarks;

import io.chillin.chat.application.ChatCore;
import io.chillin.chat.application.ChatPorts;
import io.chillin.chat.application.ChatSettings;
import io.chillin.chat.application.port.in.Connection;
import io.chillin.chat.application.port.in.JoinRoomCommand;
import io.chillin.chat.application.port.in.SendMessageCommand;
import io.chillin.chat.application.port.out.PasswordHasher;
import io.chillin.chat.domain.user.PasswordPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One sendMessage through the whole core on in-memory ports: validation, rate limit, append with its
 * seq, publication, and delivery to every member of the room. The members' sinks only count, so this
 * is the core's cost per message and recipient, without any network.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FanoutBenchmark {

    @Param({"1", "100", "1000"})
    public int members;

    private ChatCore core;
    private Connection sender;
    private long sent;
    private final LongAdder delivered = new LongAdder();

    @Setup(Level.Trial)
    public void setUp() {
        Clock clock = Clock.systemUTC();
        ChatSettings settings = new ChatSettings(PasswordPolicy.DEFAULT, Duration.ofHours(24), Integer.MAX_VALUE,
                Duration.ofSeconds(10), 20, Duration.ofMinutes(1));
        core = ChatCore.create(ChatPorts.inMemory(new NoHashing(), settings, clock), settings, clock);
        for (int i = 0; i < members; i++) {
            Connection member = Connection.open(null, event -> delivered.increment());
            core.joinRoom().join(member, new JoinRoomCommand("bench", "member" + i, null, null));
            if (i == 0) {
                sender = member;
            }
        }
    }

    @Benchmark
    public Object sendToRoom() {
        return core.sendMessage().send(sender, new SendMessageCommand("bench", "t" + (sent++), "hello everybody 👋"));
    }

    /** Hashing plays no part in sending; guests need none (the core still makes one decoy hash at start). */
    private static final class NoHashing implements PasswordHasher {
        @Override
        public String hash(String password) {
            return "none";
        }

        @Override
        public boolean verify(String password, String encodedHash) {
            return false;
        }

        @Override
        public boolean needsRehash(String encodedHash) {
            return false;
        }
    }
}
