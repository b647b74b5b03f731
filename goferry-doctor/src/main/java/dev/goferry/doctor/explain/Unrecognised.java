package dev.goferry.doctor.explain;

import java.util.Objects;

/**
 * A line that looks like an error of the go command ({@code go: …}) but matches no pattern: shown
 * to the user as it is, never guessed at.
 *
 * @param line its 1-based line number
 * @param text the line as go printed it
 */
public record Unrecognised(long line, String text) {
    public Unrecognised {
        Objects.requireNonNull(text, "text");
    }
}
