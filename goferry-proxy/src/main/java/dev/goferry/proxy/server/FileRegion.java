package dev.goferry.proxy.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Objects;

/**
 * A response body that is a file's bytes: {@code body} holds exactly the bytes of {@code file}
 * from {@code offset} on (a read-only mapping of it), so the connection may send them from the
 * file instead of from the buffer and both give the same bytes. The region owns {@code file} and
 * closes it when released.
 *
 * @param body the buffer Jetty is given as the content; only its position and limit are used on
 *     the sendfile path
 * @param file the open file the bytes come from
 * @param offset the file offset of {@code body}'s index 0
 */
public record FileRegion(ByteBuffer body, FileChannel file, long offset) {

    public FileRegion {
        Objects.requireNonNull(body);
        Objects.requireNonNull(file);
        if (offset < 0) {
            throw new IllegalArgumentException("negative file offset " + offset);
        }
    }

    /** Closes the file; the region must not be sent after this. */
    void close() {
        try {
            file.close();
        } catch (IOException ignored) {
            // A read-only file: closing it cannot lose data.
        }
    }
}
