package io.chillin.chat.adapter.javalin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chillin.chat.application.AddressRanges;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address is the client: the peer unless it is a trusted proxy, then X-Forwarded-For read from the right. */
class TrustedProxiesTest {

    private static final TrustedProxies PROXIES = TrustedProxies.parse("127.0.0.1/32, 10.0.0.0/8,fd00::/8");

    private static String client(String peer, String... headers) {
        return PROXIES.clientAddress(peer, List.of(headers));
    }

    @Test
    void a_peer_that_is_not_a_trusted_proxy_is_the_client_whatever_the_header_says() {
        assertThat(client("203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
        assertThat(client("11.0.0.1", "10.0.0.1")).isEqualTo("11.0.0.1");
        assertThat(TrustedProxies.none().clientAddress("127.0.0.1", List.of("198.51.100.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void behind_trusted_proxies_the_right_most_untrusted_entry_is_the_client() {
        assertThat(client("127.0.0.1", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(client("127.0.0.1", "6.6.6.6, 198.51.100.1")).as("the forged left part is never read").isEqualTo("198.51.100.1");
        assertThat(client("127.0.0.1", "6.6.6.6, 198.51.100.1, 10.9.8.7, 10.0.0.2")).isEqualTo("198.51.100.1");
        assertThat(client("127.0.0.1", "6.6.6.6", "198.51.100.1, 10.0.0.2")).as("several header lines are one list")
                .isEqualTo("198.51.100.1");
        assertThat(client("10.1.1.1", "2001:db8::1, fd00::5")).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void a_request_with_nothing_but_trusted_hops_comes_from_the_farthest_of_them() {
        assertThat(client("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(client("127.0.0.1", "10.0.0.3, 10.0.0.2")).isEqualTo("10.0.0.3");
    }

    @Test
    void a_malformed_entry_ends_the_walk_at_the_last_trusted_hop_and_never_throws() {
        assertThat(client("127.0.0.1", "198.51.100.1, garbage")).isEqualTo("127.0.0.1");
        assertThat(client("127.0.0.1", "198.51.100.1, unknown, 10.0.0.2")).isEqualTo("10.0.0.2");
        for (String hostile : new String[] {"", " , ", "example.org", "1.2.3", "1.2.3.4.5", "256.1.1.1", "010.0.0.1",
                "::1::2", "1:2:3:4:5:6:7:8:9", "[::1", "[::1]x", "1.2.3.4:", "1.2.3.4:123456", "a".repeat(10_000),
                "1.2.3.4%eth0", "fe80::1%eth0", "\u0000"}) {
            assertThat(client("127.0.0.1", "198.51.100.1, " + hostile)).as(hostile).isEqualTo("127.0.0.1");
        }
        assertThat(PROXIES.clientAddress("127.0.0.1", null)).isEqualTo("127.0.0.1");
        assertThat(PROXIES.clientAddress("not an address", List.of("198.51.100.1"))).isEqualTo("not an address");
    }

    @Test
    void entries_may_carry_ports_and_brackets_and_ipv6_peers_are_read_too() {
        assertThat(client("127.0.0.1", "198.51.100.1:4711")).isEqualTo("198.51.100.1");
        assertThat(client("127.0.0.1", "[2001:db8::7]:4711")).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(client("127.0.0.1", "::ffff:198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(client("[fd00::1]", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(TrustedProxies.loopback().clientAddress("[0:0:0:0:0:0:0:1]", List.of("198.51.100.1")))
                .isEqualTo("198.51.100.1");
        assertThat(TrustedProxies.loopback().clientAddress("127.3.4.5", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
    }

    @Test
    void ranges_are_checked_when_read() {
        assertThat(TrustedProxies.parse("").isEmpty()).isTrue();
        assertThat(TrustedProxies.parse("192.168.1.7").trusts(AddressRanges.literal("192.168.1.7").orElseThrow())).isTrue();
        assertThat(TrustedProxies.parse("192.168.1.7").trusts(AddressRanges.literal("192.168.1.8").orElseThrow())).isFalse();
        assertThat(TrustedProxies.parse("0.0.0.0/0").trusts(AddressRanges.literal("8.8.8.8").orElseThrow())).isTrue();
        assertThat(TrustedProxies.parse("0.0.0.0/0").trusts(AddressRanges.literal("::2").orElseThrow())).isFalse();
        for (String bad : new String[] {"localhost", "10.0.0.0/33", "10.0.0.1/8", "10.0.0.0/", "10.0.0.0/x", "::1/129",
                "1.2.3.4:80", "[::1]", "10.0.0.0/8/8"}) {
            assertThatThrownBy(() -> TrustedProxies.parse("127.0.0.1/32," + bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
    }
}
