package dev.goferry.install.index;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Go release version as go.dev/dl names it ({@code go1.22.3}, {@code go1.21rc2},
 * {@code go1.9beta1}, {@code go1.20}), ordered as Go's {@code go/version.Compare} orders them:
 * {@code go1.21beta1 < go1.21rc1 < go1.21.0 < go1.21.1}; {@code go1.20} equals {@code go1.20.0}.
 *
 * @param major 1
 * @param minor the release line
 * @param patch the patch number, 0 when absent
 * @param pre "" for a release, "beta" or "rc"
 * @param preNumber the beta/rc number
 */
public record GoVersion(int major, int minor, int patch, String pre, int preNumber) implements Comparable<GoVersion> {

    private static final Pattern SYNTAX = Pattern.compile("(?:go)?(\\d+)\\.(\\d+)(?:\\.(\\d+)|(beta|rc)(\\d+))?");

    /** {@return the version of "go1.22.3", "1.22.3", "go1.21rc2", "1.22" (a line), or empty if malformed} */
    public static Optional<GoVersion> parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            String pre = m.group(4) == null ? "" : m.group(4);
            int preNumber = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
            return Optional.of(new GoVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch, pre, preNumber));
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
    }

    /** {@return whether the text names only a release line ("1.22", "go1.22") and no patch or pre-release} */
    public static boolean isLine(String text) {
        return text.matches("(?:go)?\\d+\\.\\d+");
    }

    /** {@return true if this and the other are in the same release line (1.22.x)} */
    public boolean sameLine(GoVersion other) {
        return major == other.major && minor == other.minor;
    }

    @Override
    public int compareTo(GoVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) c = Integer.compare(minor, o.minor);
        if (c == 0) c = Integer.compare(rank(), o.rank());
        if (c == 0) c = Integer.compare(patch, o.patch);
        if (c == 0) c = Integer.compare(preNumber, o.preNumber);
        return c;
    }

    private int rank() {
        return switch (pre) {
            case "beta" -> 0;
            case "rc" -> 1;
            default -> 2;
        };
    }
}
