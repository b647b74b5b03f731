package dev.goferry.proxy.upstream;

import java.nio.file.Path;
import java.util.List;

/**
 * The ordered upstream list with the go command's {@code TryProxies} semantics: stop at the first
 * success; after a 404/410 always move on; after any other error move on only when the entry was
 * followed by {@code |}. When all fail, the reported error is the first non-404 error if any,
 * else the first 404, as Go ranks them.
 */
public final class Upstreams {

    /** One entry of the list. */
    public record Entry(Upstream upstream, boolean fallBackOnError) {}

    /** A factory of scratch files for one key, so each attempt starts from an empty file. */
    @FunctionalInterface
    public interface Scratch {
        Path create() throws java.io.IOException;
    }

    /** Hears about every upstream attempt, for metrics; must be fast and must not throw. */
    @FunctionalInterface
    public interface Listener {
        /** @param outcome {@code fetched}, {@code not_found} or {@code failed} (refused answers count as failed) */
        void attempted(String upstream, String outcome, long nanos);

        Listener NONE = (upstream, outcome, nanos) -> { };
    }

    private final List<Entry> entries;
    private final Listener listener;

    public Upstreams(List<Entry> entries) {
        this(entries, Listener.NONE);
    }

    private Upstreams(List<Entry> entries, Listener listener) {
        this.entries = List.copyOf(entries);
        this.listener = listener;
    }

    /** {@return the same list reporting its attempts to {@code listener}} */
    public Upstreams withListener(Listener listener) {
        return new Upstreams(entries, listener);
    }

    /** {@return the entries, in order} */
    public List<Entry> entries() {
        return entries;
    }

    /** Reports whether there is nothing to fetch from (offline mode). */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Judges a complete answer before it counts as a success: a refused answer (an HTML page, a
     * body that is not what the endpoint returns) is that upstream's error, like the go command's
     * own parse errors, so {@code |} moves on from it and {@code ,} does not.
     */
    @FunctionalInterface
    public interface Judge {
        /** {@return why the answer is refused, or empty to accept it} */
        java.util.Optional<String> refuse(FetchOutcome.Fetched fetched) throws java.io.IOException;
    }

    /** Fetches {@code key} accepting any complete answer. */
    public FetchOutcome fetch(String key, Scratch scratch, long maxBytes) throws InterruptedException {
        return fetch(key, scratch, maxBytes, f -> java.util.Optional.empty());
    }

    /** Fetches {@code key}; a failed attempt's scratch file is deleted, a fetched one belongs to the caller. */
    public FetchOutcome fetch(String key, Scratch scratch, long maxBytes, Judge judge) throws InterruptedException {
        FetchOutcome best = null;
        for (Entry entry : entries) {
            Path into;
            try {
                into = scratch.create();
            } catch (java.io.IOException e) {
                return new FetchOutcome.Failed("storage", "creating scratch file: " + e.getMessage());
            }
            long start = System.nanoTime();
            FetchOutcome outcome = entry.upstream().fetch(key, into, maxBytes);
            if (outcome instanceof FetchOutcome.Fetched f) {
                java.util.Optional<String> refused;
                try {
                    refused = judge.refuse(f);
                } catch (java.io.IOException e) {
                    refused = java.util.Optional.of("checking the answer: " + e.getMessage());
                }
                if (refused.isEmpty()) {
                    listener.attempted(entry.upstream().name(), "fetched", System.nanoTime() - start);
                    return outcome;
                }
                outcome = new FetchOutcome.Failed(f.upstream(), f.upstream() + ": " + refused.get());
            }
            listener.attempted(entry.upstream().name(), outcome instanceof FetchOutcome.NotFound ? "not_found" : "failed",
                    System.nanoTime() - start);
            deleteQuietly(into);
            if (best == null || best instanceof FetchOutcome.NotFound && outcome instanceof FetchOutcome.Failed) {
                best = outcome;
            }
            if (outcome instanceof FetchOutcome.Failed && !entry.fallBackOnError()) {
                break;
            }
        }
        return best == null ? new FetchOutcome.NotFound("none", 404, "not found: no upstream configured") : best;
    }

    private static void deleteQuietly(Path p) {
        try {
            java.nio.file.Files.deleteIfExists(p);
        } catch (java.io.IOException ignored) {
            // A leftover scratch file is swept at the next start.
        }
    }
}
