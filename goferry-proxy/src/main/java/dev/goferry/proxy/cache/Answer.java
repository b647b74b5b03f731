package dev.goferry.proxy.cache;

import dev.goferry.proxy.storage.StoredObject;
import java.util.Optional;

/** What the cache answers for one request. */
public sealed interface Answer {

    /** How a stored answer was obtained; sent as the {@code Goferry-Cache} response header. */
    enum CacheStatus {
        /** Served from storage without asking an upstream. */
        HIT,
        /** Fetched from an upstream just now, verified and stored. */
        MISS,
        /** Past its TTL, and every upstream failed: served stale (stale-if-error). */
        STALE
    }

    /** A stored object. {@code note} says why it is stale, for a stale one. */
    record Stored(StoredObject object, CacheStatus status, Optional<String> note) implements Answer {}

    /** Fetched bytes that are not fit to store but harmless to pass on (see {@link Verdict.PassUnstored}). */
    record Unstored(byte[] body, String reason) implements Answer {}

    /** 404 or 410 with the text the go command shows. */
    record Missing(int status, String message) implements Answer {}

    /** The upstreams failed or the object was refused: 502 with the text the go command shows. */
    record Failed(String message) implements Answer {}
}
