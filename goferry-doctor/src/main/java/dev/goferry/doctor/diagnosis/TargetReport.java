package dev.goferry.doctor.diagnosis;

import dev.goferry.doctor.Layer;
import dev.goferry.doctor.Status;
import dev.goferry.doctor.target.Target;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One target's layer table: a finding per layer that was examined, lowest layer first.
 *
 * @param target   the target
 * @param findings the findings, in layer order
 * @param root     the root cause attributed to this target, if it has one
 */
public record TargetReport(Target target, List<Finding> findings, Optional<CauseId> root) {
    public TargetReport {
        Objects.requireNonNull(target, "target");
        findings = List.copyOf(findings);
        Objects.requireNonNull(root, "root");
    }

    /** {@return the finding for {@code layer}, when that layer was examined} */
    public Optional<Finding> finding(Layer layer) {
        return findings.stream().filter(f -> f.layer() == layer).findFirst();
    }

    /** {@return the worst status over all layers} */
    public Status status() {
        if (findings.stream().anyMatch(f -> f.status() == Status.FAIL)) {
            return Status.FAIL;
        }
        if (findings.stream().anyMatch(f -> f.status() == Status.WARN)) {
            return Status.WARN;
        }
        return findings.stream().anyMatch(f -> f.status() == Status.OK) ? Status.OK : Status.SKIPPED;
    }

    /** Reports whether every examined layer passed (warnings allowed) and at least one was examined. */
    public boolean works() {
        Status s = status();
        return s == Status.OK || s == Status.WARN;
    }
}
