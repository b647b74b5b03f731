package dev.goferry.doctor.explain;

import java.util.List;
import java.util.Optional;

/**
 * What a log says went wrong: the causes it names, grouped, and the error lines nothing matched.
 *
 * @param groups            one per cause, in order of first appearance
 * @param unrecognised      the first unrecognised error lines, distinct (at most {@value Explainer#MAX_UNRECOGNISED})
 * @param unrecognisedCount how many unrecognised error lines there were in all
 * @param lines             lines read
 * @param size              bytes read (characters, when read from a {@link java.io.Reader})
 */
public record Explanation(List<CauseGroup> groups, List<Unrecognised> unrecognised, long unrecognisedCount,
                          long lines, long size) {
    public Explanation {
        groups = List.copyOf(groups);
        unrecognised = List.copyOf(unrecognised);
    }

    /** Reports whether the log holds no error at all, recognised or not. */
    public boolean clean() {
        return groups.isEmpty() && unrecognisedCount == 0;
    }

    /** {@return the group of cause {@code id}} */
    public Optional<CauseGroup> group(String id) {
        return groups.stream().filter(g -> g.meaning().id().equals(id)).findFirst();
    }

    /** {@return the cause ids, in order} */
    public List<String> causeIds() {
        return groups.stream().map(g -> g.meaning().id()).toList();
    }
}
