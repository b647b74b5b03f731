package dev.goferry.doctor.explain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every error of a log that names the same cause.
 *
 * @param meaning  the cause
 * @param count    how many lines named it
 * @param patterns the ids of the patterns that matched, in order of first appearance
 * @param hosts    the hosts those lines name, distinct, in order (at most {@value Explainer#MAX_LISTED})
 * @param modules  the modules ({@code path@version}) they name, the same way
 * @param facts    for each fact, the first value seen
 * @param samples  the first lines (at most {@value Explainer#MAX_SAMPLES})
 */
public record CauseGroup(Meaning meaning, long count, List<String> patterns, List<String> hosts,
                         List<String> modules, Map<String, String> facts, List<Occurrence> samples) {
    public CauseGroup {
        Objects.requireNonNull(meaning, "meaning");
        patterns = List.copyOf(patterns);
        hosts = List.copyOf(hosts);
        modules = List.copyOf(modules);
        facts = Map.copyOf(facts);
        samples = List.copyOf(samples);
    }

    /** {@return the first value of fact {@code name}} */
    public Optional<String> fact(String name) {
        return Optional.ofNullable(facts.get(name));
    }

    /** {@return the URLs of the samples, distinct, in order} */
    public List<String> urls() {
        return samples.stream().map(o -> o.facts().get("url")).filter(Objects::nonNull).distinct().toList();
    }
}
