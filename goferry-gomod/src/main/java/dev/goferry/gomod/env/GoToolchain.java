package dev.goferry.gomod.env;

import dev.goferry.gomod.gostd.GoQuote;
import java.util.Optional;

/**
 * GOTOOLCHAIN (Go 1.21+) as cmd/go's {@code toolchain.Select} reads it: {@code auto},
 * {@code path}, {@code local} or {@code goX.Y[.Z]}, optionally followed by {@code +auto} or
 * {@code +path}.
 *
 * @param minimum the minimum toolchain ({@code local} or a name like {@code go1.22.1}), empty for plain auto/path
 * @param mode {@code auto}, {@code path}, or empty (never switch)
 * @param error Go's text ({@code invalid GOTOOLCHAIN …}); every go command then fails at start
 */
public record GoToolchain(Optional<String> minimum, Optional<String> mode, Optional<String> error) {

    /** Parses GOTOOLCHAIN; an empty value means no toolchain switching and is not an error. */
    public static GoToolchain parse(String value) {
        if (value.isEmpty()) {
            return new GoToolchain(Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (value.equals("auto") || value.equals("path")) {
            return new GoToolchain(Optional.empty(), Optional.of(value), Optional.empty());
        }
        int plusAt = value.indexOf('+');
        boolean plus = plusAt >= 0;
        String min = plus ? value.substring(0, plusAt) : value;
        String suffix = plus ? value.substring(plusAt + 1) : "";
        if (!min.equals("local") && fromToolchain(min).isEmpty()) {
            String error = plus
                    ? "invalid GOTOOLCHAIN " + GoQuote.quote(value) + ": invalid minimum toolchain " + GoQuote.quote(min)
                    : "invalid GOTOOLCHAIN " + GoQuote.quote(value);
            return new GoToolchain(Optional.empty(), Optional.empty(), Optional.of(error));
        }
        if (plus && !suffix.equals("auto") && !suffix.equals("path")) {
            return new GoToolchain(Optional.of(min), Optional.empty(), Optional.of(
                    "invalid GOTOOLCHAIN " + GoQuote.quote(value) + ": only version suffixes are +auto and +path"));
        }
        return new GoToolchain(Optional.of(min), Optional.of(suffix).filter(s -> !s.isEmpty()), Optional.empty());
    }

    /** gover.FromToolchain: the Go version a toolchain name stands for. */
    static Optional<String> fromToolchain(String name) {
        if (name.contains("/") || name.contains("\\")) {
            return Optional.empty();
        }
        String v;
        if (name.startsWith("go")) {
            v = name.substring(2);
        } else if (name.contains("-go")) {
            v = name.substring(name.indexOf("-go") + 3);
        } else {
            return Optional.empty();
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ' ' || c == '\t' || c == '-') {
                v = v.substring(0, i);
                break;
            }
        }
        return validVersion(v) ? Optional.of(v) : Optional.empty();
    }

    /** gover.IsValid: 1, 1.2, 1.2.3, 1.21rc1, 1.21beta2 (no prerelease on a patch). */
    static boolean validVersion(String x) {
        int[] at = {0};
        if (!cutInt(x, at)) {
            return false;
        }
        if (at[0] == x.length()) {
            return true;
        }
        if (x.charAt(at[0]) != '.') {
            return false;
        }
        at[0]++;
        if (!cutInt(x, at)) {
            return false;
        }
        if (at[0] == x.length()) {
            return true;
        }
        if (x.charAt(at[0]) == '.') {
            at[0]++;
            return cutInt(x, at) && at[0] == x.length();
        }
        int start = at[0];
        while (at[0] < x.length() && (x.charAt(at[0]) < '0' || x.charAt(at[0]) > '9')) {
            if (x.charAt(at[0]) < 'a' || x.charAt(at[0]) > 'z') {
                return false;
            }
            at[0]++;
        }
        if (at[0] == start) {
            return false;
        }
        if (at[0] == x.length()) {
            return true;
        }
        return cutInt(x, at) && at[0] == x.length();
    }

    private static boolean cutInt(String x, int[] at) {
        int start = at[0];
        int i = start;
        while (i < x.length() && x.charAt(i) >= '0' && x.charAt(i) <= '9') {
            i++;
        }
        if (i == start || x.charAt(start) == '0' && i != start + 1) {
            return false;
        }
        at[0] = i;
        return true;
    }
}
