package dev.goferry.install.mirrors;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of one {@code mirrors test}: every probe ends by the deadline, every sample is bounded.
 *
 * @param deadline all probes together, from start to verdict
 * @param sampleBytes the most bytes read from one mirror for the throughput (a zip, an archive's start)
 * @param goos the platform whose archive release mirrors must serve ("linux")
 * @param goarch its architecture ("amd64")
 * @param userAgent sent with every request
 */
public record ProbeSettings(Duration deadline, int sampleBytes, String goos, String goarch, String userAgent) {

    public ProbeSettings {
        Objects.requireNonNull(deadline);
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive: " + deadline);
        }
        if (sampleBytes < 1024 || sampleBytes > 64 << 20) {
            throw new IllegalArgumentException("sample must be between 1 KiB and 64 MiB: " + sampleBytes);
        }
    }
}
