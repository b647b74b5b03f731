package dev.goferry.proxy.storage;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/**
 * A complete object in storage (never a partial one).
 *
 * @param key the storage key
 * @param size its length in bytes
 * @param stored when it was written (for the freshness of list and @latest)
 */
public record StoredObject(String key, long size, Instant stored, Opener opener) {

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
