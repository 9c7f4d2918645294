package io.chillin.chat.cli.bench;

import io.chillin.chat.cli.net.Frames;
import io.chillin.chat.cli.net.ServerUrl;
import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Opens N WebSockets (spread over the URLs), with {@code joinRooms} joins each to one of that many rooms as a guest,
 * holds them, then pings each once to prove it is alive and closes them all. Measures handshake latency, join
 * latency and ping round trips.
 */
public final class ConnectBench {

    /**
     * What to run; {@code joinRooms} 0 connects only; {@code maxTime} bounds the whole run; {@code sourceAddresses} as
     * in {@link FanoutBench.Settings}.
     */
    public record Settings(List<ServerUrl> urls, int connections, int joinRooms, int concurrency, Duration timeout,
                           Duration hold, Duration maxTime, List<InetAddress> sourceAddresses, ProcessMeter meter) {
    }

    /** What happened. {@code ok} when every connection opened, joined (when asked to) and answered its ping. */
    public record Result(String scenario, List<String> urls, int connections, long opened, Map<String, Long> failed,
                         long notTried, long alive, double openSeconds, double connectionsPerSecond, Latency connect,
                         Joins join, Latency ping, Memory memory, boolean ok) {
    }

    /**
     * The joins, when {@code rooms} is above 0: how many were acknowledged, the refusals by error code, the time from
     * the first connect to the last ack and the connections opened and joined per second over it, and the latency from
     * join to ack.
     */
    public record Joins(int rooms, long joined, Map<String, Long> refusedByCode, double seconds, double joinedPerSecond,
                        Latency latency) {
    }

    /**
     * Resident memory of each watched process before the first connection and at the end of the hold, and the
     * growth per open connection, or per joined one when {@code perJoinedConnection}.
     */
    public record Memory(Map<String, Long> rssBefore, Map<String, Long> rssHeld, Map<String, Long> bytesPerConnection,
                         boolean perJoinedConnection) {
    }

    private final Settings settings;

    public ConnectBench(Settings settings) {
        this.settings = settings;
    }

    public Result run() throws InterruptedException {
        long deadline = System.nanoTime() + settings.maxTime().toNanos();
        int n = settings.connections();
        AtomicLongArray pingSent = new AtomicLongArray(n);
        LatencyRecorder ping = new LatencyRecorder();
        LongAdder alive = new LongAdder();
        Map<String, Long> rssBefore = settings.meter().rssBytes();
        Map<String, Long> rssHeld = Map.of();
        GuestJoins joins = new GuestJoins(BenchRun.fresh(), settings.joinRooms(), n);
        Connector.Opened opened;
        try (Connector connector = Connector.forUrls(settings.urls(), settings.concurrency(), settings.timeout(), n,
                settings.sourceAddresses())) {
            opened = connector.open(n, i -> (frame, at) -> {
                if (joins.answer(i, frame, at)) {
                    return;
                }
                // the room's member lists and notices are neither; a pong counts once (its send time is then 0)
                if (frame.type().equals("pong") && BenchFrame.number(frame.ref(), 0, frame.ref().length()) == i) {
                    long sent = pingSent.getAndSet(i, 0);
                    if (sent != 0) {
                        ping.recordNanos(at - sent);
                        alive.increment();
                    }
                }
            }, joins.onOpen(), deadline);
            try {
                joins.awaitAnswers(Math.min(deadline, System.nanoTime() + settings.timeout().toNanos()));
                sleepUntil(Math.min(deadline, System.nanoTime() + settings.hold().toNanos()));
                rssHeld = settings.meter().rssBytes();
                List<BenchSocket> connections = opened.connections();
                for (int i = 0; i < n; i++) {
                    BenchSocket c = connections.get(i);
                    if (c != null) {
                        pingSent.set(i, System.nanoTime());
                        c.send(Frames.of("type", "ping", "ref", i).toString());
                    }
                }
                long open = opened.open();
                long pingDeadline = Math.min(deadline, System.nanoTime() + settings.timeout().toNanos());
                while (alive.sum() < open && System.nanoTime() < pingDeadline) {
                    Thread.sleep(20);
                }
            } finally {
                Connector.closeAll(opened.connections());
            }
        }
        long open = opened.open();
        boolean joining = settings.joinRooms() > 0;
        return new Result("connect", settings.urls().stream().map(ServerUrl::toString).toList(), n, open,
                opened.failures(), opened.notTried(), alive.sum(), round(opened.seconds()),
                round(open / Math.max(opened.seconds(), 1e-9)), opened.latency().summary(),
                joins.summary(opened.startedNanos()), ping.summary(),
                memory(rssBefore, rssHeld, joining ? joins.joined() : open, joining),
                open == n && alive.sum() == n && (!joining || joins.joined() == n));
    }

    /** The growth per connection counted: a joined one also holds its place in a room, its presence and its fan-out. */
    private static Memory memory(Map<String, Long> before, Map<String, Long> held, long counted, boolean joined) {
        Map<String, Long> perConnection = new LinkedHashMap<>();
        held.forEach((name, bytes) -> perConnection.put(name,
                counted == 0 ? 0 : (bytes - before.getOrDefault(name, 0L)) / counted));
        return new Memory(before, held, perConnection, joined);
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
