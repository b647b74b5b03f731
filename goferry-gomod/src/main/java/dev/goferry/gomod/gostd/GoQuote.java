package dev.goferry.gomod.gostd;

/**
 * Go's {@code strconv.Quote} and {@code strconv.QuoteRune} (the {@code %q} verb), so that the
 * texts goferry prints where Go prints {@code %q} match Go's byte for byte: {@code \a \b \f \n
 * \r \t \v}, a hex escape for other ASCII controls and for characters Go's {@code strconv.IsPrint}
 * rejects, everything else as is.
 */
public final class GoQuote {

    private GoQuote() {}

    /** {@return {@code s} as a double-quoted Go string literal, as {@code strconv.Quote} writes it} */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> appendEscaped(b, cp, '"'));
        return b.append('"').toString();
    }

    /** Go's {@code %q} of a rune: {@code 'x'}. */
    public static String quoteRune(int cp) {
        StringBuilder b = new StringBuilder().append('\'');
        appendEscaped(b, cp, '\'');
        return b.append('\'').toString();
    }

    private static void appendEscaped(StringBuilder b, int cp, char quote) {
        switch (cp) {
            case 7 -> b.append("\\a");
            case '\b' -> b.append("\\b");
            case '\f' -> b.append("\\f");
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            case 11 -> b.append("\\v");
            case '\\' -> b.append("\\\\");
            default -> {
                if (cp == quote) {
                    b.append('\\').appendCodePoint(cp);
                } else if (isPrint(cp)) {
                    b.appendCodePoint(cp);
                } else if (cp < 0x80) {
                    b.append(String.format("\\x%02x", cp));
                } else if (cp < 0x10000) {
                    b.append(String.format("\\u%04x", cp));
                } else {
                    b.append(String.format("\\U%08x", cp));
                }
            }
        }
    }

    /** Close to Go's strconv.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space. */
    private static boolean isPrint(int cp) {
        if (cp < 0x80) {
            return cp >= 0x20 && cp < 0x7f;
        }
        return switch (Character.getType(cp)) {
            case Character.UNASSIGNED, Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE,
                    Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
