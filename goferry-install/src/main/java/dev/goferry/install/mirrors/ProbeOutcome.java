package dev.goferry.install.mirrors;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/** How probing one mirror ended, before its answer is compared with the others' for freshness. */
public sealed interface ProbeOutcome {

    /**
     * The mirror gave a correct protocol answer.
     *
     * @param latency from sending the first request to its response headers
     * @param newest what it knows as newest: a module version, a Go release, a tree size
     * @param throughput bytes per second over the bounded sample, when one was fetched
     * @param note something worth showing (e.g. "no go1.22.3 archive, has go1.22.2")
     * @param toolchain for a GOPROXY, the newest stable Go release it serves as golang.org/toolchain
     */
    record Answered(Duration latency, String newest, OptionalDouble throughput, Optional<String> note,
                    Optional<String> toolchain) implements ProbeOutcome {

        /** An answer of a kind that has no toolchain (a checksum database, a release mirror). */
        Answered(Duration latency, String newest, OptionalDouble throughput, Optional<String> note) {
            this(latency, newest, throughput, note, Optional.empty());
        }
    }

    /** It answered, but not with the protocol: an HTML page, a wrong size, a tree that does not verify. */
    record Broken(Optional<Duration> latency, String reason) implements ProbeOutcome {}

    /** No HTTP answer: refused, reset, name not found, TLS failure. */
    record Unreachable(String reason) implements ProbeOutcome {}

    /** The probe had not finished when the deadline passed. */
    record TimedOut() implements ProbeOutcome {}

    /** Nothing to judge it against (the release index could not be loaded). */
    record NotChecked(String reason) implements ProbeOutcome {}
}
