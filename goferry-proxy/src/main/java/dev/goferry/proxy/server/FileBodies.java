package dev.goferry.proxy.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes a response body that is a whole stored file so that a plain HTTP/1.x connection sends it
 * with {@code sendfile} ({@link SendfileEndPoint}). The buffer given to Jetty is always a mapping
 * of the same file, so the bytes are the file's whichever way the connection sends them.
 */
final class FileBodies {

    private FileBodies() {}

    /**
     * A stored file to send.
     *
     * @param path where it is
     * @param size its length as stored
     * @param key its identity ({@link BasicFileAttributes#fileKey()}) when the body must come from
     *     that very file: a held mapping's file replaced by hand is not sent, the mapping is
     */
    record Source(Path path, long size, Optional<Object> key) {

        /** A file sent whatever it is now, as long as it has {@code size} bytes. */
        Source(Path path, long size) {
            this(path, size, Optional.empty());
        }
    }

    /**
     * Writes {@code file} as the last content of {@code response},
     * from {@code mapping} (a read-only mapping of the whole file) or from a mapping made here.
     * The file is opened per response and closed when the write completes or the connection
     * closes.
     *
     * {@return false when nothing was written, and the caller writes the body itself: the
     *     connection cannot send from a file (TLS, HTTP/2, another connector), the file is empty
     *     or too big for one buffer, or it is no longer the file it was (size, identity)}
     */
    static boolean send(Request request, Response response, Callback callback, Source file,
                        Optional<ByteBuffer> mapping) {
        Optional<SendfileEndPoint> endpoint = endPoint(request);
        long size = file.size();
        if (endpoint.isEmpty() || size <= 0 || size > Integer.MAX_VALUE) {
            return false;
        }
        FileChannel channel;
        ByteBuffer body;
        try {
            if (file.key().isPresent()
                    && !file.key().get().equals(Files.readAttributes(file.path(), BasicFileAttributes.class).fileKey())) {
                return false;
            }
            channel = FileChannel.open(file.path(), StandardOpenOption.READ);
        } catch (IOException e) {
            return false;
        }
        try {
            if (channel.size() != size) {
                channel.close();
                return false;
            }
            // Mapping without touching the pages costs no memory: on the sendfile path the
            // buffer's bytes are never read.
            body = mapping.isPresent() ? mapping.get() : channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (IOException e) {
            closeQuietly(channel);
            return false;
        }
        FileRegion region = new FileRegion(body, channel, 0);
        if (!endpoint.get().offer(region)) {
            closeQuietly(channel);
            return false;
        }
        Callback releasing = new Releasing(callback, endpoint.get(), region);
        try {
            response.write(true, body, releasing);
        } catch (Throwable x) {
            releasing.failed(x);
        }
        return true;
    }

    /** {@return the connection's endpoint when it can send a file region: plain HTTP/1.x on a {@link SendfileConnector}} */
    static Optional<SendfileEndPoint> endPoint(Request request) {
        ConnectionMetaData meta = request.getConnectionMetaData();
        HttpVersion version = meta.getHttpVersion();
        if (meta.isSecure() || (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0)) {
            return Optional.empty();
        }
        return meta.getConnection().getEndPoint() instanceof SendfileEndPoint s ? Optional.of(s) : Optional.empty();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // A read-only file: closing it cannot lose data.
        }
    }

    /**
     * Releases the region before completing the response: once the response completes, the
     * connection may read the next request and offer its region.
     */
    private record Releasing(Callback callback, SendfileEndPoint endpoint, FileRegion region) implements Callback {
        @Override
        public void succeeded() {
            endpoint.release(region);
            callback.succeeded();
        }

        @Override
        public void failed(Throwable x) {
            endpoint.release(region);
            callback.failed(x);
        }

        @Override
        public InvocationType getInvocationType() {
            return callback.getInvocationType();
        }
    }
}
