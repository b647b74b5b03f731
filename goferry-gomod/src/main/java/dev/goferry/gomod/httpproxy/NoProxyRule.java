package dev.goferry.gomod.httpproxy;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One NO_PROXY entry as Go's {@code httpproxy} understood it. {@link #entry()} is the entry as Go
 * kept it (trimmed, lower-cased), for messages that name the rule that sent a host direct.
 */
public sealed interface NoProxyRule {

    /** {@return the entry, trimmed and lower-cased as Go compares it} */
    String entry();

    /** {@code *}: nothing is proxied; Go stops reading the list here. */
    record All(String entry) implements NoProxyRule {}

    /**
     * An address block; it matches only hosts written as IP literals (no DNS lookup is made).
     *
     * @param network the masked network address, 4 bytes for IPv4 blocks, 16 for IPv6
     * @param prefixLength the prefix length
     */
    record Cidr(String entry, byte[] network, int prefixLength) implements NoProxyRule {
        public Cidr {
            network = network.clone();
        }

        @Override
        public byte[] network() {
            return network.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cidr c && c.entry.equals(entry) && Arrays.equals(c.network, network)
                    && c.prefixLength == prefixLength;
        }

        @Override
        public int hashCode() {
            return Objects.hash(entry, Arrays.hashCode(network), prefixLength);
        }

        boolean contains(IpLiteral ip) {
            byte[] addr = ip.to4().orElse(ip.bytes());
            if (addr.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixLength; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((addr[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * One address, optionally with a port that must equal the request's canonical port.
     *
     * @param address the address in Go's textual form as written
     * @param port the port, if the entry had one
     */
    record Ip(String entry, String address, Optional<String> port) implements NoProxyRule {}

    /**
     * A domain. Go turns {@code *.x} into {@code .x} and {@code x} into {@code .x} plus "x itself".
     *
     * @param suffix the suffix a host must end with, starting with a dot, in punycode
     * @param matchesItself whether the name without the leading dot matches too
     * @param port the port, if the entry had one; it must equal the canonical port (80, 443)
     */
    record Domain(String entry, String suffix, boolean matchesItself, Optional<String> port) implements NoProxyRule {

        boolean matches(String host, String requestPort) {
            if (host.endsWith(suffix) || matchesItself && host.equals(suffix.substring(1))) {
                return port.isEmpty() || port.get().equals(requestPort);
            }
            return false;
        }
    }
}
