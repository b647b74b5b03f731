package dev.goferry.doctor.diagnosis;

import dev.goferry.doctor.Layer;
import dev.goferry.doctor.Status;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on one layer of one target: one ✓ / ! / ✗ line of the report.
 *
 * @param layer   the layer
 * @param status  ok, warn, fail, or skipped (not reached)
 * @param elapsed how long the layer took, when it was timed
 * @param detail  what was seen, as data or Go's verbatim text (addresses, {@code 200 OK},
 *                {@code x509: certificate signed by unknown authority}); never translated
 * @param cause   the cause this layer's problem points to, for warn and fail (the target's root cause
 *                may differ: a consequence of a lower failure points to its own kind of problem)
 */
public record Finding(Layer layer, Status status, Optional<Duration> elapsed, String detail,
                      Optional<CauseId> cause) {
    public Finding {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(cause, "cause");
    }

    static Finding ok(Layer layer, Optional<Duration> elapsed, String detail) {
        return new Finding(layer, Status.OK, elapsed, detail, Optional.empty());
    }

    static Finding warn(Layer layer, Optional<Duration> elapsed, String detail, CauseId cause) {
        return new Finding(layer, Status.WARN, elapsed, detail, Optional.of(cause));
    }

    static Finding fail(Layer layer, Optional<Duration> elapsed, String detail, CauseId cause) {
        return new Finding(layer, Status.FAIL, elapsed, detail, Optional.of(cause));
    }

    static Finding skipped(Layer layer, String detail) {
        return new Finding(layer, Status.SKIPPED, Optional.empty(), detail, Optional.empty());
    }
}
