package dev.goferry.gomod.sumdb;

import dev.goferry.gomod.module.Escaping;
import dev.goferry.gomod.module.ModException;
import dev.goferry.gomod.sumdb.note.Keys;
import dev.goferry.gomod.sumdb.note.NoteException;
import dev.goferry.gomod.sumdb.note.Notes;
import dev.goferry.gomod.sumdb.note.Verifier;
import dev.goferry.gomod.sumdb.note.Verifiers;
import dev.goferry.gomod.sumdb.tlog.Hash;
import dev.goferry.gomod.sumdb.tlog.LogRecord;
import dev.goferry.gomod.sumdb.tlog.Tile;
import dev.goferry.gomod.sumdb.tlog.TileHashReader;
import dev.goferry.gomod.sumdb.tlog.TileReader;
import dev.goferry.gomod.sumdb.tlog.Tlog;
import dev.goferry.gomod.sumdb.tlog.TlogException;
import dev.goferry.gomod.sumdb.tlog.Tree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies go.sum lines against a checksum database the way the go command does (x/mod
 * {@code sumdb.Client}, cmd/go {@code modfetch/sumdb.go}), with all I/O behind a {@link SumDbFetcher}.
 *
 * <p>The client keeps the newest signed tree it has verified (in memory, like the go command's
 * {@code $GOPATH/pkg/sumdb/<name>/latest}). Every signed tree it sees afterwards, in a lookup
 * response or from {@code /latest}, must be consistent with it: the older tree's hash is recomputed
 * from tiles authenticated by the newer tree. A record is accepted only when its hash is the leaf in
 * the newest tree. Tiles have height 8 as in the go command; a partial tile that cannot be fetched
 * is replaced by the first W hashes of the full tile. Authenticated tiles are kept in memory, at
 * most {@value #MAX_TILES} of them (least recently used go first; a dropped tile is fetched and
 * authenticated again when needed), and a partial tile is dropped once its full tile is saved, so a
 * long-running server following a growing database holds a bounded number of tiles.
 *
 * <p>Instances are thread-safe (all state changes are serialised).
 */
public final class SumDbClient {

    /** Tile height the go command and sum.golang.org use. */
    public static final int TILE_HEIGHT = 8;

    private final Verifier verifier;
    private final SumDbFetcher fetcher;
    /** The most tiles kept (8 KiB each at most: 32 MiB). */
    public static final int MAX_TILES = 4096;

    private final Map<Tile, byte[]> tiles;
    private Tree latest = new Tree(0, Hash.EMPTY);
    private byte[] latestNote = new byte[0];

    private SumDbClient(Verifier verifier, SumDbFetcher fetcher, int maxTiles) {
        this.verifier = verifier;
        this.fetcher = fetcher;
        this.tiles = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Tile, byte[]> eldest) {
                return size() > maxTiles;
            }
        };
    }

    /**
     * Creates a client for the database with verifier key {@code vkey}.
     *
     * @throws NoteException if the key does not parse (Go's "malformed verifier id" etc.)
     */
    public static SumDbClient of(String vkey, SumDbFetcher fetcher) throws NoteException {
        return of(vkey, fetcher, MAX_TILES);
    }

    /** Like {@link #of(String, SumDbFetcher)}, keeping at most {@code maxTiles} tiles in memory. */
    public static SumDbClient of(String vkey, SumDbFetcher fetcher, int maxTiles) throws NoteException {
        if (maxTiles < 1) {
            throw new IllegalArgumentException("tile cache size \"" + maxTiles + "\": must be at least 1");
        }
        return new SumDbClient(Keys.newVerifier(vkey), fetcher, maxTiles);
    }

    /** {@return how many tiles are kept in memory right now} */
    public synchronized int cachedTiles() {
        return tiles.size();
    }

    /** {@return the name of the database, from its key} */
    public String name() {
        return verifier.name();
    }

    /** {@return the newest verified tree (size 0 before any)} */
    public synchronized Tree latest() {
        return latest;
    }

    /** {@return the signed note of the newest verified tree, if any} */
    public synchronized Optional<byte[]> latestNote() {
        return latestNote.length == 0 ? Optional.empty() : Optional.of(latestNote.clone());
    }

    /**
     * Starts from a previously verified signed tree (for example one saved from an earlier run),
     * so that later trees must be consistent with it. Its signature is checked.
     *
     * @return {@link LookupResult.Verified} with no lines and record id -1 when accepted, else the failure
     */
    public synchronized LookupResult trust(byte[] signedTree) {
        try {
            mergeLatest(signedTree);
            return new LookupResult.Verified(List.of(), -1, latest);
        } catch (Failure f) {
            return f.result;
        }
    }

    /**
     * Fetches {@code /latest}, verifies its signature and its consistency with the newest known
     * tree, and makes it the newest known tree if it is newer.
     *
     * @return {@link LookupResult.Verified} with no lines and record id -1 when accepted, else the failure
     */
    public synchronized LookupResult refreshLatest() {
        try {
            byte[] msg = fetch("/latest", LookupResult.FetchFailed::new);
            mergeLatest(msg);
            return new LookupResult.Verified(List.of(), -1, latest);
        } catch (Failure f) {
            return f.result;
        }
    }

    /**
     * Looks {@code path version} up (version may end in "/go.mod") and authenticates the record.
     * Does not fetch {@code /latest}: like the go command it relies on the tree in the response.
     */
    public synchronized LookupResult lookup(String path, String version) {
        String v = version.endsWith("/go.mod") ? version.substring(0, version.length() - "/go.mod".length()) : version;
        String what = path + "@" + version + ": ";
        String remote;
        try {
            remote = "/lookup/" + Escaping.escapePath(path) + "@" + Escaping.escapeVersion(v);
        } catch (ModException e) {
            return new LookupResult.InvalidModule(what + e.getMessage());
        }
        try {
            byte[] data = fetch(remote, m -> new LookupResult.FetchFailed(what + m));
            LogRecord.Parsed parsed;
            try {
                parsed = LogRecord.parse(data);
            } catch (IllegalArgumentException e) {
                throw new Failure(new LookupResult.Malformed(what + e.getMessage()));
            }
            mergeLatest(parsed.rest());
            checkRecord(parsed.record());
            String prefix = path + " " + version + " ";
            List<String> lines = new ArrayList<>();
            for (String line : new String(data, StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.startsWith(prefix)) {
                    lines.add(line);
                }
            }
            return new LookupResult.Verified(lines, parsed.record().id(), latest);
        } catch (Failure f) {
            return f.prefixed(what);
        }
    }

    /** Like {@link #refreshLatest()} followed by {@link #lookup}, as a proxy verifying a download would do. */
    public synchronized LookupResult verify(String path, String version) {
        LookupResult r = refreshLatest();
        if (!(r instanceof LookupResult.Verified)) {
            return r;
        }
        return lookup(path, version);
    }

    private byte[] fetch(String path, Function<String, LookupResult> onError) throws Failure {
        try {
            return fetcher.fetch(path);
        } catch (SumDbFetchException e) {
            String m = "reading " + path + ": " + e.getMessage();
            throw new Failure(e.notFound() ? new LookupResult.NotFound(m) : onError.apply(m));
        }
    }

    private void mergeLatest(byte[] msg) throws Failure {
        Tree tree;
        try {
            var note = Notes.open(msg, Verifiers.of(verifier));
            tree = Tree.parse(note.text().getBytes(StandardCharsets.UTF_8));
        } catch (NoteException e) {
            throw new Failure(new LookupResult.BadSignature("reading tree note: " + e.getMessage()
                    + "\nnote:\n" + new String(msg, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new Failure(new LookupResult.Malformed("reading tree: " + e.getMessage()));
        }
        if (tree.n() <= latest.n()) {
            checkTrees(tree, msg, latest, latestNote);
            return;
        }
        checkTrees(latest, latestNote, tree, msg);
        latest = tree;
        latestNote = msg.clone();
    }

    /** Checks that {@code older} is a prefix of {@code newer}, recomputing its hash from authenticated tiles. */
    private void checkTrees(Tree older, byte[] olderNote, Tree newer, byte[] newerNote) throws Failure {
        TileHashReader thr = new TileHashReader(newer, tileReader);
        Hash h;
        try {
            h = Tlog.treeHash(older.n(), thr);
        } catch (TlogException e) {
            String m = older.n() == newer.n()
                    ? "checking tree#" + older.n() + ": " + e.getMessage()
                    : "checking tree#" + older.n() + " against tree#" + newer.n() + ": " + e.getMessage();
            throw new Failure(tileFailure(m, e));
        }
        if (h.equals(older.hash())) {
            return;
        }
        StringBuilder b = new StringBuilder();
        b.append("SECURITY ERROR\n");
        b.append("go.sum database server misbehavior detected!\n\n");
        b.append("old database:\n\t").append(indent(olderNote)).append('\n');
        b.append("new database:\n\t").append(indent(newerNote)).append('\n');
        b.append("proof of misbehavior:\n\t").append(h);
        try {
            List<Hash> p = Tlog.proveTree(newer.n(), older.n(), thr);
            Tlog.checkTree(p, newer.n(), newer.hash(), older.n(), h);
            for (Hash ph : p) {
                b.append("\n\t").append(ph);
            }
        } catch (TlogException e) {
            b.append("\tinternal error: ").append(e.getMessage()).append('\n');
        }
        throw new Failure(new LookupResult.ProofFailed(b.toString()));
    }

    private static String indent(byte[] note) {
        return new String(note, StandardCharsets.UTF_8).replace("\n", "\n\t");
    }

    private void checkRecord(LogRecord record) throws Failure {
        if (record.id() >= latest.n()) {
            throw new Failure(new LookupResult.ProofFailed(
                    "cannot validate record " + record.id() + " in tree of size " + latest.n()));
        }
        List<Hash> hashes;
        try {
            hashes = new TileHashReader(latest, tileReader).readHashes(new long[] {Tlog.storedHashIndex(0, record.id())});
        } catch (TlogException e) {
            throw new Failure(tileFailure(e.getMessage(), e));
        }
        if (!hashes.get(0).equals(Tlog.recordHash(record.text()))) {
            throw new Failure(new LookupResult.ProofFailed("cannot authenticate record data in server response"));
        }
    }

    private static LookupResult tileFailure(String message, TlogException e) {
        return e.getCause() instanceof SumDbFetchException ? new LookupResult.FetchFailed(message)
                : new LookupResult.ProofFailed(message);
    }

    private final TileReader tileReader = new TileReader() {
        @Override
        public int height() {
            return TILE_HEIGHT;
        }

        @Override
        public List<byte[]> readTiles(List<Tile> list) throws TlogException {
            List<byte[]> out = new ArrayList<>(list.size());
            for (Tile t : list) {
                out.add(readTile(t));
            }
            return out;
        }

        @Override
        public void saveTiles(List<Tile> list, List<byte[]> data) {
            for (int i = 0; i < list.size(); i++) {
                Tile t = list.get(i);
                if (t.w() == 1 << t.h()) {
                    // The full tile supersedes every partial one of the same place.
                    tiles.keySet().removeIf(p -> p.h() == t.h() && p.l() == t.l() && p.n() == t.n() && p.w() < t.w());
                }
                tiles.put(t, data.get(i));
            }
        }
    };

    /** Cached tile, else the cut full tile from cache, else the remote tile, else the cut remote full tile. */
    private byte[] readTile(Tile t) throws TlogException {
        byte[] cached = tiles.get(t);
        if (cached != null) {
            return cached;
        }
        Tile full = new Tile(t.h(), t.l(), t.n(), 1 << t.h());
        int want = t.w() * Hash.SIZE;
        if (!t.equals(full) && tiles.containsKey(full)) {
            return Arrays.copyOf(tiles.get(full), want);
        }
        try {
            return fetcher.fetch("/" + t.path());
        } catch (SumDbFetchException e) {
            if (!t.equals(full)) {
                try {
                    byte[] data = fetcher.fetch("/" + full.path());
                    return data.length >= want ? Arrays.copyOf(data, want) : data;
                } catch (SumDbFetchException ignored) {
                    // report the error of the tile that was asked for, as x/mod does
                }
            }
            throw new TlogException("reading /" + t.path() + ": " + e.getMessage(), e);
        }
    }

    /** An outcome that ends the operation early. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient LookupResult result;

        Failure(LookupResult result) {
            super(result.message(), null, false, false);
            this.result = result;
        }

        LookupResult prefixed(String what) {
            return switch (result) {
                case LookupResult.Verified v -> v;
                case LookupResult.NotFound r -> r.message().startsWith(what) ? r : new LookupResult.NotFound(what + r.message());
                case LookupResult.BadSignature r -> new LookupResult.BadSignature(what + r.message());
                case LookupResult.ProofFailed r -> r.message().startsWith("SECURITY ERROR") ? r
                        : new LookupResult.ProofFailed(what + r.message());
                case LookupResult.Malformed r -> r.message().startsWith(what) ? r : new LookupResult.Malformed(what + r.message());
                case LookupResult.FetchFailed r -> r.message().startsWith(what) ? r : new LookupResult.FetchFailed(what + r.message());
                case LookupResult.InvalidModule r -> r;
            };
        }
    }
}
