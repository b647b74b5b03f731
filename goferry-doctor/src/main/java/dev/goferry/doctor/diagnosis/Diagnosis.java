package dev.goferry.doctor.diagnosis;

import dev.goferry.doctor.Status;
import java.util.List;
import java.util.Optional;

/**
 * The whole verdict: every target's layer table and the root causes. It stays filled in when
 * causes exist, so a renderer always prints the full table before the causes (like x/mod's
 * {@code CheckedFiles}). {@link #causes()} is never empty: with nothing wrong it holds exactly
 * {@link CauseId#HEALTHY}.
 *
 * @param local   machine-wide LOCAL findings (interfaces, routes, resolv.conf, hosts entries, clock)
 * @param targets one report per target, in evidence order
 * @param causes  root causes, lowest layer first
 */
public record Diagnosis(List<Finding> local, List<TargetReport> targets, List<Cause> causes) {
    public Diagnosis {
        local = List.copyOf(local);
        targets = List.copyOf(targets);
        causes = List.copyOf(causes);
        if (causes.isEmpty()) {
            throw new IllegalArgumentException("diagnosis: causes must hold at least \"healthy\"");
        }
    }

    /** Reports whether nothing is wrong. */
    public boolean healthy() {
        return causes.size() == 1 && causes.getFirst().id() == CauseId.HEALTHY;
    }

    /** {@return the process exit code this diagnosis suggests: 0 healthy, 1 causes found} */
    public int exitCode() {
        return healthy() ? 0 : 1;
    }

    /** {@return the first cause that makes downloads fail, if any} */
    public Optional<Cause> firstError() {
        return causes.stream().filter(c -> c.severity() == Status.FAIL).findFirst();
    }

    /** {@return the cause with {@code id}, if found} */
    public Optional<Cause> cause(CauseId id) {
        return causes.stream().filter(c -> c.id() == id).findFirst();
    }

    /** {@return the ids of the causes, in order} */
    public List<CauseId> causeIds() {
        return causes.stream().map(Cause::id).toList();
    }
}
