package io.chillin.chat.adapter.javalin;

import io.chillin.chat.application.AddressRanges;
import io.javalin.config.JavalinConfig;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The proxies whose {@code X-Forwarded-For} is believed, as address ranges (CIDR), and the rule that finds a
 * request's client address with them. Only a proxy of one's own is believed, and only for the entry it added:
 * the header is read from the right, past the trusted proxies, and the first address that is not one of them
 * is the client. Anything further left was written by the client itself and is never read. Parsing never
 * asks DNS: an entry that is not an address literal ends the walk.
 */
public final class TrustedProxies {

    private static final int MAX_ENTRIES = 64;
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final AddressRanges ranges;

    private TrustedProxies(AddressRanges ranges) {
        this.ranges = ranges;
    }

    /** No proxy is trusted: the client address is always the peer's, and X-Forwarded-For is ignored. */
    public static TrustedProxies none() {
        return new TrustedProxies(AddressRanges.none());
    }

    /** A proxy on this machine: 127.0.0.0/8 and ::1. */
    public static TrustedProxies loopback() {
        return parse("127.0.0.0/8,::1/128");
    }

    /**
     * Reads a comma-separated list of addresses and ranges, e.g. {@code 127.0.0.1/32,10.0.0.0/8,fd00::/8}; a
     * bare address is a range of one.
     *
     * @throws IllegalArgumentException naming the entry that is not an address or range
     */
    public static TrustedProxies parse(String list) {
        return new TrustedProxies(AddressRanges.parse(list));
    }

    /** Whether any proxy is trusted at all. */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * The client's address for a request that came from {@code peer} with these {@code X-Forwarded-For} header
     * values (in the order received; each may list several entries): the peer itself unless it is a trusted
     * proxy; else the right-most entry that is not a trusted proxy; else, when an entry is not an address,
     * the last trusted hop before it. Never throws.
     */
    public String clientAddress(String peer, List<String> forwardedFor) {
        Optional<InetAddress> peerAddress = AddressRanges.literal(peer);
        if (peerAddress.isEmpty() || !trusts(peerAddress.get())) {
            return peerAddress.map(InetAddress::getHostAddress).orElse(peer);
        }
        String lastTrusted = peerAddress.get().getHostAddress();
        List<String> entries = entries(forwardedFor);
        for (int i = entries.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = AddressRanges.literal(entries.get(i));
            if (hop.isEmpty()) {
                return lastTrusted;
            }
            if (!trusts(hop.get())) {
                return hop.get().getHostAddress();
            }
            lastTrusted = hop.get().getHostAddress();
        }
        return lastTrusted;
    }

    /**
     * Makes {@code ctx.ip()} the client's address by this rule, on every request: REST calls and WebSocket
     * upgrades alike, so no route ever reads X-Forwarded-For itself.
     */
    void install(JavalinConfig cfg) {
        cfg.contextResolver.ip = ctx -> clientAddress(ctx.req().getRemoteAddr(),
                Collections.list(ctx.req().getHeaders(FORWARDED_FOR)));
    }

    boolean trusts(InetAddress address) {
        return ranges.contains(address);
    }

    /** The entries of every header value, left to right; only the right-most {@value #MAX_ENTRIES} are ever read. */
    private static List<String> entries(List<String> headerValues) {
        List<String> entries = new ArrayList<>();
        if (headerValues != null) {
            for (String value : headerValues) {
                if (value != null) {
                    entries.addAll(Arrays.asList(value.split(",", -1)));
                }
            }
        }
        return entries.size() > MAX_ENTRIES ? entries.subList(entries.size() - MAX_ENTRIES, entries.size()) : entries;
    }

    @Override
    public String toString() {
        return "TrustedProxies[" + ranges + "]";
    }
}
