package dev.goferry.gomod.sumdb.tlog;

import java.util.List;

/**
 * Reads stored hashes by stored-hash index (see {@link Tlog#storedHashIndex}), the seam between
 * the tree arithmetic and wherever the hashes live (memory, tiles fetched from a server).
 */
@FunctionalInterface
public interface HashReader {

    /**
     * Returns the hashes with the given indexes, in the same order.
     *
     * @throws TlogException if a hash cannot be read or authenticated
     */
    List<Hash> readHashes(long[] indexes) throws TlogException;
}
