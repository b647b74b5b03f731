package dev.goferry.gomod.gostd;

/** Go's notion of white space ({@code unicode.IsSpace}), which differs from Java's {@code strip()}. */
public final class GoStrings {

    private GoStrings() {}

    /** Go's {@code unicode.IsSpace}. */
    public static boolean isSpace(int c) {
        return switch (c) {
            case '\t', '\n', 0x0b, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200A;
        };
    }

    /** Go's {@code strings.TrimSpace}. */
    public static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Go's {@code strings.Fields}: runs of non-space separated by white space. */
    public static java.util.List<String> fields(String s) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && isSpace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < s.length() && !isSpace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }
}
