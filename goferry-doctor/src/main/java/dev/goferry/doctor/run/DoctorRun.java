package dev.goferry.doctor.run;

import dev.goferry.doctor.Layer;
import dev.goferry.doctor.diagnosis.Diagnosis;
import dev.goferry.doctor.evidence.LocalEvidence;
import dev.goferry.doctor.evidence.TargetEvidence;
import java.util.List;
import java.util.Objects;

/**
 * One run's result: the verdict, the evidence it rests on, and what the deadline cut short.
 *
 * @param diagnosis  the verdict on whatever evidence arrived in time
 * @param evidence   per-target evidence, in target order (partial for unfinished targets)
 * @param local      the LOCAL evidence
 * @param unfinished targets whose layers were still running at the deadline, in target order
 */
public record DoctorRun(Diagnosis diagnosis, List<TargetEvidence> evidence, LocalEvidence local,
                        List<Unfinished> unfinished) {

    public DoctorRun {
        Objects.requireNonNull(diagnosis, "diagnosis");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(local, "local");
        unfinished = List.copyOf(unfinished);
    }

    /**
     * A target the deadline cut short.
     *
     * @param targetId the target
     * @param layers   the layers it had not finished, lowest first
     */
    public record Unfinished(String targetId, List<Layer> layers) {
        public Unfinished {
            Objects.requireNonNull(targetId, "targetId");
            layers = List.copyOf(layers);
        }
    }
}
