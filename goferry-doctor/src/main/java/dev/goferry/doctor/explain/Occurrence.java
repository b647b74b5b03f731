package dev.goferry.doctor.explain;

import java.util.Map;
import java.util.Objects;

/**
 * One recognised error line.
 *
 * @param line    its 1-based line number in the log
 * @param pattern the id of the {@link ErrorPattern} that matched
 * @param text    the line as go printed it (cleaned of colours and timestamps, cut at 2,000 characters)
 * @param facts   what the line names: {@code module}, {@code version}, {@code url}, {@code host},
 *                {@code resolver}, {@code proxy}, {@code status}, {@code issuer}, {@code value},
 *                {@code detail}, and from the lines after it {@code response} (a proxy's
 *                {@code server response:}), {@code downloaded} and {@code expected} (checksums)
 */
public record Occurrence(long line, String pattern, String text, Map<String, String> facts) {
    public Occurrence {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(text, "text");
        facts = Map.copyOf(facts);
    }
}
