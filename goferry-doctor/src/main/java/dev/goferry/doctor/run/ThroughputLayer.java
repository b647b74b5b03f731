package dev.goferry.doctor.run;

import dev.goferry.doctor.evidence.ThroughputSample;
import dev.goferry.net.ProbeListener;
import dev.goferry.net.http.Limits;
import dev.goferry.net.proxy.ProxyUrl;
import dev.goferry.net.transfer.Transfer;
import dev.goferry.net.transfer.TransferProbe;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The THROUGHPUT layer of one target: the bounded download {@link ThroughputPlan} chose, fitted
 * into what is left of the run's deadline so the run still ends on time (the time box covers the
 * connection set-up and the response head too: {@link TransferProbe.Budget}). Too little time left
 * means no sample, never a cut-off one that would look slow.
 */
final class ThroughputLayer {

    /**
     * Kept free before the deadline, for the diagnosis and the report (and a busy machine's late
     * wake-up after the last read times out).
     */
    static final Duration MARGIN = Duration.ofMillis(500);
    /** A time box shorter than this measures the connection set-up rather than the line. */
    static final Duration SHORTEST = Duration.ofMillis(500);

    private ThroughputLayer() {}

    /**
     * Downloads {@code d} within {@code budget} and the deadline ({@code System.nanoTime} based),
     * through {@code proxy} when Go uses one; empty when the deadline leaves too little time.
     */
    static Optional<ThroughputSample> measure(TransferProbe probe, ThroughputPlan.Download d, Optional<ProxyUrl> proxy,
                                              List<X509Certificate> roots, Limits setup, RunOptions.Throughput budget,
                                              long deadline) {
        Duration left = Duration.ofNanos(deadline - System.nanoTime()).minus(MARGIN);
        Duration box = left.compareTo(budget.maxTime()) < 0 ? left : budget.maxTime();
        if (box.compareTo(SHORTEST) < 0) {
            return Optional.empty();
        }
        Limits bounded = setup.withAllTimeouts(min(min(setup.connectTimeout(), setup.headerTimeout()), box));
        Transfer t = probe.download(d.url(), proxy, roots, bounded,
                new TransferProbe.Budget(budget.maxBytes(), box, budget.stallAfter(), d.ranged()), ProbeListener.NONE);
        if (t.response().isEmpty() || t.response().get().status() / 100 != 2) {
            return Optional.empty();  // the object is not there (or the path broke): nothing to measure
        }
        return Optional.of(new ThroughputSample(d.url(), t.bytes(), t.elapsed(), t.stalls(), t.complete()));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
