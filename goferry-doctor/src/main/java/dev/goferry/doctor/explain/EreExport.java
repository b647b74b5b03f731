package dev.goferry.doctor.explain;

import java.util.List;

/**
 * The patterns as POSIX extended regular expressions ({@code grep -E -f}), for the benchmark that
 * compares explain with grep on the same patterns. The translation keeps which lines match: named
 * and non-capturing groups become plain groups, lazy quantifiers greedy ones, {@code \s \S \d \w}
 * their bracket forms; a negative look-ahead is dropped, so grep may match a line more (never fewer).
 */
public final class EreExport {

    private EreExport() {}

    /** {@return every pattern of {@link ErrorPatterns} as an ERE, in order} */
    public static List<String> all() {
        return ErrorPatterns.all().stream().map(p -> ere(p.regex().pattern())).toList();
    }

    /** {@return the Java regex {@code java} (the subset ErrorPatterns uses) as an ERE} */
    static String ere(String java) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        int n = java.length();
        while (i < n) {
            char c = java.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char e = java.charAt(i + 1);
                b.append(switch (e) {
                    case 's' -> "[[:space:]]";
                    case 'S' -> "[^[:space:]]";
                    case 'd' -> "[0-9]";
                    case 'w' -> "[[:alnum:]_]";
                    case '"', '\'' -> String.valueOf(e);
                    default -> "\\" + e;
                });
                i += 2;
            } else if (c == '[') {
                i = bracket(java, i, b);
            } else if (c == '(' && java.startsWith("(?<", i) && !java.startsWith("(?<=", i) && !java.startsWith("(?<!", i)) {
                b.append('(');
                i = java.indexOf('>', i) + 1;
            } else if (c == '(' && java.startsWith("(?!", i)) {
                i = closing(java, i) + 1;  // ERE has no look-ahead: match a little more, never less
            } else if (c == '(' && java.startsWith("(?:", i)) {
                b.append('(');
                i += 3;
            } else if ((c == '+' || c == '*' || c == '?' || c == '}') && i + 1 < n && java.charAt(i + 1) == '?') {
                b.append(c);
                i += 2;  // lazy → greedy: the same lines match
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    /** {@return the index of the parenthesis closing the one at {@code open}} */
    private static int closing(String java, int open) {
        int depth = 0;
        for (int i = open; i < java.length(); i++) {
            char c = java.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = java.indexOf(']', i + 1);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("regex \"" + java + "\": unbalanced parentheses");
    }

    /** Copies the bracket expression at {@code start}; {@return the index after it} */
    private static int bracket(String java, int start, StringBuilder b) {
        int i = start + 1;
        boolean negate = i < java.length() && java.charAt(i) == '^';
        if (negate) {
            i++;
        }
        StringBuilder items = new StringBuilder();
        boolean closeBracket = false;
        boolean dash = false;
        while (i < java.length() && java.charAt(i) != ']') {
            char c = java.charAt(i);
            if (c == '\\' && i + 1 < java.length()) {
                char e = java.charAt(i + 1);
                switch (e) {
                    case 's' -> items.append("[:space:]");
                    case 'd' -> items.append("0-9");
                    case 'w' -> items.append("[:alnum:]_");
                    case ']' -> closeBracket = true;
                    case '-' -> dash = true;
                    case '\\' -> items.append("\\\\");
                    default -> items.append(e);
                }
                i += 2;
            } else {
                items.append(c);
                i++;
            }
        }
        b.append('[');
        if (negate) {
            b.append('^');
        }
        if (closeBracket) {
            b.append(']');
        }
        b.append(items);
        if (dash) {
            b.append('-');
        }
        b.append(']');
        return i + 1;
    }
}
