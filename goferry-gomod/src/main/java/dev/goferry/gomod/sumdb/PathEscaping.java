package dev.goferry.gomod.sumdb;

/**
 * Case-escaping of module paths and versions for lookup URLs ({@code A} → {@code !a}), and its inverse.
 * Validation of the path itself is left to the module package.
 */
// TODO(lead): use dev.goferry.gomod.module escaping
final class PathEscaping {

    private PathEscaping() {
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                b.append('!').append((char) (c + ('a' - 'A')));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** {@return the unescaped string, or empty if it is not a valid escaped string} */
    static java.util.Optional<String> unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean bang = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
                return java.util.Optional.empty();
            }
            if (bang) {
                bang = false;
                if (c < 'a' || c > 'z') {
                    return java.util.Optional.empty();
                }
                b.append((char) (c - ('a' - 'A')));
            } else if (c == '!') {
                bang = true;
            } else {
                b.append(c);
            }
        }
        return bang ? java.util.Optional.empty() : java.util.Optional.of(b.toString());
    }
}
