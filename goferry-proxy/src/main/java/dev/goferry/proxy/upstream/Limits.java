package dev.goferry.proxy.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Capped copying of upstream bodies. */
final class Limits {

    private Limits() {}

    /** Thrown when a body is longer than its cap. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long max) {
            super("upstream body too large (limit is " + max + " bytes)");
        }
    }

    /** Copies {@code in} to {@code out}; {@return the byte count} */
    static long copy(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > max) {
                throw new TooLargeException(max);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }
}
