package dev.goferry.doctor.explain;

import java.io.IOException;
import java.io.Reader;
import java.util.function.Consumer;

/**
 * Reads a log line by line without ever holding more than one line: LF, CRLF and a lone CR (a
 * progress line redrawn in place) all end a line, and a line longer than {@link #MAX_LINE}
 * characters is cut there (the rest of it is skipped), so a log without newlines cannot exhaust
 * memory.
 */
final class LineReader {

    /** Longer lines are cut: no go error is anywhere near this long. */
    static final int MAX_LINE = 64 * 1024;

    private LineReader() {}

    /** Feeds every line of {@code in} to {@code sink} and {@return the characters read} */
    static long forEach(Reader in, Consumer<String> sink) throws IOException {
        char[] buf = new char[64 * 1024];
        StringBuilder line = new StringBuilder(256);
        boolean cut = false;
        boolean lastCr = false;
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            int start = 0;
            for (int i = 0; i < n; i++) {
                char c = buf[i];
                if (c != '\n' && c != '\r') {
                    continue;
                }
                boolean crlfTail = c == '\n' && lastCr && i == start && line.isEmpty();
                lastCr = c == '\r';
                if (!cut) {
                    line.append(buf, start, Math.min(i - start, MAX_LINE - line.length()));
                }
                start = i + 1;
                if (crlfTail) {
                    continue;  // the LF of a CRLF: the line already ended at the CR
                }
                sink.accept(line.toString());
                line.setLength(0);
                cut = false;
            }
            if (start < n) {
                lastCr = false;
                if (!cut) {
                    int room = MAX_LINE - line.length();
                    line.append(buf, start, Math.min(n - start, room));
                    cut = n - start >= room;
                }
            }
        }
        if (!line.isEmpty()) {
            sink.accept(line.toString());
        }
        return total;
    }
}
