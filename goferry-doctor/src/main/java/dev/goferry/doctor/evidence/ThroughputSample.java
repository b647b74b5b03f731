package dev.goferry.doctor.evidence;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A bounded download of a medium object (a module zip, a release archive range).
 *
 * @param url      what was downloaded
 * @param bytes    bytes received
 * @param elapsed  time from the first body byte to the end (or the cut-off)
 * @param stalls   periods with no byte for longer than the stall threshold
 * @param complete whether the planned number of bytes arrived before the deadline
 */
public record ThroughputSample(URI url, long bytes, Duration elapsed, int stalls, boolean complete) {
    public ThroughputSample {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(elapsed, "elapsed");
        if (bytes < 0 || stalls < 0) {
            throw new IllegalArgumentException("throughput sample of \"" + url + "\": negative count");
        }
    }

    /** {@return bytes per second, 0 when no time passed} */
    public double bytesPerSecond() {
        long nanos = elapsed.toNanos();
        return nanos <= 0 ? 0 : bytes * 1e9 / nanos;
    }
}
