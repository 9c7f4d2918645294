package io.chillin.chat.cli.bench;

import io.chillin.chat.cli.net.Frames;
import io.chillin.chat.cli.net.ServerUrl;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * R rooms of M members each, every member a guest on its own WebSocket (member {@code j} of room {@code r} on
 * URL {@code (r*M + j) mod n}). Once all have joined, senders (the first S members of each room, in turn) send
 * at a fixed total rate for the duration; then the run drains until every acknowledged message has reached
 * every member of its room, or the drain time is up. Each member checks that it gets every message of its
 * room exactly once and in seq order; latencies are measured from send to confirmation (at the sender) and from
 * send to delivery (at every member), the latter split into same-instance and cross-instance deliveries.
 */
public final class FanoutBench {

    /** Bounds on one run, whatever the options say. */
    public static final int MAX_MEMBERS = 20_000;
    public static final long MAX_MESSAGES = 2_000_000;

    /**
     * What to run. {@code ratePerRoom} is messages per second per room; {@code size} the text length;
     * {@code sourceAddresses} the local addresses to connect from, in turn (none: the system's choice).
     */
    public record Settings(String scenario, List<ServerUrl> urls, int rooms, int members, int senders, double ratePerRoom,
                           Duration duration, Duration drain, int size, int concurrency, Duration timeout,
                           List<InetAddress> sourceAddresses, ProcessMeter meter) {

        public long plannedMessages() {
            return (long) Math.ceil(rooms * ratePerRoom * duration.toNanos() / 1e9);
        }

        /** Each sender's rate, to compare with the server's per-user limit. */
        public double ratePerSender() {
            return ratePerRoom / senders;
        }
    }

    /** Counts of messages and deliveries. {@code expected} is acknowledged messages times members of their room. */
    public record Counts(long sent, long acknowledged, long rejected, long unacknowledged, long expected, long delivered,
                         long lost, long duplicated, long outOfOrder) {
    }

    /**
     * What happened. {@code ok} when everything connected and joined, and every sent message was acknowledged and
     * delivered exactly once, in order. {@code refusal} is send to {@code error} reply, of the rejected sends.
     */
    public record Result(String scenario, List<String> urls, int rooms, int members, int sendersPerRoom,
                         double ratePerRoom, double sendSeconds, long connected, Map<String, Long> connectFailures,
                         long joinFailures, Map<String, Long> rejectedByCode, Counts counts, double acknowledgedPerSecond,
                         double deliveriesPerSecond, Latency connect, Latency ack, Latency refusal,
                         Map<String, Latency> refusalByCode, Latency delivery,
                         Latency sameInstanceDelivery, Latency crossInstanceDelivery, Cpu cpu, boolean ok) {
    }

    /**
     * CPU seconds used from the first send until the drain ended: by each watched process, and by this load
     * generator. {@code microsPerDelivery} is the watched processes' sum over the unique deliveries (0 when none
     * was watched).
     */
    public record Cpu(Map<String, Double> seconds, double loadGeneratorSeconds, double microsPerDelivery) {
    }

    private final Settings s;
    private final BenchRun run = BenchRun.fresh();

    private final AtomicLongArray sentAt;
    private final AtomicIntegerArray senderUrl;
    private final LongAdder sent = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder[] ackedInRoom;
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder joinFailures = new LongAdder();
    private final LatencyRecorder ackLatency = new LatencyRecorder();
    private final RefusalLatency refusalLatency = new RefusalLatency();
    private final LatencyRecorder deliveryLatency = new LatencyRecorder();
    private final LatencyRecorder sameInstance = new LatencyRecorder();
    private final LatencyRecorder crossInstance = new LatencyRecorder();
    private final DeliveryTracker[] trackers;

    public FanoutBench(Settings settings) {
        this.s = settings;
        int planned = Math.toIntExact(settings.plannedMessages());
        this.sentAt = new AtomicLongArray(planned);
        this.senderUrl = new AtomicIntegerArray(planned);
        this.ackedInRoom = new LongAdder[settings.rooms()];
        for (int r = 0; r < settings.rooms(); r++) {
            ackedInRoom[r] = new LongAdder();
        }
        this.trackers = new DeliveryTracker[settings.rooms() * settings.members()];
        for (int i = 0; i < trackers.length; i++) {
            trackers[i] = new DeliveryTracker();
        }
    }

    private String roomName(int r) {
        return run.room(r);
    }

    private int urlOf(int member) {
        return member % s.urls().size();
    }

    public Result run() throws InterruptedException {
        int total = s.rooms() * s.members();
        CountDownLatch joined = new CountDownLatch(total);
        long connectDeadline = System.nanoTime() + s.timeout().toNanos() * Math.max(1, total / Math.max(1, s.concurrency()));
        try (Connector connector = Connector.forUrls(s.urls(), s.concurrency(), s.timeout(), total, s.sourceAddresses())) {
            Connector.Opened opened = connector.open(total, member -> new Member(member, joined), connectDeadline);
            List<BenchSocket> connections = opened.connections();
            double sendSeconds = 0;
            ProcessMeter.Sample cpuBefore = null;
            ProcessMeter.Sample cpuAfter = null;
            try {
                for (int i = 0; i < total; i++) {
                    BenchSocket c = connections.get(i);
                    if (c == null) {
                        joined.countDown();
                        continue;
                    }
                    c.send(Frames.of("type", "join", "room", roomName(i / s.members()), "name", "b" + run.id() + "r"
                            + (i / s.members()) + "m" + (i % s.members()), "ref", "join").toString());
                }
                if (!joined.await(s.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    joinFailures.add(joined.getCount());
                }
                Thread.sleep(200); // let the join notices settle before measuring
                cpuBefore = s.meter().sample();
                sendSeconds = send(connections);
                drain();
                cpuAfter = s.meter().sample();
            } finally {
                Connector.closeAll(connections);
            }
            return result(opened, sendSeconds, cpu(cpuBefore, cpuAfter));
        }
    }

    /** Sends at the planned rate, paced by the clock, room by room in turn; returns how long it took. */
    private double send(List<BenchSocket> connections) {
        long planned = s.plannedMessages();
        double intervalNanos = 1e9 / (s.rooms() * s.ratePerRoom());
        String padding = "x".repeat(Math.max(0, s.size()));
        long start = System.nanoTime();
        long end = start + s.duration().toNanos();
        for (int k = 0; k < planned; k++) {
            long due = start + (long) (k * intervalNanos);
            if (due >= end) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int room = k % s.rooms();
            int sender = room * s.members() + (k / s.rooms()) % s.senders();
            BenchSocket c = connections.get(sender);
            if (c == null) {
                continue;
            }
            String text = ("bench " + k + " " + padding).substring(0, Math.max(s.size(), ("bench " + k).length()));
            senderUrl.set(k, urlOf(sender));
            sentAt.set(k, System.nanoTime());
            sent.increment();
            c.send(Frames.of("type", "sendMessage", "room", roomName(room), "tempId", "b" + k, "text", text, "ref", "s" + k)
                    .toString());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Waits until every acknowledged message reached every member of its room (and every send was answered), or the drain time is up. */
    private void drain() throws InterruptedException {
        long deadline = System.nanoTime() + s.drain().toNanos();
        while (System.nanoTime() < deadline) {
            long answered = acked.sum() + rejected.values().stream().mapToLong(LongAdder::sum).sum();
            if (answered >= sent.sum() && uniqueDelivered() >= expected()) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private long expected() {
        long expected = 0;
        for (LongAdder room : ackedInRoom) {
            expected += room.sum() * s.members();
        }
        return expected;
    }

    private long uniqueDelivered() {
        long unique = 0;
        for (DeliveryTracker t : trackers) {
            unique += t.unique();
        }
        return unique;
    }

    private Cpu cpu(ProcessMeter.Sample before, ProcessMeter.Sample after) {
        if (before == null || after == null) {
            return new Cpu(Map.of(), 0, 0);
        }
        Map<String, Double> used = after.since(before);
        double watched = used.values().stream().mapToDouble(Double::doubleValue).sum();
        long deliveries = uniqueDelivered();
        double perDelivery = s.meter().isEmpty() || deliveries == 0 ? 0 : watched * 1e6 / deliveries;
        return new Cpu(used, ConnectBench.round(after.selfCpuSeconds() - before.selfCpuSeconds()),
                ConnectBench.round(perDelivery));
    }

    private Result result(Connector.Opened opened, double sendSeconds, Cpu cpu) {
        long lost = 0;
        long duplicated = 0;
        long outOfOrder = 0;
        for (int i = 0; i < trackers.length; i++) {
            long expectedHere = opened.connections().get(i) == null ? 0 : ackedInRoom[i / s.members()].sum();
            lost += Math.max(0, expectedHere - trackers[i].unique());
            duplicated += trackers[i].duplicates();
            outOfOrder += trackers[i].outOfOrder();
        }
        Map<String, Long> rejectedByCode = new TreeMap<>();
        rejected.forEach((code, n) -> rejectedByCode.put(code, n.sum()));
        long rejectedTotal = rejectedByCode.values().stream().mapToLong(Long::longValue).sum();
        long sentTotal = sent.sum();
        long ackedTotal = acked.sum();
        Counts counts = new Counts(sentTotal, ackedTotal, rejectedTotal, Math.max(0, sentTotal - ackedTotal - rejectedTotal),
                expected(), delivered.sum(), lost, duplicated, outOfOrder);
        boolean ok = opened.open() == trackers.length && joinFailures.sum() == 0 && rejectedTotal == 0
                && counts.unacknowledged() == 0 && lost == 0 && duplicated == 0 && outOfOrder == 0 && sentTotal > 0;
        double seconds = Math.max(sendSeconds, 1e-9);
        return new Result(s.scenario(), s.urls().stream().map(ServerUrl::toString).toList(), s.rooms(), s.members(),
                s.senders(), s.ratePerRoom(), ConnectBench.round(sendSeconds), opened.open(), opened.failures(),
                joinFailures.sum(), rejectedByCode, counts, ConnectBench.round(ackedTotal / seconds),
                ConnectBench.round(uniqueDelivered() / seconds), opened.latency().summary(), ackLatency.summary(),
                refusalLatency.all(), refusalLatency.byCode(), deliveryLatency.summary(), sameInstance.summary(), crossInstance.summary(), cpu, ok);
    }

    /** One member's connection: joins, confirmations of its own sends, and deliveries to it. */
    private final class Member implements FrameHandler {
        private final int index;
        private final int room;
        private final String roomName;
        private final CountDownLatch joined;

        Member(int index, CountDownLatch joined) {
            this.index = index;
            this.room = index / s.members();
            this.roomName = roomName(room);
            this.joined = joined;
        }

        @Override
        public void onFrame(BenchFrame frame, long at) {
            switch (frame.type()) {
                case "ack" -> {
                    if ("join".equals(frame.ref())) {
                        joined.countDown();
                    }
                }
                case "messageConfirmed" -> {
                    int k = BenchFrame.number(frame.tempId(), 1, frame.tempId().length());
                    if (k >= 0 && k < sentAt.length()) {
                        ackLatency.recordNanos(at - sentAt.get(k));
                        acked.increment();
                        ackedInRoom[room].increment();
                    }
                }
                case "message" -> delivered(frame, at);
                case "error" -> {
                    String ref = frame.ref();
                    if (ref.startsWith("s")) {
                        rejected.computeIfAbsent(frame.code(), c -> new LongAdder()).increment();
                        int k = BenchFrame.number(ref, 1, ref.length());
                        if (k >= 0 && k < sentAt.length()) {
                            refusalLatency.record(frame.code(), at - sentAt.get(k));
                        }
                    } else if (ref.equals("join")) {
                        joinFailures.increment();
                        joined.countDown();
                    }
                }
                default -> {
                    // history, room data, presence and typing notices are not measured
                }
            }
        }

        private void delivered(BenchFrame frame, long at) {
            if (!frame.messageHasSeq() || !roomName.equals(frame.messageRoom())) {
                return; // a join or leave notice
            }
            String text = frame.messageText();
            if (!text.startsWith("bench ")) {
                return;
            }
            int space = text.indexOf(' ', 6);
            int k = BenchFrame.number(text, 6, space < 0 ? text.length() : space);
            delivered.increment();
            DeliveryTracker.Outcome outcome = trackers[index].see(frame.messageSeq());
            if (outcome != DeliveryTracker.Outcome.DUPLICATE && k >= 0 && k < sentAt.length()) {
                long latency = at - sentAt.get(k);
                deliveryLatency.recordNanos(latency);
                (senderUrl.get(k) == urlOf(index) ? sameInstance : crossInstance).recordNanos(latency);
            }
        }
    }
}
