package dev.goferry.gomod.semver;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Parsing, canonicalizing and ordering of Go semantic versions, with golang.org/x/mod/semver's
 * exact semantics (see the package comment for the grammar).
 */
public final class Semver {

    /** Orders by {@link #compare}, breaking ties by plain string order, like x/mod's {@code Sort}. */
    public static final Comparator<String> BY_VERSION = (v, w) -> {
        int c = compare(v, w);
        return c != 0 ? c : v.compareTo(w);
    };

    private Semver() {}

    /** The parts of a valid version; {@code shortSuffix} is what canonicalization appends. */
    private record Parsed(String major, String minor, String patch, String shortSuffix,
                          String prerelease, String build) {}

    /** Reports whether {@code v} is a valid semantic version string. */
    public static boolean isValid(String v) {
        return parse(v).isPresent();
    }

    /**
     * Returns the canonical form of {@code v}: missing minor and patch numbers filled in with
     * {@code .0}, build metadata dropped. For example {@code canonical("v1.2") == "v1.2.0"} and
     * {@code canonical("v1.2.3+meta") == "v1.2.3"}. An invalid version gives "".
     */
    public static String canonical(String v) {
        return parse(v).map(p -> {
            if (!p.build().isEmpty()) {
                return v.substring(0, v.length() - p.build().length());
            }
            return v + p.shortSuffix();
        }).orElse("");
    }

    /** Returns the major version prefix: {@code major("v2.1.0") == "v2"}; "" if invalid. */
    public static String major(String v) {
        return parse(v).map(p -> v.substring(0, 1 + p.major().length())).orElse("");
    }

    /**
     * Returns the major.minor prefix: {@code majorMinor("v2.1.0") == "v2.1"},
     * {@code majorMinor("v2") == "v2.0"}; "" if invalid.
     */
    public static String majorMinor(String v) {
        return parse(v).map(p -> {
            int i = 1 + p.major().length();
            int j = i + 1 + p.minor().length();
            if (j <= v.length() && v.charAt(i) == '.' && v.substring(i + 1, j).equals(p.minor())) {
                return v.substring(0, j);
            }
            return v.substring(0, i) + "." + p.minor();
        }).orElse("");
    }

    /** Returns the prerelease suffix with its leading {@code -}, e.g. "-pre" for "v1.2.3-pre+meta"; "" if none or invalid. */
    public static String prerelease(String v) {
        return parse(v).map(Parsed::prerelease).orElse("");
    }

    /** Returns the build suffix with its leading {@code +}, e.g. "+meta" for "v1.2.3-pre+meta"; "" if none or invalid. */
    public static String build(String v) {
        return parse(v).map(Parsed::build).orElse("");
    }

    /**
     * Compares two versions: negative, zero or positive as {@code v} is less than, equal to or
     * greater than {@code w}. Build metadata is ignored; an invalid version is less than every
     * valid one and equal to every other invalid one.
     */
    public static int compare(String v, String w) {
        Optional<Parsed> pv = parse(v);
        Optional<Parsed> pw = parse(w);
        if (pv.isEmpty() && pw.isEmpty()) {
            return 0;
        }
        if (pv.isEmpty()) {
            return -1;
        }
        if (pw.isEmpty()) {
            return 1;
        }
        Parsed a = pv.get();
        Parsed b = pw.get();
        int c = compareInt(a.major(), b.major());
        if (c == 0) {
            c = compareInt(a.minor(), b.minor());
        }
        if (c == 0) {
            c = compareInt(a.patch(), b.patch());
        }
        if (c == 0) {
            c = comparePrerelease(a.prerelease(), b.prerelease());
        }
        return c;
    }

    /** Returns the larger of two versions, in canonical form; "" only if both are invalid. */
    public static String max(String v, String w) {
        String cv = canonical(v);
        String cw = canonical(w);
        return compare(cv, cw) > 0 ? cv : cw;
    }

    /** Returns a copy of {@code versions} sorted by {@link #BY_VERSION}. */
    public static List<String> sort(List<String> versions) {
        return versions.stream().sorted(BY_VERSION).toList();
    }

    private static Optional<Parsed> parse(String v) {
        if (v == null || v.isEmpty() || v.charAt(0) != 'v') {
            return Optional.empty();
        }
        int[] pos = {1};
        String major = parseInt(v, pos);
        if (major == null) {
            return Optional.empty();
        }
        if (pos[0] == v.length()) {
            return Optional.of(new Parsed(major, "0", "0", ".0.0", "", ""));
        }
        if (v.charAt(pos[0]) != '.') {
            return Optional.empty();
        }
        pos[0]++;
        String minor = parseInt(v, pos);
        if (minor == null) {
            return Optional.empty();
        }
        if (pos[0] == v.length()) {
            return Optional.of(new Parsed(major, minor, "0", ".0", "", ""));
        }
        if (v.charAt(pos[0]) != '.') {
            return Optional.empty();
        }
        pos[0]++;
        String patch = parseInt(v, pos);
        if (patch == null) {
            return Optional.empty();
        }
        String prerelease = "";
        if (pos[0] < v.length() && v.charAt(pos[0]) == '-') {
            prerelease = parseIdentifiers(v, pos, true);
            if (prerelease == null) {
                return Optional.empty();
            }
        }
        String build = "";
        if (pos[0] < v.length() && v.charAt(pos[0]) == '+') {
            build = parseIdentifiers(v, pos, false);
            if (build == null) {
                return Optional.empty();
            }
        }
        if (pos[0] != v.length()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(major, minor, patch, "", prerelease, build));
    }

    /** Parses a decimal number without leading zero at {@code pos[0]}; null if there is none. */
    private static String parseInt(String v, int[] pos) {
        int start = pos[0];
        int i = start;
        while (i < v.length() && isDigit(v.charAt(i))) {
            i++;
        }
        if (i == start || (v.charAt(start) == '0' && i != start + 1)) {
            return null;
        }
        pos[0] = i;
        return v.substring(start, i);
    }

    /**
     * Parses a {@code -prerelease} (stopping at {@code +}) or a {@code +build} suffix (to the
     * end) starting at {@code pos[0]}, including its lead character; null if malformed.
     */
    private static String parseIdentifiers(String v, int[] pos, boolean prerelease) {
        int begin = pos[0];
        int i = begin + 1;
        int start = i;
        while (i < v.length() && !(prerelease && v.charAt(i) == '+')) {
            char c = v.charAt(i);
            if (!isIdentChar(c) && c != '.') {
                return null;
            }
            if (c == '.') {
                if (start == i || (prerelease && isBadNum(v.substring(start, i)))) {
                    return null;
                }
                start = i + 1;
            }
            i++;
        }
        if (start == i || (prerelease && isBadNum(v.substring(start, i)))) {
            return null;
        }
        pos[0] = i;
        return v.substring(begin, i);
    }

    private static boolean isDigit(char c) {
        return '0' <= c && c <= '9';
    }

    private static boolean isIdentChar(char c) {
        return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || isDigit(c) || c == '-';
    }

    /** A numeric identifier with a leading zero, which SemVer forbids in prereleases. */
    private static boolean isBadNum(String s) {
        return isNum(s) && s.length() > 1 && s.charAt(0) == '0';
    }

    private static boolean isNum(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Compares decimal strings without leading zeros: by length first, then by digits. */
    private static int compareInt(String x, String y) {
        if (x.length() != y.length()) {
            return x.length() < y.length() ? -1 : 1;
        }
        return Integer.signum(x.compareTo(y));
    }

    /** SemVer 2.0 precedence: a release sorts after its prereleases; identifiers compared in turn. */
    private static int comparePrerelease(String x, String y) {
        if (x.equals(y)) {
            return 0;
        }
        if (x.isEmpty()) {
            return 1;
        }
        if (y.isEmpty()) {
            return -1;
        }
        String[] xs = x.substring(1).split("\\.", -1);
        String[] ys = y.substring(1).split("\\.", -1);
        for (int i = 0; i < xs.length && i < ys.length; i++) {
            String dx = xs[i];
            String dy = ys[i];
            if (dx.equals(dy)) {
                continue;
            }
            boolean ix = isNum(dx);
            boolean iy = isNum(dy);
            if (ix != iy) {
                return ix ? -1 : 1;
            }
            if (ix && dx.length() != dy.length()) {
                return dx.length() < dy.length() ? -1 : 1;
            }
            return Integer.signum(dx.compareTo(dy));
        }
        return Integer.compare(xs.length, ys.length);
    }
}
