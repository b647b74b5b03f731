package dev.goferry.net.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The resolver configuration Go's pure-Go resolver derives from {@code /etc/resolv.conf}
 * ({@code net/dnsconfig_unix.go dnsReadConfig}), with Go's defaults filled in.
 *
 * @param servers       at most three servers, port 53; Go's default {@code 127.0.0.1:53} and {@code [::1]:53}
 *                      when the file names none or cannot be read
 * @param search        rooted search domains (trailing dot); from the host name's domain when the file has none
 * @param ndots         dots a name needs to be tried as-is first, 0–15, default 1
 * @param timeout       per-query timeout, at least 1 s, default 5 s
 * @param attempts      rounds over the server list, at least 1, default 2
 * @param rotate        whether each look-up starts at the next server
 * @param singleRequest whether A and AAAA are asked one after the other rather than in parallel
 * @param useTcp        whether queries go over TCP from the start ({@code use-vc}, {@code usevc}, {@code tcp})
 * @param trustAd       whether the AD bit is set in queries ({@code trust-ad})
 * @param unknownOption whether the file had a directive or option Go does not know (Go ignores them)
 * @param readError     why the file could not be read, if it could not (Go then uses the defaults)
 */
public record ResolvConf(List<InetSocketAddress> servers, List<String> search, int ndots, Duration timeout,
                         int attempts, boolean rotate, boolean singleRequest, boolean useTcp, boolean trustAd,
                         boolean unknownOption, Optional<String> readError) {

    public ResolvConf {
        servers = List.copyOf(servers);
        search = List.copyOf(search);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(readError, "readError");
    }

    /** Go's {@code defaultNS}: used when resolv.conf names no server. */
    public static final List<InetSocketAddress> DEFAULT_SERVERS = List.of(
            new InetSocketAddress(Ips.literal("127.0.0.1"), 53),
            new InetSocketAddress(Ips.literal("::1"), 53));
}
