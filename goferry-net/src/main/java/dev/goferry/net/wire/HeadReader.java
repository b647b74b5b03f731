package dev.goferry.net.wire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an HTTP/1.x head byte by byte up to the blank line, never past it: after a CONNECT the
 * bytes that follow belong to the tunnel, and after a response head they belong to the body.
 */
public final class HeadReader {

    /** The most a head may take; Go's {@code http.DefaultMaxHeaderBytes} is 1 MiB, proxies far less. */
    public static final int MAX_HEAD_BYTES = 64 * 1024;

    private HeadReader() {}

    /**
     * The bytes received.
     *
     * @param text     the head as ISO-8859-1 text, without the final blank line
     * @param complete whether the blank line arrived (false: the peer closed first, or the cap was hit)
     * @param bytes    how many bytes were read
     */
    public record Head(String text, boolean complete, int bytes) {}

    /** Reads a head from {@code in}; {@code onFirstByte} runs when the first byte arrives. */
    public static Head read(InputStream in, Runnable onFirstByte) throws IOException {
        byte[] buf = new byte[256];
        int n = 0;
        while (n < MAX_HEAD_BYTES) {
            int b = in.read();
            if (b < 0) {
                return new Head(new String(buf, 0, n, StandardCharsets.ISO_8859_1), false, n);
            }
            if (n == 0) {
                onFirstByte.run();
            }
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[n++] = (byte) b;
            if (endsWithBlankLine(buf, n)) {
                int cut = n >= 4 && buf[n - 2] == '\r' ? n - 4 : n - 2;
                return new Head(new String(buf, 0, Math.max(0, cut), StandardCharsets.ISO_8859_1), true, n);
            }
        }
        return new Head(new String(buf, 0, n, StandardCharsets.ISO_8859_1), false, n);
    }

    private static boolean endsWithBlankLine(byte[] b, int n) {
        return n >= 4 && b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n'
                || n >= 2 && b[n - 2] == '\n' && b[n - 1] == '\n';
    }
}
