package dev.goferry.proxy.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * A bounded memory of immutable objects already served from storage (a canonical version's .info,
 * .mod and .zip), keyed by the raw request path, with their response headers encoded once. A
 * repeated request is answered from here without parsing the path again, asking the file system
 * or leaving Jetty's selector thread — the difference between a few thousand and tens of thousands
 * of small answers per second.
 *
 * <p>Small objects are held as bytes (budget {@code heapBudget}); bigger ones, up to
 * {@code maxMapped} each, as a read-only memory mapping of their file (budget
 * {@code mappedBudget}); a plain HTTP/1.1 connection sends such a body from the file itself with
 * {@code sendfile} ({@link FileBodies}), any other writes the mapping. The file is never rewritten
 * (immutable objects are stored once, by atomic rename), so a mapping stays valid. When a budget is exceeded the least recently used quarter is
 * dropped; a dropped mapping is unmapped by the garbage collector once no response uses it.
 * Objects bigger than {@code maxMapped} are not held at all: they are streamed per request.
 */
public final class HotObjects {

    /** One held object with its encoded headers. */
    public static final class Entry {
        private final ByteBuffer body;
        private final String etag;
        private final HttpField etagField;
        private final HttpField contentType;
        private final HttpField cacheControl;
        private final HttpField contentLength;
        private final String endpoint;
        private final Optional<FileBodies.Source> file;
        private volatile long lastUsed;

        Entry(ByteBuffer body, String etag, String contentType, String cacheControl, String endpoint,
              Optional<FileBodies.Source> file) {
            this.body = body;
            this.etag = etag;
            this.etagField = new PreEncodedHttpField(HttpHeader.ETAG, etag);
            this.contentType = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, contentType);
            this.cacheControl = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, cacheControl);
            this.contentLength = new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, body.remaining());
            this.endpoint = endpoint;
            this.file = file;
        }

        /** {@return a view of the body for one response (its own position and limit)} */
        public ByteBuffer body() {
            return body.slice();
        }

        public String etag() {
            return etag;
        }

        public HttpField etagField() {
            return etagField;
        }

        public HttpField contentType() {
            return contentType;
        }

        public HttpField cacheControl() {
            return cacheControl;
        }

        public HttpField contentLength() {
            return contentLength;
        }

        /** {@return the file a mapped body maps (a connection may send it from there); empty for bytes on the heap} */
        Optional<FileBodies.Source> file() {
            return file;
        }

        /** {@return the endpoint name for logs and metrics} */
        public String endpoint() {
            return endpoint;
        }

        long size() {
            return body.capacity();
        }

        private boolean mapped() {
            return file.isPresent();
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final long heapBudget;
    private final long mappedBudget;
    private final int maxSmall;
    private final long maxMapped;
    private final AtomicLong heapBytes = new AtomicLong();
    private final AtomicLong mappedBytes = new AtomicLong();
    private final AtomicLong clock = new AtomicLong();

    /**
     * @param heapBudget total bytes of small objects held on the heap
     * @param maxSmall the largest object held as bytes
     * @param mappedBudget total bytes of mapped objects
     * @param maxMapped the largest object held as a mapping; bigger ones are never held
     */
    public HotObjects(long heapBudget, int maxSmall, long mappedBudget, long maxMapped) {
        this.heapBudget = heapBudget;
        this.maxSmall = maxSmall;
        this.mappedBudget = mappedBudget;
        this.maxMapped = maxMapped;
    }

    /** {@return the standard sizes: 32 MiB of objects up to 64 KiB, 128 MiB of mappings up to 16 MiB (most module zips are smaller; mapped pages count in the resident set)} */
    public static HotObjects standard() {
        return new HotObjects(32L << 20, 64 << 10, 128L << 20, 16L << 20);
    }

    /** {@return a memory that holds nothing} */
    public static HotObjects none() {
        return new HotObjects(0, 0, 0, 0);
    }

    /** {@return the held object for {@code rawPath}} */
    public Optional<Entry> get(String rawPath) {
        Entry e = entries.get(rawPath);
        if (e == null) {
            return Optional.empty();
        }
        e.lastUsed = clock.getAndIncrement();
        return Optional.of(e);
    }

    /** Reports whether an object of {@code size} bytes would be held. */
    public boolean holds(long size) {
        return size <= maxSmall ? heapBudget > 0 : size <= maxMapped && mappedBudget > 0;
    }

    /**
     * Loads {@code file} ({@code size} bytes as stored) and holds it under {@code rawPath}.
     * {@return the entry, or empty when the file no longer has that size or is too big to hold}
     */
    public Optional<Entry> load(String rawPath, Path file, long size, String etag, String contentType,
                                String cacheControl, String endpoint) throws IOException {
        if (!holds(size)) {
            return Optional.empty();
        }
        boolean small = size <= maxSmall;
        ByteBuffer body;
        // Which file a mapping maps: a response sends from the file only while the path still
        // names that same file (not one replaced by hand).
        Object fileKey = small ? null : Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() != size) {
                return Optional.empty();
            }
            if (small) {
                body = ByteBuffer.allocateDirect((int) size);
                while (body.hasRemaining() && ch.read(body) >= 0) {
                    // read until full: a short read only happens before end of file
                }
                if (body.hasRemaining()) {
                    return Optional.empty();
                }
                body.flip();
            } else {
                body = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            }
        }
        Entry entry = new Entry(body.asReadOnlyBuffer(), etag, contentType, cacheControl, endpoint,
                small ? Optional.empty() : Optional.of(new FileBodies.Source(file, size, Optional.ofNullable(fileKey))));
        entry.lastUsed = clock.getAndIncrement();
        Entry previous = entries.put(rawPath, entry);
        account(previous, -1);
        account(entry, 1);
        if (heapBytes.get() > heapBudget || mappedBytes.get() > mappedBudget) {
            trim();
        }
        return Optional.of(entry);
    }

    /** {@return how many objects are held} */
    public int size() {
        return entries.size();
    }

    private void account(Entry e, int sign) {
        if (e != null) {
            (e.mapped() ? mappedBytes : heapBytes).addAndGet(sign * e.size());
        }
    }

    /** Drops the least recently used entries until each budget is at most three quarters full. */
    private synchronized void trim() {
        if (heapBytes.get() <= heapBudget && mappedBytes.get() <= mappedBudget) {
            return;
        }
        List<java.util.Map.Entry<String, Entry>> all = new ArrayList<>(entries.entrySet());
        all.sort(Comparator.comparingLong(e -> e.getValue().lastUsed));
        for (java.util.Map.Entry<String, Entry> e : all) {
            boolean heapOver = heapBytes.get() > heapBudget * 3 / 4;
            boolean mappedOver = mappedBytes.get() > mappedBudget * 3 / 4;
            if (!heapOver && !mappedOver) {
                break;
            }
            Entry v = e.getValue();
            if ((v.mapped() ? mappedOver : heapOver) && entries.remove(e.getKey(), v)) {
                account(v, -1);
            }
        }
    }
}
