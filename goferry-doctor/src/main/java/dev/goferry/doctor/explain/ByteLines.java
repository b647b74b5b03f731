package dev.goferry.doctor.explain;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@link LineReader}'s rules on raw bytes: LF, CRLF and a lone CR end a line, a line is cut at
 * {@link LineReader#MAX_LINE} bytes, and nothing but one buffer is ever held. Lines are handed over
 * as slices of the buffer, valid only during the call.
 */
final class ByteLines {

    /** Receives one line, {@code b[from, to)}, without its terminator. */
    interface Sink {
        void line(byte[] b, int from, int to);
    }

    private static final int BUFFER = 1 << 20;

    private ByteLines() {}

    /** Feeds every line of {@code in} to {@code sink} and {@return the bytes read} */
    static long forEach(InputStream in, Sink sink) throws IOException {
        byte[] buf = new byte[BUFFER];
        int len = 0;       // bytes in buf
        int start = 0;     // start of the current line
        int scan = 0;      // where to look for the next terminator
        boolean skipping = false;  // inside a line already cut at MAX_LINE
        boolean lastCr = false;
        long total = 0;
        while (true) {
            int n = in.read(buf, len, buf.length - len);
            if (n < 0) {
                break;
            }
            total += n;
            len += n;
            for (int i = scan; i < len; i++) {
                byte c = buf[i];
                if (c != '\n' && c != '\r') {
                    continue;
                }
                boolean crlfTail = c == '\n' && lastCr && i == start;
                lastCr = c == '\r';
                if (!crlfTail) {
                    if (!skipping) {
                        sink.line(buf, start, Math.min(i, start + LineReader.MAX_LINE));
                    }
                    skipping = false;
                }
                start = i + 1;
            }
            if (len > start) {
                lastCr = false;
            }
            if (len - start >= LineReader.MAX_LINE && !skipping) {
                sink.line(buf, start, start + LineReader.MAX_LINE);
                skipping = true;
            }
            if (skipping) {
                start = len;  // drop what is read of a cut line
            }
            System.arraycopy(buf, start, buf, 0, len - start);
            len -= start;
            start = 0;
            scan = len;
        }
        if (len > start && !skipping) {
            sink.line(buf, start, len);
        }
        return total;
    }
}
