package dev.goferry.gomod.sumdb.tlog;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A tree head: the number of records and the tree hash (x/mod {@code tlog.Tree}). Its text form is
 * the body of the signed note a checksum database serves at {@code /latest}:
 * {@code "go.sum database tree\n<N>\n<base64 hash>\n"}.
 *
 * @param n number of records
 * @param hash tree hash
 */
public record Tree(long n, Hash hash) {

    private static final String PREFIX = "go.sum database tree\n";
    private static final String MALFORMED = "malformed tree note";

    public Tree {
        if (n < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + n);
        }
    }

    /** {@return the note text of this tree} */
    public byte[] format() {
        return (PREFIX + n + "\n" + hash + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses a tree note text; lines after the hash are ignored.
     *
     * @throws IllegalArgumentException with Go's text "malformed tree note"
     */
    public static Tree parse(byte[] text) {
        String s = new String(text, StandardCharsets.UTF_8);
        if (!s.startsWith(PREFIX) || s.chars().filter(c -> c == '\n').count() < 3 || text.length > 1_000_000) {
            throw new IllegalArgumentException(MALFORMED);
        }
        String[] lines = s.split("\n", 4);
        long n;
        try {
            n = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MALFORMED);
        }
        if (n < 0 || !lines[1].equals(Long.toString(n))) {
            throw new IllegalArgumentException(MALFORMED);
        }
        byte[] h;
        try {
            h = Base64.getDecoder().decode(Hash.requirePadding(lines[2]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(MALFORMED);
        }
        if (h.length != Hash.SIZE) {
            throw new IllegalArgumentException(MALFORMED);
        }
        return new Tree(n, new Hash(h));
    }
}
