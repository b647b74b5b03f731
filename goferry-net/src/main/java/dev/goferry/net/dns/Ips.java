package dev.goferry.net.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses IP literals without ever touching DNS (InetAddress.getByName would look names up). */
final class Ips {

    private static final Pattern V4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]+(%[^\\s]+)?");

    private Ips() {}

    /**
     * Parses {@code text} as an IPv4 dotted quad (no leading zeros, as Go ≥ 1.17 requires) or an
     * IPv6 literal with optional zone; empty when it is neither.
     */
    static Optional<InetAddress> parse(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (V4.matcher(text).matches()) {
            for (String part : text.split("\\.")) {
                if (part.length() > 1 && part.charAt(0) == '0' || Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!text.contains(":") || !V6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Parses a literal known to be valid. */
    static InetAddress literal(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("ip literal \"" + text + "\": invalid"));
    }
}
