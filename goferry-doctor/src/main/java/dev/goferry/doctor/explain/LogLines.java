package dev.goferry.doctor.explain;

/**
 * Turns a raw line of a terminal capture or CI log into the text go printed: without ANSI escape
 * sequences (colours, cursor moves, OSC titles), without a leading timestamp (GitHub Actions'
 * {@code 2026-01-01T00:00:00.0000000Z }, bracketed {@code [12:34:56]} or ISO stamps) and without
 * CI annotations such as {@code ##[error]}. Carriage returns split lines before this (see
 * {@link LineReader}), so a progress line overwritten in place is read as the lines it was.
 */
final class LogLines {

    private LogLines() {}

    /** {@return {@code raw} as go printed it} */
    static String clean(String raw) {
        String s = raw.indexOf('\u001b') >= 0 ? stripAnsi(raw) : raw;
        s = stripTimestamp(s);
        if (s.startsWith("##[")) {
            int end = s.indexOf(']');
            if (end > 0) {
                s = s.substring(end + 1);
            }
        }
        return s;
    }

    /** Removes CSI ({@code ESC [ … final}) and OSC ({@code ESC ] … BEL or ESC \}) sequences and lone escapes. */
    static String stripAnsi(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c != '\u001b') {
                b.append(c);
                i++;
                continue;
            }
            if (i + 1 < n && s.charAt(i + 1) == '[') {
                i += 2;
                while (i < n && (s.charAt(i) < '@' || s.charAt(i) > '~')) {
                    i++;
                }
                i++;  // the final byte
            } else if (i + 1 < n && s.charAt(i + 1) == ']') {
                i += 2;
                while (i < n && s.charAt(i) != '\u0007' && !(s.charAt(i) == '\u001b' && i + 1 < n
                        && s.charAt(i + 1) == '\\')) {
                    i++;
                }
                i += i < n && s.charAt(i) == '\u0007' ? 1 : 2;
            } else {
                i += 2;  // a two-character escape
            }
        }
        return b.toString();
    }

    /** Drops one leading timestamp: ISO 8601 ({@code 2026-01-01T00:00:00[.frac][Z|±hh:mm]}) or bracketed. */
    static String stripTimestamp(String s) {
        int i = 0;
        boolean bracket = s.startsWith("[");
        if (bracket) {
            i = 1;
        }
        int end = isoEnd(s, i);
        if (end < 0) {
            end = clockEnd(s, i);
        }
        if (end < 0) {
            return s;
        }
        if (bracket) {
            if (end >= s.length() || s.charAt(end) != ']') {
                return s;
            }
            end++;
        }
        while (end < s.length() && s.charAt(end) == ' ') {
            end++;
        }
        return s.substring(end);
    }

    /** {@return the end of {@code yyyy-mm-ddThh:mm:ss[.f][Z|±hh:mm]} at {@code i}, or -1} */
    private static int isoEnd(String s, int i) {
        if (!digits(s, i, 4) || !at(s, i + 4, '-') || !digits(s, i + 5, 2) || !at(s, i + 7, '-')
                || !digits(s, i + 8, 2) || !(at(s, i + 10, 'T') || at(s, i + 10, ' '))) {
            return -1;
        }
        int end = clockEnd(s, i + 11);
        if (end < 0) {
            return -1;
        }
        if (at(s, end, 'Z')) {
            return end + 1;
        }
        if ((at(s, end, '+') || at(s, end, '-')) && digits(s, end + 1, 2) && at(s, end + 3, ':') && digits(s, end + 4, 2)) {
            return end + 6;
        }
        return end;
    }

    /** {@return the end of {@code hh:mm:ss[.f]} at {@code i}, or -1} */
    private static int clockEnd(String s, int i) {
        if (!digits(s, i, 2) || !at(s, i + 2, ':') || !digits(s, i + 3, 2) || !at(s, i + 5, ':') || !digits(s, i + 6, 2)) {
            return -1;
        }
        int end = i + 8;
        if (at(s, end, '.') || at(s, end, ',')) {
            end++;
            while (end < s.length() && Character.isDigit(s.charAt(end))) {
                end++;
            }
        }
        return end;
    }

    private static boolean digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean at(String s, int i, char c) {
        return i < s.length() && s.charAt(i) == c;
    }
}
