package io.chillin.chat.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What one delivery costs the kernel here, with no server around it: one process writes a frame-sized buffer to each of
 * N loopback sockets in turn, at a fixed rate, and another process reads them all on one selector thread, as the load
 * generator does. The writer's CPU per write is the floor under the server's CPU per delivery on this machine: on
 * loopback the sender's {@code write} also runs the receiver's TCP processing and wakes its reader.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.chillin.chat.benchmarks.LoopbackWriteCost [sockets] [writes/s] [seconds] [bytes]
 * </pre>
 *
 * Defaults: 500 sockets, 12,500 writes/s (the production shape's deliveries), 20 s after a 10 s warm-up, 330 bytes (a
 * {@code message} frame of a 32-character text with its WebSocket header).
 */
public final class LoopbackWriteCost {

    private static final int RECIPIENTS = 25;

    private LoopbackWriteCost() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].startsWith("--read=")) {
            String[] portAndSockets = args[0].substring("--read=".length()).split(":");
            readAll(Integer.parseInt(portAndSockets[0]), Integer.parseInt(portAndSockets[1]));
            return;
        }
        int sockets = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 12_500;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int bytes = args.length > 3 ? Integer.parseInt(args[3]) : 330;

        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), sockets);
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            Process reader = startReader(port, sockets);
            List<SocketChannel> peers = new ArrayList<>(sockets);
            for (int i = 0; i < sockets; i++) {
                SocketChannel peer = listener.accept();
                peer.setOption(StandardSocketOptions.TCP_NODELAY, true);
                peers.add(peer);
            }
            byte[] frame = new byte[bytes];
            Arrays.fill(frame, (byte) 'x');
            write(peers, frame, rate, 10); // warm-up: the JIT, the socket buffers
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long threadBefore = threads.getCurrentThreadCpuTime();
            long processBefore = os.getProcessCpuTime();
            long writes = write(peers, frame, rate, seconds);
            long thread = threads.getCurrentThreadCpuTime() - threadBefore;
            long process = os.getProcessCpuTime() - processBefore;
            System.out.printf("%d writes of %d bytes to %d loopback sockets at %d/s%n", writes, bytes, sockets, rate);
            System.out.printf("writer thread: %.2f us CPU per write; writer process: %.2f us per write%n",
                    thread / 1e3 / writes, process / 1e3 / writes);
            for (SocketChannel peer : peers) {
                peer.close();
            }
            reader.waitFor(10, TimeUnit.SECONDS);
            reader.destroy();
        }
    }

    /**
     * Writes the frame to {@value #RECIPIENTS} sockets back to back (one broadcast of a room of that many), broadcasts
     * paced to {@code rate} writes per second and the thread asleep between them, as the server's is; returns the writes.
     */
    private static long write(List<SocketChannel> peers, byte[] frame, int rate, int seconds) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        long interval = TimeUnit.SECONDS.toNanos(1) * RECIPIENTS / rate;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long writes = 0;
        for (long next = System.nanoTime(); next < end; next += interval) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            for (int i = 0; i < RECIPIENTS; i++) {
                buffer.clear();
                SocketChannel peer = peers.get((int) (writes % peers.size()));
                while (buffer.hasRemaining()) {
                    peer.write(buffer);
                }
                writes++;
            }
        }
        return writes;
    }

    private static Process startReader(int port, int sockets) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
                LoopbackWriteCost.class.getName(), "--read=" + port + ":" + sockets);
        return new ProcessBuilder(command).inheritIO().start();
    }

    /** The reading side: connects, then reads and drops everything on one selector thread until every socket closes. */
    private static void readAll(int port, int sockets) throws IOException {
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < sockets; i++) {
                SocketChannel channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ);
            }
            ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
            int open = sockets;
            while (open > 0) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    buffer.clear();
                    if (((SocketChannel) key.channel()).read(buffer) < 0) {
                        key.channel().close();
                        open--;
                    }
                }
                selector.selectedKeys().clear();
            }
        }
    }
}
