package io.chillin.chat.cli.bench;

import io.chillin.chat.cli.UsageException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The local addresses bench connections are opened from, in turn. One source address has about 28,000 ephemeral
 * ports for one destination (Linux's default range), so tens of thousands of sockets to one server need several;
 * on Linux every address of 127.0.0.0/8 is the loopback's.
 */
final class SourceAddresses {

    private static final Pattern COUNT = Pattern.compile("\\d{1,3}");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int MAX_COUNT = 254;

    private SourceAddresses() {
    }

    /**
     * Parses {@code N} (127.0.0.1 to 127.0.0.N) or a comma-separated list of IP literals; none when {@code spec} is
     * null. Host names are refused: a source address must not need a DNS look-up.
     */
    static List<InetAddress> parse(String spec) {
        if (spec == null) {
            return List.of();
        }
        String text = spec.strip();
        List<InetAddress> addresses = new ArrayList<>();
        if (COUNT.matcher(text).matches()) {
            int n = Integer.parseInt(text);
            if (n < 1 || n > MAX_COUNT) {
                throw new UsageException("--source-addresses N must be 1 to " + MAX_COUNT);
            }
            for (int i = 1; i <= n; i++) {
                addresses.add(literal("127.0.0." + i));
            }
            return addresses;
        }
        for (String part : text.split(",")) {
            String address = part.strip();
            if (!IPV4.matcher(address).matches() && !address.contains(":")) {
                throw new UsageException("--source-addresses takes a count or IP addresses such as 127.0.0.1,127.0.0.2;"
                        + " got '" + address + "'");
            }
            addresses.add(literal(address));
        }
        return addresses;
    }

    private static InetAddress literal(String address) {
        try {
            if (!address.contains(":")) {
                String[] parts = address.split("\\.");
                byte[] octets = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(parts[i]);
                    if (octet > 255) {
                        throw new UnknownHostException(address);
                    }
                    octets[i] = (byte) octet;
                }
                return InetAddress.getByAddress(octets);
            }
            return InetAddress.getByName(address); // with a colon it is parsed as IPv6 or refused, never looked up
        } catch (UnknownHostException e) {
            throw new UsageException("--source-addresses: '" + address + "' is not an IP address");
        }
    }
}
