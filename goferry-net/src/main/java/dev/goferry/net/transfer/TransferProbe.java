package dev.goferry.net.transfer;

import dev.goferry.net.ProbeListener;
import dev.goferry.net.TeeProbeListener;
import dev.goferry.net.http.HttpOutcome;
import dev.goferry.net.http.HttpProbe;
import dev.goferry.net.http.HttpProbeReport;
import dev.goferry.net.http.Limits;
import dev.goferry.net.proxy.ProxyUrl;
import dev.goferry.net.wire.Header;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * A bounded download through the same walk Go's transport makes ({@link HttpProbe}): reads at most
 * {@code maxBytes} of the body (asking only for those with a {@code Range} when {@code ranged}) and
 * stops {@code timeBox} after it began, whichever comes first. Unlike a protocol probe it does not stop at
 * the first stall: it reads on to the time box and counts every gap longer than {@code stallAfter}.
 * Like Go's client it follows redirects (a mirror may send a zip to its CDN), at most
 * {@value #MAX_REDIRECTS}; the resolver given to the {@link HttpProbe} must resolve the new hosts.
 */
public final class TransferProbe {

    /** Redirects followed at most (Go's client allows 10; a mirror uses one). */
    public static final int MAX_REDIRECTS = 5;

    private final HttpProbe http;
    private final LongSupplier clock;

    public TransferProbe(HttpProbe http, LongSupplier clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@return where a 301, 302, 303, 307 or 308 answer to {@code from} sends the client, if it does} */
    static Optional<URI> redirect(HttpProbeReport walk, URI from) {
        if (!(walk.http().orElse(null) instanceof HttpOutcome.Response r)
                || !List.of(301, 302, 303, 307, 308).contains(r.status()) || r.location().isEmpty()) {
            return Optional.empty();
        }
        try {
            URI to = from.resolve(r.location().get().strip());
            String scheme = String.valueOf(to.getScheme()).toLowerCase(java.util.Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && to.getHost() != null
                    ? Optional.of(to) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();  // a Location Go could not follow either: the 3xx is the evidence
        }
    }

    /**
     * How much to download.
     *
     * @param maxBytes   body bytes read at most
     * @param timeBox    the longest the download may take from its start, set-up included (a slow set-up
     *                   leaves the body less; the set-up's steps also have {@code setup}'s own deadlines)
     * @param stallAfter a gap with no byte longer than this is a stall
     * @param ranged     send {@code Range: bytes=0-<maxBytes-1>} (a release archive: only the start is wanted)
     */
    public record Budget(long maxBytes, Duration timeBox, Duration stallAfter, boolean ranged) {
        public Budget {
            Objects.requireNonNull(timeBox, "timeBox");
            Objects.requireNonNull(stallAfter, "stallAfter");
            if (maxBytes < 1) {
                throw new IllegalArgumentException("transfer cap " + maxBytes + ": at least one byte");
            }
            if (timeBox.isNegative() || timeBox.isZero() || stallAfter.isNegative() || stallAfter.isZero()) {
                throw new IllegalArgumentException("transfer time box \"" + timeBox + "\", stall \"" + stallAfter
                        + "\": must be positive");
            }
        }
    }

    /**
     * Downloads {@code url} (through {@code proxy} when present, TLS judged against {@code roots})
     * within {@code budget}; {@code setup} bounds the connect, CONNECT, handshake and response head.
     */
    public Transfer download(URI url, Optional<ProxyUrl> proxy, List<X509Certificate> roots, Limits setup,
                             Budget budget, ProbeListener listener) {
        // The body reader stops at its first stall; here only the time box may stop it, so the
        // stall threshold handed to it is the time box and the meter counts the real stalls.
        // The body ends at the box's end counted from now, so a caller fitting the download before a
        // deadline is not overrun by the connect, handshake and response head (nor by redirects).
        long endsBy = clock.getAsLong() + budget.timeBox().toNanos();
        Limits limits = new Limits(setup.connectTimeout(), setup.proxyTimeout(), setup.tlsTimeout(),
                setup.headerTimeout(), budget.timeBox(), budget.timeBox(), budget.maxBytes(), OptionalLong.of(endsBy));
        List<Header> headers = budget.ranged() ? List.of(new Header("Range", "bytes=0-" + (budget.maxBytes() - 1)))
                : List.of();
        List<URI> redirects = new ArrayList<>();
        URI current = url;
        while (true) {
            TransferMeter meter = new TransferMeter(clock, budget.stallAfter());
            HttpProbeReport walk = http.probe("GET", current, proxy, roots, limits, headers,
                    new TeeProbeListener(meter, listener));
            Optional<URI> next = redirect(walk, current);
            if (next.isEmpty() || redirects.size() == MAX_REDIRECTS) {
                return new Transfer(walk, redirects, meter.bytes(), meter.elapsed(), meter.stalls(), meter.longestGap());
            }
            current = next.get();
            redirects.add(current);
        }
    }
}
