package dev.goferry.proxy.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where fetched objects live, addressed by their path in the GOPROXY URL space (e.g.
 * {@code golang.org/x/text/@v/v0.3.0.zip}). Implementations must make {@link #put} atomic: a
 * reader sees the old object, no object, or the complete new one, never a part. Disk is the
 * default; S3 comes later behind the same interface.
 */
public interface Storage {

    /** {@return the complete object under {@code key}, if stored} */
    Optional<StoredObject> get(String key) throws IOException;

    /**
     * Makes the complete file {@code scratch}, obtained from {@link #scratch(String)} for the same
     * key, the object under {@code key}, replacing any object there. The scratch file is consumed.
     */
    void put(String key, Path scratch) throws IOException;

    /**
     * {@return a new empty scratch file for a download in progress}; it is never visible under any
     * key, and the caller deletes it when done
     */
    Path scratch(String key) throws IOException;
}
