package dev.goferry.gomod.sumdb.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of the go.sum database's transparency log (x/mod {@code sumdb/tlog/tlog.go}): an
 * RFC 6962 Merkle tree whose hashes are stored in a single sequence in the order they become final.
 *
 * <p>Record hashes are {@code SHA-256(0x00 || data)} and interior nodes {@code SHA-256(0x01 || left
 * || right)}. The stored hash of the subtree at {@code level} with number {@code n} (covering records
 * {@code [n·2^level, (n+1)·2^level)}) has index {@link #storedHashIndex(int, long)}. Proofs list the
 * innermost sibling first, as in RFC 6962 §2.1.1 and §2.1.2.
 *
 * <p>Index-math violations throw {@link IllegalStateException}: they are bugs, like x/mod's panics.
 */
public final class Tlog {

    private static final String PROOF_FAILED = "invalid transparency proof";

    private Tlog() {
    }

    /** {@return the hash of a record's data: SHA-256(0x00 || data)} */
    public static Hash recordHash(byte[] data) {
        return new Hash(Hash.sha256(new byte[] {0}, data));
    }

    /** {@return the hash of an interior node: SHA-256(0x01 || left || right)} */
    public static Hash nodeHash(Hash left, Hash right) {
        return new Hash(Hash.sha256(new byte[] {1}, left.bytes(), right.bytes()));
    }

    /** {@return the index in the stored-hash sequence of the hash at {@code level} numbered {@code n}} */
    public static long storedHashIndex(int level, long n) {
        for (int l = level; l > 0; l--) {
            n = 2 * n + 1;
        }
        long i = 0;
        for (; n > 0; n >>= 1) {
            i += n;
        }
        return i + level;
    }

    /** A position in the tree: the level and the number of the hash within it. */
    public record LevelN(int level, long n) {
    }

    /** {@return the inverse of {@link #storedHashIndex}: the level and number stored at {@code index}} */
    public static LevelN splitStoredHashIndex(long index) {
        long n = index / 2;
        long indexN = storedHashIndex(0, n);
        if (indexN > index) {
            throw new IllegalStateException("bad math");
        }
        while (true) {
            long x = indexN + 1 + Long.numberOfTrailingZeros(n + 1);
            if (x > index) {
                break;
            }
            n++;
            indexN = x;
        }
        int level = (int) (index - indexN);
        return new LevelN(level, n >> level);
    }

    /** {@return the number of stored hashes in a tree of {@code n} records} */
    public static long storedHashCount(long n) {
        if (n == 0) {
            return 0;
        }
        long numHash = storedHashIndex(0, n - 1) + 1;
        for (long i = n - 1; (i & 1) != 0; i >>>= 1) {
            numHash++;
        }
        return numHash;
    }

    /**
     * Returns the hashes to append to the stored-hash sequence when adding record {@code n} with
     * {@code data}: its record hash and the interior hashes it completes.
     */
    public static List<Hash> storedHashes(long n, byte[] data, HashReader r) throws TlogException {
        return storedHashesForRecordHash(n, recordHash(data), r);
    }

    /** Like {@link #storedHashes} for an already computed record hash. */
    public static List<Hash> storedHashesForRecordHash(long n, Hash h, HashReader r) throws TlogException {
        List<Hash> hashes = new ArrayList<>();
        hashes.add(h);
        int m = Long.numberOfTrailingZeros(n + 1);
        long[] indexes = new long[m];
        for (int i = 0; i < m; i++) {
            indexes[m - 1 - i] = storedHashIndex(i, (n >> i) - 1);
        }
        List<Hash> old = read(r, indexes);
        for (int i = 0; i < m; i++) {
            h = nodeHash(old.get(m - 1 - i), h);
            hashes.add(h);
        }
        return hashes;
    }

    /** {@return the hash of the tree of the first {@code n} records} */
    public static Hash treeHash(long n, HashReader r) throws TlogException {
        if (n == 0) {
            return Hash.EMPTY;
        }
        List<Long> indexes = subTreeIndex(0, n, new ArrayList<>());
        Cursor hashes = new Cursor(read(r, toArray(indexes)));
        Hash h = subTreeHash(0, n, hashes);
        hashes.requireEnd("TreeHash");
        return h;
    }

    /** {@return the proof that record {@code n} is in the tree of size {@code t}} */
    public static List<Hash> proveRecord(long t, long n, HashReader r) throws TlogException {
        if (t < 0 || n < 0 || n >= t) {
            throw new TlogException("tlog: invalid inputs in ProveRecord");
        }
        List<Long> indexes = leafProofIndex(0, t, n, new ArrayList<>());
        if (indexes.isEmpty()) {
            return List.of();
        }
        Cursor hashes = new Cursor(read(r, toArray(indexes)));
        List<Hash> p = leafProof(0, t, n, hashes);
        hashes.requireEnd("ProveRecord");
        return List.copyOf(p);
    }

    /**
     * Checks that {@code p} proves that the tree of size {@code t} with hash {@code th} has record
     * {@code n} with hash {@code h}.
     *
     * @throws TlogException "invalid transparency proof" if it does not
     */
    public static void checkRecord(List<Hash> p, long t, Hash th, long n, Hash h) throws TlogException {
        if (t < 0 || n < 0 || n >= t) {
            throw new TlogException("tlog: invalid inputs in CheckRecord");
        }
        if (!runRecordProof(p, 0, t, n, h).equals(th)) {
            throw new TlogException(PROOF_FAILED);
        }
    }

    /** {@return the proof that the tree of size {@code n} is a prefix of the tree of size {@code t}} */
    public static List<Hash> proveTree(long t, long n, HashReader r) throws TlogException {
        if (t < 1 || n < 1 || n > t) {
            throw new TlogException("tlog: invalid inputs in ProveTree");
        }
        List<Long> indexes = treeProofIndex(0, t, n, new ArrayList<>());
        if (indexes.isEmpty()) {
            return List.of();
        }
        Cursor hashes = new Cursor(read(r, toArray(indexes)));
        List<Hash> p = treeProof(0, t, n, hashes);
        hashes.requireEnd("ProveTree");
        return List.copyOf(p);
    }

    /**
     * Checks that {@code p} proves that the tree of size {@code t} with hash {@code th} contains as
     * a prefix the tree of size {@code n} with hash {@code h}.
     *
     * @throws TlogException "invalid transparency proof" if it does not
     */
    public static void checkTree(List<Hash> p, long t, Hash th, long n, Hash h) throws TlogException {
        if (t < 1 || n < 1 || n > t) {
            throw new TlogException("tlog: invalid inputs in CheckTree");
        }
        Hash[] r = runTreeProof(p, 0, t, n, h);
        if (!r[1].equals(th) || !r[0].equals(h)) {
            throw new TlogException(PROOF_FAILED);
        }
    }

    // ---- internals, named after their x/mod counterparts

    /** {@return k, the largest power of two smaller than n (n ≥ 2), and its log2 in level} */
    static long maxpow2(long n) {
        int l = 0;
        while ((1L << (l + 1)) < n) {
            l++;
        }
        return 1L << l;
    }

    static List<Long> subTreeIndex(long lo, long hi, List<Long> need) {
        while (lo < hi) {
            long k = maxpow2(hi - lo + 1);
            int level = Long.numberOfTrailingZeros(k);
            if ((lo & (k - 1)) != 0) {
                throw new IllegalStateException("tlog: bad math in subTreeIndex");
            }
            need.add(storedHashIndex(level, lo >> level));
            lo += k;
        }
        return need;
    }

    static Hash subTreeHash(long lo, long hi, Cursor hashes) {
        int numTree = 0;
        while (lo < hi) {
            long k = maxpow2(hi - lo + 1);
            if ((lo & (k - 1)) != 0) {
                throw new IllegalStateException("tlog: bad math in subTreeHash");
            }
            numTree++;
            lo += k;
        }
        List<Hash> sub = hashes.take(numTree);
        Hash h = sub.get(numTree - 1);
        for (int i = numTree - 2; i >= 0; i--) {
            h = nodeHash(sub.get(i), h);
        }
        return h;
    }

    private static List<Long> leafProofIndex(long lo, long hi, long n, List<Long> need) {
        if (!(lo <= n && n < hi)) {
            throw new IllegalStateException("tlog: bad math in leafProofIndex");
        }
        if (lo + 1 == hi) {
            return need;
        }
        long k = maxpow2(hi - lo);
        if (n < lo + k) {
            leafProofIndex(lo, lo + k, n, need);
            subTreeIndex(lo + k, hi, need);
        } else {
            subTreeIndex(lo, lo + k, need);
            leafProofIndex(lo + k, hi, n, need);
        }
        return need;
    }

    private static List<Hash> leafProof(long lo, long hi, long n, Cursor hashes) {
        if (lo + 1 == hi) {
            return new ArrayList<>();
        }
        List<Hash> p;
        Hash th;
        long k = maxpow2(hi - lo);
        if (n < lo + k) {
            p = leafProof(lo, lo + k, n, hashes);
            th = subTreeHash(lo + k, hi, hashes);
        } else {
            th = subTreeHash(lo, lo + k, hashes);
            p = leafProof(lo + k, hi, n, hashes);
        }
        p.add(th);
        return p;
    }

    private static Hash runRecordProof(List<Hash> p, long lo, long hi, long n, Hash leafHash) throws TlogException {
        if (lo + 1 == hi) {
            if (!p.isEmpty()) {
                throw new TlogException(PROOF_FAILED);
            }
            return leafHash;
        }
        if (p.isEmpty()) {
            throw new TlogException(PROOF_FAILED);
        }
        long k = maxpow2(hi - lo);
        Hash last = p.get(p.size() - 1);
        List<Hash> rest = p.subList(0, p.size() - 1);
        if (n < lo + k) {
            return nodeHash(runRecordProof(rest, lo, lo + k, n, leafHash), last);
        }
        return nodeHash(last, runRecordProof(rest, lo + k, hi, n, leafHash));
    }

    private static List<Long> treeProofIndex(long lo, long hi, long n, List<Long> need) {
        if (!(lo < n && n <= hi)) {
            throw new IllegalStateException("tlog: bad math in treeProofIndex");
        }
        if (n == hi) {
            return lo == 0 ? need : subTreeIndex(lo, hi, need);
        }
        long k = maxpow2(hi - lo);
        if (n <= lo + k) {
            treeProofIndex(lo, lo + k, n, need);
            subTreeIndex(lo + k, hi, need);
        } else {
            subTreeIndex(lo, lo + k, need);
            treeProofIndex(lo + k, hi, n, need);
        }
        return need;
    }

    private static List<Hash> treeProof(long lo, long hi, long n, Cursor hashes) {
        if (n == hi) {
            List<Hash> p = new ArrayList<>();
            if (lo != 0) {
                p.add(subTreeHash(lo, hi, hashes));
            }
            return p;
        }
        List<Hash> p;
        Hash th;
        long k = maxpow2(hi - lo);
        if (n <= lo + k) {
            p = treeProof(lo, lo + k, n, hashes);
            th = subTreeHash(lo + k, hi, hashes);
        } else {
            th = subTreeHash(lo, lo + k, hashes);
            p = treeProof(lo + k, hi, n, hashes);
        }
        p.add(th);
        return p;
    }

    /** {@return {old hash, tree hash}} recomputed from a consistency proof. */
    private static Hash[] runTreeProof(List<Hash> p, long lo, long hi, long n, Hash old) throws TlogException {
        if (n == hi) {
            if (lo == 0) {
                if (!p.isEmpty()) {
                    throw new TlogException(PROOF_FAILED);
                }
                return new Hash[] {old, old};
            }
            if (p.size() != 1) {
                throw new TlogException(PROOF_FAILED);
            }
            return new Hash[] {p.get(0), p.get(0)};
        }
        if (p.isEmpty()) {
            throw new TlogException(PROOF_FAILED);
        }
        long k = maxpow2(hi - lo);
        Hash last = p.get(p.size() - 1);
        List<Hash> rest = p.subList(0, p.size() - 1);
        if (n <= lo + k) {
            Hash[] r = runTreeProof(rest, lo, lo + k, n, old);
            return new Hash[] {r[0], nodeHash(r[1], last)};
        }
        Hash[] r = runTreeProof(rest, lo + k, hi, n, old);
        return new Hash[] {nodeHash(last, r[0]), nodeHash(last, r[1])};
    }

    static List<Hash> read(HashReader r, long[] indexes) throws TlogException {
        List<Hash> hashes = r.readHashes(indexes);
        if (hashes.size() != indexes.length) {
            throw new TlogException("tlog: ReadHashes(" + indexes.length + " indexes) = " + hashes.size() + " hashes");
        }
        return hashes;
    }

    static long[] toArray(List<Long> list) {
        return list.stream().mapToLong(Long::longValue).toArray();
    }

    /** Hashes consumed front to back, as x/mod re-slices {@code hashes}. */
    static final class Cursor {
        private final List<Hash> hashes;
        private int next;

        Cursor(List<Hash> hashes) {
            this.hashes = hashes;
        }

        List<Hash> take(int count) {
            if (next + count > hashes.size()) {
                throw new IllegalStateException("tlog: bad index math in subTreeHash");
            }
            List<Hash> out = hashes.subList(next, next + count);
            next += count;
            return out;
        }

        void requireEnd(String op) {
            if (next != hashes.size()) {
                throw new IllegalStateException("tlog: bad index math in " + op);
            }
        }
    }
}
