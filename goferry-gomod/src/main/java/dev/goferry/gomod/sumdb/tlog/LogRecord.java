package dev.goferry.gomod.sumdb.tlog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A record of the log with its id, and the lookup-response framing of x/mod {@code FormatRecord}
 * and {@code ParseRecord}: {@code "<id>\n" + text + "\n"}, followed (in a lookup response) by the
 * signed tree note. Record text is valid UTF-8 without control characters other than newline, ends
 * with a newline and has no blank lines; for the go.sum database it is the version's two go.sum lines.
 *
 * @param id the record number in the log
 * @param text the record text
 */
public record LogRecord(long id, byte[] text) {

    private static final String MALFORMED = "malformed record data";

    public LogRecord {
        text = text.clone();
    }

    @Override
    public byte[] text() {
        return text.clone();
    }

    /** The parts of a lookup response: the record and what follows it (the signed note). */
    public record Parsed(LogRecord record, byte[] rest) {
    }

    /**
     * {@return {@code "<id>\n" + text + "\n"}}
     *
     * @throws IllegalArgumentException "malformed record data" if the text is not valid record text
     */
    public byte[] format() {
        if (!isValidText(text)) {
            throw new IllegalArgumentException(MALFORMED);
        }
        byte[] head = (id + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] msg = Arrays.copyOf(head, head.length + text.length + 1);
        System.arraycopy(text, 0, msg, head.length, text.length);
        msg[msg.length - 1] = '\n';
        return msg;
    }

    /**
     * Parses the record at the start of {@code msg}.
     *
     * @throws IllegalArgumentException "malformed record data"
     */
    public static Parsed parse(byte[] msg) {
        int i = indexOf(msg, 0, (byte) '\n');
        if (i < 0) {
            throw new IllegalArgumentException(MALFORMED);
        }
        long id;
        try {
            id = parseGoInt(new String(msg, 0, i, StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MALFORMED);
        }
        int start = i + 1;
        int j = -1;
        for (int k = start; k + 1 < msg.length; k++) {
            if (msg[k] == '\n' && msg[k + 1] == '\n') {
                j = k;
                break;
            }
        }
        if (j < 0) {
            throw new IllegalArgumentException(MALFORMED);
        }
        byte[] text = Arrays.copyOfRange(msg, start, j + 1);
        if (!isValidText(text)) {
            throw new IllegalArgumentException(MALFORMED);
        }
        return new Parsed(new LogRecord(id, text), Arrays.copyOfRange(msg, j + 2, msg.length));
    }

    /** Go's strconv.ParseInt(s, 10, 64): optional sign, decimal digits, no spaces. */
    private static long parseGoInt(String s) {
        if (s.isEmpty() || s.chars().skip(s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0)
                .anyMatch(c -> c < '0' || c > '9')) {
            throw new NumberFormatException(s);
        }
        return Long.parseLong(s);
    }

    /** {@return whether {@code text} is valid record text} */
    public static boolean isValidText(byte[] text) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(text)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
        int last = 0;
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            if ((r < 0x20 && r != '\n') || (last == '\n' && r == '\n')) {
                return false;
            }
            i += Character.charCount(r);
            last = r;
        }
        return last == '\n';
    }

    private static int indexOf(byte[] a, int from, byte b) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogRecord r && r.id == id && Arrays.equals(r.text, text);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + Arrays.hashCode(text);
    }

    @Override
    public String toString() {
        return "LogRecord[" + id + ", " + new String(text, StandardCharsets.UTF_8) + "]";
    }
}
