package dev.goferry.gomod.sumdb.tlog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A log kept in memory for tests: the stored-hash sequence, grown with {@link Tlog#storedHashes}. */
final class MemoryHashes implements HashReader {
    final List<Hash> stored = new ArrayList<>();
    long size;

    static MemoryHashes of(List<String> records) throws TlogException {
        MemoryHashes m = new MemoryHashes();
        for (String r : records) {
            m.add(r);
        }
        return m;
    }

    void add(String text) throws TlogException {
        stored.addAll(Tlog.storedHashes(size, text.getBytes(StandardCharsets.UTF_8), this));
        size++;
    }

    @Override
    public List<Hash> readHashes(long[] indexes) {
        List<Hash> out = new ArrayList<>();
        for (long i : indexes) {
            out.add(stored.get((int) i));
        }
        return out;
    }
}
