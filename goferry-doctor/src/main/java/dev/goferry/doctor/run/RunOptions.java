package dev.goferry.doctor.run;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one run probes.
 *
 * @param timeout         the overall deadline: the run never takes longer; what is left is cancelled
 * @param publicResolvers resolvers asked directly besides the configured ones (empty: {@code --no-public-dns})
 * @param roots           the trust roots Go would use (gomod tlsroots)
 * @param tcpAttempts     connect attempts per address in the TCP layer
 * @param layerTimeout    the longest one layer (a connect, a handshake, a response head) may wait, capped
 *                        at 10 s; the overall {@code timeout} still wins
 */
public record RunOptions(Duration timeout, List<InetSocketAddress> publicResolvers, List<X509Certificate> roots,
                         int tcpAttempts, Duration layerTimeout) {

    public RunOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout \"" + timeout + "\": must be positive");
        }
        publicResolvers = List.copyOf(publicResolvers);
        roots = List.copyOf(roots);
        Objects.requireNonNull(layerTimeout, "layerTimeout");
        if (layerTimeout.isNegative() || layerTimeout.isZero()) {
            throw new IllegalArgumentException("layer timeout \"" + layerTimeout + "\": must be positive");
        }
        if (tcpAttempts < 1) {
            throw new IllegalArgumentException("tcp attempts " + tcpAttempts + ": at least 1");
        }
    }

    /**
     * {@return options for the deadline {@code timeout}: each layer may wait a third of it, so a silent
     * server becomes a timeout the diagnosis can name rather than an unfinished layer; two connects per address}
     */
    public static RunOptions of(Duration timeout, List<InetSocketAddress> publicResolvers,
                                List<X509Certificate> roots) {
        return new RunOptions(timeout, publicResolvers, roots, 2, timeout.dividedBy(3));
    }

    /** Ten seconds: long enough for a slow network, short enough to wait for. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Public resolvers the doctor compares answers with: Google and AliDNS, reachable from most networks. */
    public static final List<InetSocketAddress> PUBLIC_RESOLVERS = List.of(
            new InetSocketAddress(ip(8, 8, 8, 8), 53), new InetSocketAddress(ip(223, 5, 5, 5), 53));

    private static java.net.InetAddress ip(int a, int b, int c, int d) {
        try {
            return java.net.InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
