package dev.goferry.proxy.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A complete object in storage (never a partial one).
 *
 * @param key the storage key
 * @param size its length in bytes
 * @param stored when it was written (for the freshness of list and @latest)
 * @param opener opens its bytes
 * @param file the local file holding it, when there is one: lets the server hand the bytes to
 *     the socket without copying them through the heap
 */
public record StoredObject(String key, long size, Instant stored, Opener opener, Optional<Path> file) {

    /** An object without a local file (e.g. in object storage). */
    public StoredObject(String key, long size, Instant stored, Opener opener) {
        this(key, size, stored, opener, Optional.empty());
    }

    /** Opens the object's bytes. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** {@return a stream of the object's bytes} */
    public InputStream open() throws IOException {
        return opener.open();
    }
}
