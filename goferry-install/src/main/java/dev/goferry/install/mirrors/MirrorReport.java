package dev.goferry.install.mirrors;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The judged result for one mirror.
 *
 * @param rank 1-based position within its kind after ranking
 * @param latency time to the first response headers, when it answered
 * @param throughput bytes per second over the sample, when one was fetched
 * @param newest the newest version (or tree size) it knows, when it answered correctly
 * @param detail why it is not ok, or a note
 * @param toolchain for a GOPROXY that answered, the newest stable Go release it serves as the
 *     golang.org/toolchain module for the probed platform ({@code goferry install --goproxy})
 */
public record MirrorReport(Mirror mirror, int rank, MirrorStatus status, Optional<Duration> latency,
                           OptionalDouble throughput, Optional<String> newest, Optional<String> detail,
                           Optional<String> toolchain) {
    public MirrorReport {
        Objects.requireNonNull(mirror);
        Objects.requireNonNull(status);
    }
}
