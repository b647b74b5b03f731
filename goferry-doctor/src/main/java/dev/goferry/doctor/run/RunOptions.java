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
 * @param throughput      the bounded download per target and when it counts as slow
 */
public record RunOptions(Duration timeout, List<InetSocketAddress> publicResolvers, List<X509Certificate> roots,
                         int tcpAttempts, Duration layerTimeout, Throughput throughput) {

    /** Options with the {@link Throughput#DEFAULT default} download. */
    public RunOptions(Duration timeout, List<InetSocketAddress> publicResolvers, List<X509Certificate> roots,
                      int tcpAttempts, Duration layerTimeout) {
        this(timeout, publicResolvers, roots, tcpAttempts, layerTimeout, Throughput.DEFAULT);
    }

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
        Objects.requireNonNull(throughput, "throughput");
    }

    /** {@return these options with another throughput layer} */
    public RunOptions withThroughput(Throughput t) {
        return new RunOptions(timeout, publicResolvers, roots, tcpAttempts, layerTimeout, t);
    }

    /**
     * The THROUGHPUT layer: one bounded download per target that has a medium object (a module zip,
     * the start of a release archive), made after its protocol check passed and only within what
     * is left of the run's deadline.
     *
     * @param enabled            whether to download at all
     * @param maxBytes           bytes read at most per download
     * @param maxTime            the longest one download's body may take (less when the deadline is nearer)
     * @param stallAfter         a gap with no byte longer than this is a stall
     * @param slowBytesPerSecond a download slower than this is {@code network.slow}
     */
    public record Throughput(boolean enabled, long maxBytes, Duration maxTime, Duration stallAfter,
                             double slowBytesPerSecond) {
        public Throughput {
            Objects.requireNonNull(maxTime, "maxTime");
            Objects.requireNonNull(stallAfter, "stallAfter");
            if (maxBytes < 1 || maxTime.isNegative() || maxTime.isZero() || stallAfter.isNegative()
                    || stallAfter.isZero() || slowBytesPerSecond < 0) {
                throw new IllegalArgumentException("throughput budget " + maxBytes + " bytes in " + maxTime
                        + ", stall " + stallAfter + ", slow below " + slowBytesPerSecond + " B/s: out of range");
            }
        }

        /**
         * 2 MiB in at most 4 s, a stall after 1 s without a byte, slow below 64 KiB/s (a 10 MB module
         * zip then takes minutes). A healthy line finishes the 2 MiB in well under a second.
         */
        public static final Throughput DEFAULT = new Throughput(true, 2L * 1024 * 1024, Duration.ofSeconds(4),
                Duration.ofSeconds(1), 64 * 1024);

        /** No download: the THROUGHPUT layer is not examined. */
        public static final Throughput OFF = new Throughput(false, 1, Duration.ofSeconds(1), Duration.ofSeconds(1), 0);
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
