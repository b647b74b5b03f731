package dev.goferry.doctor.diagnosis;

import dev.goferry.doctor.Layer;
import dev.goferry.doctor.Status;
import dev.goferry.doctor.target.Target;
import java.util.List;

/**
 * A cause proposed for one target, before causes shared by several targets are grouped:
 * candidates with the same id and the same {@code key} become one {@link Cause}.
 *
 * @param id       the cause
 * @param layer    the layer it is attributed to
 * @param severity FAIL or WARN
 * @param target   the target
 * @param key      what must be equal for two targets to share the cause (a resolver, a proxy, an
 *                 issuer, a status); these are also the explanation's arguments after the hosts
 * @param evidence the evidence lines
 */
record Candidate(CauseId id, Layer layer, Status severity, Target target, List<String> key, List<String> evidence) {
    Candidate {
        key = List.copyOf(key);
        evidence = List.copyOf(evidence);
    }

    static Candidate fail(CauseId id, Target target, List<String> key, String... evidence) {
        return new Candidate(id, id.layer(), Status.FAIL, target, key, List.of(evidence));
    }

    Candidate as(CauseId other, List<String> otherKey) {
        return new Candidate(other, other.layer(), severity, target, otherKey, evidence);
    }
}
