package dev.goferry.doctor.diagnosis;

import dev.goferry.doctor.evidence.LocalEvidence;
import dev.goferry.gomod.route.RouteSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the diagnosis needs besides the per-target evidence: the go command's settings as the
 * route model parsed them (GOPROXY list, GONOPROXY, GOSUMDB, the HTTP proxy variables as this Go
 * release reads them), the machine-wide LOCAL evidence, and thresholds.
 *
 * @param settings   the settings, parsed ({@code RouteSettings.of(GoSettings, env, GoOs)})
 * @param goproxy    the effective GOPROXY text, for messages and fix commands
 * @param gosumdb    the effective GOSUMDB text
 * @param local      the LOCAL evidence, when gathered
 * @param thresholds when slow is slow and a clock is off
 */
public record DiagnosisContext(RouteSettings settings, String goproxy, String gosumdb, Optional<LocalEvidence> local,
                               Thresholds thresholds) {

    public DiagnosisContext {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(goproxy, "goproxy");
        Objects.requireNonNull(gosumdb, "gosumdb");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(thresholds, "thresholds");
    }

    /**
     * Limits of the judgement.
     *
     * @param slowBytesPerSecond a transfer slower than this is {@code network.slow}
     * @param clockSkew          a clock differing from servers' Date headers by at least this is off
     */
    public record Thresholds(double slowBytesPerSecond, Duration clockSkew) {
        public Thresholds {
            Objects.requireNonNull(clockSkew, "clockSkew");
        }

        /** 64 KiB/s (a 10 MB module zip then takes minutes); two minutes of clock difference. */
        public static final Thresholds DEFAULT = new Thresholds(64 * 1024, Duration.ofMinutes(2));
    }

    /** {@return the clock skew (local minus servers) when it is at least the threshold} */
    Optional<Duration> significantSkew() {
        return local.flatMap(LocalEvidence::clockSkew)
                .filter(d -> d.abs().compareTo(thresholds.clockSkew()) >= 0);
    }
}
