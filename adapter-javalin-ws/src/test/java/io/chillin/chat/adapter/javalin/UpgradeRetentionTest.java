package io.chillin.chat.adapter.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.adapter.javalin.EdgeHarness.Client;
import io.chillin.chat.application.contract.TestNames;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * An open socket keeps nothing of the HTTP request that upgraded it. Through Jetty's servlet WebSocket API each socket
 * kept its upgrade's connection, parser, channel and servlet request on the heap for its whole life (about 8 KB per
 * idle connection, see docs/benchmarks.md, "Idle connections"). Counted with the JDK's own class histogram of this
 * test's JVM (it collects garbage first), while sockets are open and joined.
 */
class UpgradeRetentionTest {

    private static final int SOCKETS = 60;
    /** Classes of Jetty's HTTP request graph, one instance of each per request in progress. */
    private static final List<String> REQUEST_GRAPH = List.of(
            "org.eclipse.jetty.server.internal.HttpConnection",
            "org.eclipse.jetty.ee10.servlet.ServletContextRequest",
            "org.eclipse.jetty.ee10.servlet.ServletApiRequest");

    @Test
    void open_sockets_hold_no_http_request_of_their_upgrade() throws Exception {
        try (EdgeHarness edge = EdgeHarness.startWithDefaults()) {
            List<Client> clients = new ArrayList<>();
            String room = TestNames.unique("retention ");
            for (int i = 0; i < SOCKETS; i++) {
                Client c = edge.connect();
                c.join(room, TestNames.unique("r_"));
                clients.add(c);
            }
            assertThat(edge.server().openConnections()).isEqualTo(SOCKETS);

            Map<String, Long> live = liveInstances();
            for (String type : REQUEST_GRAPH) {
                // a few may be requests of the test's own HTTP client in progress: never one per socket
                assertThat(live.getOrDefault(type, 0L)).as("live %s with %d sockets open", type, SOCKETS)
                        .isLessThan(SOCKETS / 4);
            }
            clients.getFirst().assertAnswersPing("still-open");
        }
    }

    /**
     * Live instances per class of this JVM, from the JDK's {@code GC.class_histogram} diagnostic command (a full
     * collection first), called in-process through its management bean: attaching to one's own JVM is not allowed.
     */
    private static Map<String, Long> liveInstances() throws Exception {
        ObjectName diagnostics = new ObjectName("com.sun.management:type=DiagnosticCommand");
        String output = (String) ManagementFactory.getPlatformMBeanServer().invoke(diagnostics, "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, Long> counts = new HashMap<>();
        for (String line : output.lines().toList()) {
            // "   12:          3456         789012  org.example.Type (module@version)"
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 4 && columns[0].endsWith(":")) {
                counts.merge(columns[3], Long.parseLong(columns[1]), Long::sum);
            }
        }
        assertThat(counts).as("a class histogram: %s", output).isNotEmpty();
        return counts;
    }
}
