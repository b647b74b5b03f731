package dev.goferry.install.unpack;

import dev.goferry.install.download.StreamTap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Unpacks an archive on its own thread while it downloads: the {@link StreamTap} side receives the
 * part's bytes from the downloading thread through a bounded queue (back-pressure instead of an
 * unbounded buffer), the unpacking thread runs {@link SafeUnpacker} on them into a staging folder.
 * Like {@code curl | tar xz}, but the tree is only a candidate: the installer adopts it after the
 * whole file's SHA-256 matched, and falls back to unpacking the verified file whenever this did not
 * see exactly that file from its first byte to its last (a resumed part, a restart from zero, a
 * checksum mismatch and the next source) or failed for any reason.
 */
public final class StreamingUnpacker implements StreamTap, AutoCloseable {

    private static final byte[] END = new byte[0];
    private static final byte[] ABANDON = new byte[0];
    private static final int QUEUE_CHUNKS = 256;

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
    private final Thread thread;
    private volatile boolean abandoned;
    private volatile boolean done;
    private volatile Optional<Throwable> failure = Optional.empty();
    private long position;

    private StreamingUnpacker(String archiveName, Path staging) {
        this.thread = Thread.ofPlatform().name("goferry-unpack").daemon().unstarted(() -> run(archiveName, staging));
    }

    /** Starts unpacking {@code archiveName}'s bytes, as they come, into the empty folder {@code staging}. */
    public static StreamingUnpacker start(String archiveName, Path staging) {
        StreamingUnpacker u = new StreamingUnpacker(archiveName, staging);
        u.thread.start();
        return u;
    }

    private void run(String name, Path staging) {
        Pipe pipe = new Pipe();
        try {
            SafeUnpacker.unpack(pipe, name, staging);
            pipe.drain(); // the gzip trailer and tar padding after the last entry
        } catch (Throwable t) {
            failure = Optional.of(t);
        } finally {
            done = true;
        }
    }

    @Override
    public void written(long offset, byte[] bytes, int length) {
        if (abandoned || done) {
            if (!abandoned && length > 0) {
                abandoned = true; // bytes after the unpacker stopped: it did not see the whole file
            }
            return;
        }
        if (offset != position) {
            abandon();
            return;
        }
        byte[] chunk = Arrays.copyOf(bytes, length);
        try {
            while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                if (done || abandoned) {
                    abandoned = true;
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon();
            return;
        }
        position += length;
    }

    /** Gives up: the unpacking thread stops at its next read; the staging folder is the caller's to delete. */
    public void abandon() {
        abandoned = true;
        queue.clear();
        queue.offer(ABANDON);
    }

    /**
     * Ends the stream after {@code size} bytes and waits for the unpacking to finish.
     *
     * @return whether the staging folder holds the unpacked archive of exactly these {@code size} bytes
     */
    public boolean finish(long size) throws InterruptedException {
        if (abandoned || position != size) {
            abandon();
            thread.join();
            return false;
        }
        while (!queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
            if (done) {
                break;
            }
        }
        thread.join();
        return !abandoned && failure.isEmpty();
    }

    /** {@return why the streaming unpack failed, if it did} (the installer then unpacks the verified file, whose error wins) */
    public Optional<Throwable> failure() {
        return failure;
    }

    /** Abandons (if not finished) and waits for the unpacking thread to end. */
    @Override
    public void close() throws InterruptedException {
        if (thread.isAlive()) {
            abandon();
            thread.join();
        }
    }

    /** The unpacking thread's view of the queue: an InputStream that ends at END and fails at ABANDON. */
    private final class Pipe extends InputStream {
        private byte[] current = new byte[0];
        private int at;
        private boolean ended;

        private boolean fill() throws IOException {
            while (at == current.length) {
                if (ended) {
                    return false;
                }
                byte[] next;
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("unpacking interrupted");
                }
                if (next == ABANDON) {
                    throw new IOException("streaming unpack abandoned");
                }
                if (next == END) {
                    ended = true;
                    return false;
                }
                current = next;
                at = 0;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? current[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length - at);
            System.arraycopy(current, at, b, off, n);
            at += n;
            return n;
        }

        void drain() throws IOException {
            while (fill()) {
                at = current.length;
            }
        }
    }
}
