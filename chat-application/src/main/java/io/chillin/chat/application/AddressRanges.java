package io.chillin.chat.application;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A set of IP address ranges (CIDR), such as the proxies whose {@code X-Forwarded-For} is believed or the addresses
 * exempt from per-address limits, and the parsing of address literals that goes with it. Parsing never asks DNS.
 */
public final class AddressRanges {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private final List<Range> ranges;

    private AddressRanges(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static AddressRanges none() {
        return new AddressRanges(List.of());
    }

    /**
     * Reads a comma-separated list of addresses and ranges, e.g. {@code 127.0.0.1/32,10.0.0.0/8,fd00::/8}; a
     * bare address is a range of one; an empty list is no range.
     *
     * @throws IllegalArgumentException naming the entry that is not an address or range
     */
    public static AddressRanges parse(String list) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : Objects.requireNonNull(list).split(",")) {
            String trimmed = entry.strip();
            if (!trimmed.isEmpty()) {
                ranges.add(Range.parse(trimmed));
            }
        }
        return new AddressRanges(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean contains(InetAddress address) {
        for (Range range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an address as text (a client address, say) is in a range; false for anything not an address literal. */
    public boolean contains(String address) {
        return !ranges.isEmpty() && literal(address).map(this::contains).orElse(false);
    }

    /**
     * An IP address literal, as a peer or an X-Forwarded-For entry spells it: {@code 1.2.3.4}, {@code 1.2.3.4:5678},
     * {@code ::1}, {@code [::1]} or {@code [::1]:5678}. Empty for anything else, without a DNS lookup.
     */
    public static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0 || !(close == s.length() - 1 || port(s.substring(close + 1)))) {
                return Optional.empty();
            }
            return ipv6(s.substring(1, close));
        }
        int colon = s.indexOf(':');
        if (colon >= 0 && colon == s.lastIndexOf(':')) {
            return port(s.substring(colon)) ? ipv4(s.substring(0, colon)) : Optional.empty();
        }
        return colon >= 0 ? ipv6(s) : ipv4(s);
    }

    private static boolean port(String suffix) {
        return suffix.length() >= 2 && suffix.length() <= 6 && suffix.charAt(0) == ':'
                && suffix.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static Optional<InetAddress> ipv4(String s) {
        if (!IPV4.matcher(s).matches()) {
            return Optional.empty();
        }
        String[] parts = s.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return address(bytes);
    }

    private static Optional<InetAddress> ipv6(String s) {
        if (s.isEmpty() || s.length() > 45) {
            return Optional.empty();
        }
        byte[] tail4 = null;
        String groupsText = s;
        int lastColon = s.lastIndexOf(':');
        if (s.indexOf('.') >= 0) {
            Optional<InetAddress> v4 = ipv4(s.substring(lastColon + 1));
            if (v4.isEmpty()) {
                return Optional.empty();
            }
            tail4 = v4.get().getAddress();
            // the dotted tail stands for the last two groups: parse placeholders, then fill in its bytes
            groupsText = s.substring(0, lastColon + 1) + "0:0";
        }
        int gap = groupsText.indexOf("::");
        if (gap >= 0 && groupsText.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        List<String> head = groups(gap >= 0 ? groupsText.substring(0, gap) : groupsText);
        List<String> tail = gap >= 0 ? groups(groupsText.substring(gap + 2)) : List.of();
        if (head == null || tail == null) {
            return Optional.empty();
        }
        int given = head.size() + tail.size();
        if (gap < 0 ? given != 8 : given > 7) {
            return Optional.empty();
        }
        byte[] bytes = new byte[16];
        List<String> all = new ArrayList<>(head);
        for (int i = given; i < 8; i++) {
            all.add("0");
        }
        all.addAll(tail);
        for (int i = 0; i < 8; i++) {
            int group = Integer.parseInt(all.get(i), 16);
            bytes[2 * i] = (byte) (group >> 8);
            bytes[2 * i + 1] = (byte) group;
        }
        if (tail4 != null) {
            System.arraycopy(tail4, 0, bytes, 12, 4);
        }
        return address(bytes);
    }

    /** The colon-separated hex groups of one side of "::", or null when one is not a group. */
    private static List<String> groups(String side) {
        if (side.isEmpty()) {
            return List.of();
        }
        List<String> groups = Arrays.asList(side.split(":", -1));
        return groups.stream().allMatch(g -> HEX_GROUP.matcher(g).matches()) ? groups : null;
    }

    private static Optional<InetAddress> address(byte[] bytes) {
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException impossible) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return ranges.stream().map(Range::toString).collect(Collectors.joining(","));
    }

    /** One CIDR range; an IPv4-mapped IPv6 address is the IPv4 address it maps (as Java reads it). */
    private record Range(byte[] network, int prefix, String text) {

        static Range parse(String text) {
            int slash = text.indexOf('/');
            String host = slash < 0 ? text : text.substring(0, slash);
            InetAddress address = (host.indexOf(':') >= 0 ? ipv6(host) : ipv4(host))
                    .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range"
                            + " like 10.0.0.0/8 or fd00::/8"));
            byte[] network = address.getAddress();
            int bits = network.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                String length = text.substring(slash + 1);
                if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                    throw new IllegalArgumentException("'" + text + "': the prefix length must be 0 to " + bits);
                }
                prefix = Integer.parseInt(length);
            }
            for (int bit = prefix; bit < bits; bit++) {
                if ((network[bit / 8] & (0x80 >> (bit % 8))) != 0) {
                    throw new IllegalArgumentException("'" + text + "' has bits set past its /" + prefix
                            + " prefix: write the network address");
                }
            }
            return new Range(network, prefix, text);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
