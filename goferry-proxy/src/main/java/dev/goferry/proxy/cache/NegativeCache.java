package dev.goferry.proxy.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers 404/410 answers for a short time, so a client asking again and again for a module
 * that does not exist does not hammer the upstreams. Bounded: when full it is simply emptied.
 */
final class NegativeCache {

    private record Entry(Answer.Missing answer, long expiresNanos) {}

    private static final int MAX_ENTRIES = 100_000;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoClock;

    NegativeCache(Duration ttl, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
    }

    Optional<Answer.Missing> get(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (nanoClock.getAsLong() - e.expiresNanos() >= 0) {
            entries.remove(key, e);
            return Optional.empty();
        }
        return Optional.of(e.answer());
    }

    void put(String key, Answer.Missing answer) {
        if (ttlNanos <= 0) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(answer, nanoClock.getAsLong() + ttlNanos));
    }
}
