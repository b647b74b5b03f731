package dev.goferry.net;

import java.time.Duration;
import java.util.Objects;

/**
 * How long one attempt at one phase took: a start event paired with its end or failure.
 *
 * @param endpoint  the endpoint probed
 * @param phase     the phase
 * @param detail    the name or address of this attempt, empty where a phase has none
 * @param startNanos clock reading at the start
 * @param duration  end minus start
 * @param succeeded false when the phase ended with a {@code …Failed} event
 */
public record PhaseTiming(Endpoint endpoint, Phase phase, String detail, long startNanos, Duration duration,
                          boolean succeeded) {
    public PhaseTiming {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(duration, "duration");
    }
}
