package dev.goferry.gomod.module;

import java.nio.charset.StandardCharsets;

/**
 * GOPRIVATE-style glob lists, matched exactly like x/mod's {@code module.MatchPrefixPatterns}:
 * the list is split on {@code ,} with no trimming (so {@code "a.com, b.com"} never matches
 * {@code b.com/m}), one trailing {@code /} is dropped, and a glob with N slashes is
 * {@link #pathMatch path.Match}ed against the first N+1 elements of the module path. Malformed
 * globs match nothing, silently, as in Go.
 */
public final class PrefixPatterns {

    private PrefixPatterns() {}

    /** Reports whether any glob of the comma-separated {@code globs} matches a prefix of {@code target}. */
    public static boolean matches(String globs, String target) {
        String rest = globs;
        while (!rest.isEmpty()) {
            String glob;
            int comma = rest.indexOf(',');
            if (comma >= 0) {
                glob = rest.substring(0, comma);
                rest = rest.substring(comma + 1);
            } else {
                glob = rest;
                rest = "";
            }
            if (glob.endsWith("/")) {
                glob = glob.substring(0, glob.length() - 1);
            }
            if (glob.isEmpty()) {
                continue;
            }
            int n = (int) glob.chars().filter(c -> c == '/').count();
            String prefix = target;
            for (int i = 0; i < target.length(); i++) {
                if (target.charAt(i) == '/') {
                    if (n == 0) {
                        prefix = target.substring(0, i);
                        break;
                    }
                    n--;
                }
            }
            if (n > 0) {
                continue;
            }
            try {
                if (pathMatch(glob, prefix)) {
                    return true;
                }
            } catch (BadPatternException e) {
                // Go ignores the error of path.Match here: a malformed glob matches nothing.
            }
        }
        return false;
    }

    /** Go's {@code path.ErrBadPattern}: the pattern is malformed. */
    public static final class BadPatternException extends Exception {
        BadPatternException() {
            super("syntax error in pattern", null, false, false);
        }
    }

    /**
     * Go's {@code path.Match}: {@code *} matches any run of non-'/' bytes, {@code ?} one non-'/'
     * character, {@code [class]} with ranges, {@code ^} negation and {@code \} escapes. Like Go,
     * it reports a malformed pattern even when the name fails to match earlier.
     *
     * @throws BadPatternException when the pattern is malformed
     */
    public static boolean pathMatch(String pattern, String name) throws BadPatternException {
        return new Matcher(pattern.getBytes(StandardCharsets.UTF_8)).match(name.getBytes(StandardCharsets.UTF_8));
    }

    /** A direct port of Go's path.Match over UTF-8 bytes; indexes replace Go's re-slicing. */
    private static final class Matcher {
        private final byte[] p;

        Matcher(byte[] p) {
            this.p = p;
        }

        boolean match(byte[] s) throws BadPatternException {
            int pi = 0;
            int si = 0;
            pattern:
            while (pi < p.length) {
                boolean star = false;
                while (pi < p.length && p[pi] == '*') {
                    pi++;
                    star = true;
                }
                int chunkStart = pi;
                int chunkEnd = scanChunkEnd(pi);
                pi = chunkEnd;
                if (star && chunkStart == chunkEnd) {
                    for (int i = si; i < s.length; i++) {
                        if (s[i] == '/') {
                            return false;
                        }
                    }
                    return true;
                }
                int t = matchChunk(chunkStart, chunkEnd, s, si);
                if (t >= 0 && (t == s.length || pi < p.length)) {
                    si = t;
                    continue;
                }
                if (star) {
                    for (int i = si; i < s.length && s[i] != '/'; i++) {
                        int t2 = matchChunk(chunkStart, chunkEnd, s, i + 1);
                        if (t2 >= 0) {
                            if (pi == p.length && t2 < s.length) {
                                continue;
                            }
                            si = t2;
                            continue pattern;
                        }
                    }
                }
                while (pi < p.length) {
                    while (pi < p.length && p[pi] == '*') {
                        pi++;
                    }
                    int end = scanChunkEnd(pi);
                    matchChunk(pi, end, new byte[0], 0);
                    pi = end;
                }
                return false;
            }
            return si == s.length;
        }

        private int scanChunkEnd(int from) {
            boolean inRange = false;
            int i = from;
            scan:
            for (; i < p.length; i++) {
                switch (p[i]) {
                    case '\\' -> {
                        if (i + 1 < p.length) {
                            i++;
                        }
                    }
                    case '[' -> inRange = true;
                    case ']' -> inRange = false;
                    case '*' -> {
                        if (!inRange) {
                            break scan;
                        }
                    }
                    default -> { }
                }
            }
            return i;
        }

        /** {@return the index in s after the chunk matched, or -1 when it did not match} */
        private int matchChunk(int c, int end, byte[] s, int si) throws BadPatternException {
            boolean failed = false;
            while (c < end) {
                if (!failed && si == s.length) {
                    failed = true;
                }
                switch (p[c]) {
                    case '[' -> {
                        int r = 0;
                        if (!failed) {
                            long rn = decodeRune(s, si);
                            r = (int) (rn >> 32);
                            si += (int) rn;
                        }
                        c++;
                        boolean negated = false;
                        if (c < end && p[c] == '^') {
                            negated = true;
                            c++;
                        }
                        boolean match = false;
                        int nrange = 0;
                        while (true) {
                            if (c < end && p[c] == ']' && nrange > 0) {
                                c++;
                                break;
                            }
                            long lo = getEsc(c, end);
                            int loRune = (int) (lo >> 32);
                            c = (int) lo;
                            int hiRune = loRune;
                            if (p[c] == '-') {
                                long hi = getEsc(c + 1, end);
                                hiRune = (int) (hi >> 32);
                                c = (int) hi;
                            }
                            if (loRune <= r && r <= hiRune) {
                                match = true;
                            }
                            nrange++;
                        }
                        if (match == negated) {
                            failed = true;
                        }
                    }
                    case '?' -> {
                        if (!failed) {
                            if (s[si] == '/') {
                                failed = true;
                            }
                            si += (int) decodeRune(s, si);
                        }
                        c++;
                    }
                    case '\\' -> {
                        c++;
                        if (c == end) {
                            throw new BadPatternException();
                        }
                        if (!failed) {
                            if (p[c] != s[si]) {
                                failed = true;
                            }
                            si++;
                        }
                        c++;
                    }
                    default -> {
                        if (!failed) {
                            if (p[c] != s[si]) {
                                failed = true;
                            }
                            si++;
                        }
                        c++;
                    }
                }
            }
            return failed ? -1 : si;
        }

        /** Go's getEsc: one possibly escaped rune of a class; returns rune << 32 | next index. */
        private long getEsc(int c, int end) throws BadPatternException {
            if (c >= end || p[c] == '-' || p[c] == ']') {
                throw new BadPatternException();
            }
            if (p[c] == '\\') {
                c++;
                if (c >= end) {
                    throw new BadPatternException();
                }
            }
            long rn = decodeRune(java.util.Arrays.copyOfRange(p, 0, end), c);
            int rune = (int) (rn >> 32);
            int n = (int) rn;
            if (rune == 0xFFFD && n == 1) {
                throw new BadPatternException();
            }
            int next = c + n;
            if (next >= end) {
                throw new BadPatternException();
            }
            return ((long) rune << 32) | next;
        }
    }

    /**
     * Go's utf8.DecodeRuneInString at {@code i}: rune in the high 32 bits, byte length in the low
     * ones; an invalid sequence decodes as U+FFFD of length 1.
     */
    static long decodeRune(byte[] s, int i) {
        if (i >= s.length) {
            return ((long) 0xFFFD << 32);
        }
        int b0 = s[i] & 0xFF;
        if (b0 < 0x80) {
            return ((long) b0 << 32) | 1;
        }
        int len = b0 >= 0xF0 && b0 < 0xF5 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 ? 2 : 0;
        if (len == 0 || b0 >= 0xF5 || i + len > s.length) {
            return ((long) 0xFFFD << 32) | 1;
        }
        int r = b0 & (0xFF >> (len + 1));
        for (int k = 1; k < len; k++) {
            int b = s[i + k] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                return ((long) 0xFFFD << 32) | 1;
            }
            r = (r << 6) | (b & 0x3F);
        }
        int min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
        if (r < min || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) {
            return ((long) 0xFFFD << 32) | 1;
        }
        return ((long) r << 32) | len;
    }
}
