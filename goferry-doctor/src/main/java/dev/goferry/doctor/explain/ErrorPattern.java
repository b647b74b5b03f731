package dev.goferry.doctor.explain;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One error form the go command prints, and what it means.
 *
 * <p>A line is tried against {@code regex} only when it contains one of the {@code keywords}
 * (case-sensitive literals, checked in one pass for all patterns by {@link Prefilter}), so a
 * noisy CI log costs one scan per line and a regex only where an error is likely. Named groups
 * of {@code regex} become facts ({@code host}, {@code resolver}, {@code proxy}, {@code status},
 * {@code issuer}, {@code module}, {@code version}, {@code url}, {@code value}, {@code detail}).
 *
 * @param id       stable pattern id, e.g. {@code dns.no-such-host}
 * @param keywords literals at least one of which every matching line contains
 * @param regex    the error form, searched anywhere in the cleaned line
 * @param meaning  the cause it names
 * @param example  a real line of this form (from the go command or its sources), checked by a test
 */
public record ErrorPattern(String id, List<String> keywords, Pattern regex, Meaning meaning, String example) {
    public ErrorPattern {
        Objects.requireNonNull(id, "id");
        keywords = List.copyOf(keywords);
        if (keywords.isEmpty()) {
            throw new IllegalArgumentException("pattern \"" + id + "\": needs at least one keyword");
        }
        Objects.requireNonNull(regex, "regex");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(example, "example");
    }
}
