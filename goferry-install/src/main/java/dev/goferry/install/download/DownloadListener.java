package dev.goferry.install.download;

import dev.goferry.install.source.ReleaseSource;
import java.net.URI;

/**
 * What the downloader reports while it works, for a progress display. Hooks are called on the
 * downloading thread, must be fast and must not throw.
 */
public interface DownloadListener {

    DownloadListener NONE = new DownloadListener() {};

    /** A request to a source starts, resuming at {@code offset} bytes; {@code total} is -1 if unknown. */
    default void requesting(ReleaseSource source, URI url, long offset, long total) {}

    /** {@code done} of {@code total} bytes are in the part file. */
    default void progress(long done, long total) {}

    /** A source failed; the downloader moves on (retry or next source). */
    default void failed(ReleaseSource source, String reason) {}

    /** The whole file is there and its SHA-256 matched the index (or there was none to check). */
    default void finished(long bytes) {}
}
