package dev.goferry.proxy.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A plain TCP endpoint that can send a response body straight from its file with
 * {@link java.nio.channels.FileChannel#transferTo} ({@code sendfile(2)} on Linux): the kernel moves
 * the bytes from the page cache to the socket without copying them through a user-space buffer,
 * which is what nginx's {@code sendfile on} does.
 *
 * <p>Jetty's HTTP/1.1 connection hands a {@code Content-Length} body to
 * {@link #flush(ByteBuffer...)} as the very buffer instance the handler wrote (its
 * {@code HttpConnection.SendCallback} gathers header and content into one
 * {@code EndPoint.write}; the {@code HttpGenerator} never copies content; the
 * {@code WriteFlusher} keeps the instances and calls {@code flush} again with what remains). So a
 * handler {@linkplain #offer offers} a {@link FileRegion} for the buffer it is about to write, and
 * when {@code flush} reaches that instance it transfers the same bytes from the file and advances
 * the buffer's position by what went out. A partial transfer returns {@code false}, and the
 * {@code WriteFlusher} waits for the socket to be writable and flushes again, as it does for any
 * buffer. Every other buffer is written as usual.
 *
 * <p>One region is pending per connection at most (HTTP/1.1 sends one response at a time); it is
 * released by the write's callback, or when the connection closes.
 */
public final class SendfileEndPoint extends SocketChannelEndPoint {

    private final AtomicReference<FileRegion> pending = new AtomicReference<>();
    private final LongConsumer sentFromFile;

    /** @param sentFromFile told how many bytes each transfer from a file sent (must be fast) */
    public SendfileEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler,
                            LongConsumer sentFromFile) {
        super(channel, selector, key, scheduler);
        this.sentFromFile = sentFromFile;
    }

    /**
     * Makes {@code region}'s buffer go out from its file when it is flushed.
     * {@return false when another region is still pending: the caller then writes the buffer as usual}
     */
    public boolean offer(FileRegion region) {
        return pending.compareAndSet(null, region);
    }

    /** Forgets {@code region} if it is the pending one, and closes its file either way. */
    public void release(FileRegion region) {
        pending.compareAndSet(region, null);
        region.close();
    }

    @Override
    public boolean flush(ByteBuffer... buffers) throws IOException {
        FileRegion region = pending.get();
        int at = region == null ? -1 : indexOf(buffers, region.body());
        if (at < 0) {
            return super.flush(buffers);
        }
        if (!write(buffers, 0, at)) {
            return false;
        }
        if (!transfer(region)) {
            return false;
        }
        return write(buffers, at + 1, buffers.length - at - 1);
    }

    /** Gathers {@code length} buffers from {@code from} into the socket. {@return whether all of them went out} */
    private boolean write(ByteBuffer[] buffers, int from, int length) throws IOException {
        if (length == 0) {
            return true;
        }
        try {
            if (getChannel().write(buffers, from, length) > 0) {
                notIdle();
            }
        } catch (IOException e) {
            throw new EofException(e);
        }
        for (int i = from; i < from + length; i++) {
            if (buffers[i].hasRemaining()) {
                return false;
            }
        }
        return true;
    }

    /** Sends what remains of the region's buffer from its file. {@return whether all of it went out} */
    private boolean transfer(FileRegion region) throws IOException {
        ByteBuffer body = region.body();
        if (!body.hasRemaining()) {
            return true;
        }
        long from = region.offset() + body.position();
        long sent;
        try {
            sent = region.file().transferTo(from, body.remaining(), getChannel());
            if (sent == 0 && from + body.remaining() > region.file().size()) {
                // transferTo also answers 0 at the end of the file: without this check a file cut
                // short would make the flusher spin on a writable socket.
                throw new IOException("file ends at " + region.file().size() + " before the body's end at "
                        + (from + body.remaining()));
            }
        } catch (IOException e) {
            throw new EofException(e);
        }
        if (sent > 0) {
            body.position(body.position() + (int) sent);
            sentFromFile.accept(sent);
            notIdle();
        }
        return !body.hasRemaining();
    }

    private static int indexOf(ByteBuffer[] buffers, ByteBuffer wanted) {
        for (int i = 0; i < buffers.length; i++) {
            if (buffers[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void onClose(Throwable cause) {
        try {
            super.onClose(cause);
        } finally {
            FileRegion region = pending.getAndSet(null);
            if (region != null) {
                region.close();
            }
        }
    }
}
