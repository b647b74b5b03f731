package dev.goferry.install.mirrors;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The judged and ranked mirrors of one {@code mirrors test}, kind by kind.
 *
 * @param reports every probed mirror, grouped by kind (catalog order of kinds), best first within a kind
 * @param freshest per kind, the newest version (or tree size) any correct answer (or the index) knew
 * @param releaseIndexProblem why release mirrors could not be judged, when the index was unavailable
 */
public record MirrorRanking(List<MirrorReport> reports, Map<MirrorKind, String> freshest,
                            Optional<String> releaseIndexProblem) {

    public MirrorRanking {
        reports = List.copyOf(reports);
        freshest = Map.copyOf(freshest);
    }

    /** {@return the reports of one kind, best first} */
    public List<MirrorReport> of(MirrorKind kind) {
        return reports.stream().filter(r -> r.mirror().kind() == kind).toList();
    }

    /** {@return the best working mirror of a kind: ok before stale} */
    public Optional<MirrorReport> best(MirrorKind kind) {
        return of(kind).stream().filter(r -> r.status().works()).findFirst();
    }
}
