package dev.goferry.net.transfer;

import dev.goferry.net.http.HttpOutcome;
import dev.goferry.net.http.HttpProbeReport;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one bounded download saw.
 *
 * @param walk       the last walk (DNS, connect, proxy, TLS, the response head and how its body ended)
 * @param redirects  the URLs redirected to before {@code walk}'s, in order (empty when the first answered)
 * @param bytes      body bytes received
 * @param elapsed    from the first response byte to the end of reading
 * @param stalls     gaps with no byte longer than the stall threshold
 * @param longestGap the longest gap between arrivals
 */
public record Transfer(HttpProbeReport walk, List<URI> redirects, long bytes, Duration elapsed, int stalls,
                       Duration longestGap) {

    public Transfer {
        Objects.requireNonNull(walk, "walk");
        redirects = List.copyOf(redirects);
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(longestGap, "longestGap");
        if (bytes < 0 || stalls < 0) {
            throw new IllegalArgumentException("transfer of \"" + walk.url() + "\": negative count");
        }
    }

    /** {@return the response, when a head arrived} */
    public Optional<HttpOutcome.Response> response() {
        return walk.http().filter(HttpOutcome.Response.class::isInstance).map(HttpOutcome.Response.class::cast);
    }

    /**
     * Reports whether the body ended as planned: all of it, or up to the byte cap. A body cut by the
     * time box, a stall or a lost connection is not complete.
     */
    public boolean complete() {
        return response().map(r -> r.bodyEnd() == HttpOutcome.BodyEnd.COMPLETE
                || r.bodyEnd() == HttpOutcome.BodyEnd.CAPPED).orElse(false);
    }

    /** {@return body bytes per second over {@link #elapsed}, 0 when no time passed} */
    public double bytesPerSecond() {
        long nanos = elapsed.toNanos();
        return nanos <= 0 ? 0 : bytes * 1e9 / nanos;
    }
}
