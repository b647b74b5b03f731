package dev.goferry.gomod.zip;

import dev.goferry.gomod.gostd.GoQuote;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds names that would land on the same file on a case-insensitive file system, and names used
 * both as a file and as a directory (x/mod's {@code collisionChecker}). Every parent of a path is
 * registered as a directory.
 */
final class CollisionChecker {

    private record Seen(String path, boolean isDir) {}

    private final Map<String, Seen> seen = new HashMap<>();

    Optional<String> check(String p, boolean isDir) {
        String fold = fold(p);
        Seen other = seen.get(fold);
        if (other != null) {
            if (!p.equals(other.path())) {
                return Optional.of("case-insensitive file name collision: " + GoQuote.quote(other.path()) + " and " + GoQuote.quote(p));
            }
            if (isDir != other.isDir()) {
                return Optional.of("entry " + GoQuote.quote(p) + " is both a file and a directory");
            }
            if (!isDir) {
                return Optional.of("multiple entries for file " + GoQuote.quote(p));
            }
        } else {
            seen.put(fold, new Seen(p, isDir));
        }
        int slash = p.lastIndexOf('/');
        if (slash > 0) {
            return check(p.substring(0, slash), true);
        }
        return Optional.empty();
    }

    /**
     * Go's {@code strToFold}: each character replaced by the smallest member of its simple case
     * folding orbit, then A–Z lowered. The orbit is approximated with Java's upper, lower and
     * title case mappings, which covers the orbits Go knows (K/k/Kelvin sign, S/s/long s, …).
     */
    static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(r -> {
            int min = r;
            if (r != 0x130 && r != 0x131) { // dotted and dotless i fold only to themselves in Go
                int[] orbit = {
                    Character.toUpperCase(r), Character.toLowerCase(r), Character.toTitleCase(r),
                    Character.toLowerCase(Character.toUpperCase(r)), Character.toUpperCase(Character.toLowerCase(r))
                };
                for (int c : orbit) {
                    min = Math.min(min, c);
                }
            }
            if ('A' <= min && min <= 'Z') {
                min += 'a' - 'A';
            }
            b.appendCodePoint(min);
        });
        return b.toString();
    }
}
