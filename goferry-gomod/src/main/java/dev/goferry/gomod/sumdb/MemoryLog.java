package dev.goferry.gomod.sumdb;

import dev.goferry.gomod.sumdb.note.Keys;
import dev.goferry.gomod.sumdb.note.Note;
import dev.goferry.gomod.sumdb.note.NoteException;
import dev.goferry.gomod.sumdb.note.Notes;
import dev.goferry.gomod.sumdb.note.Signer;
import dev.goferry.gomod.sumdb.tlog.Hash;
import dev.goferry.gomod.sumdb.tlog.HashReader;
import dev.goferry.gomod.sumdb.tlog.Tile;
import dev.goferry.gomod.sumdb.tlog.Tiles;
import dev.goferry.gomod.sumdb.tlog.Tlog;
import dev.goferry.gomod.sumdb.tlog.TlogException;
import dev.goferry.gomod.sumdb.tlog.Tree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A checksum database kept in memory, the server side of the log (x/mod {@code sumdb.TestServer}
 * and the {@code ServerOps} it implements): records are appended, the current tree is signed on
 * demand, and hash and data tiles are read from the stored hashes. Used by test servers and by
 * anything that must serve a private checksum database.
 *
 * <p>Thread-safe.
 */
public final class MemoryLog {

    /** One module version's go.sum hashes, the content of a record. */
    public record Entry(String path, String version, String zipHash, String goModHash) {

        /** {@return the record text: the version's two go.sum lines} */
        public String text() {
            return path + " " + version + " " + zipHash + "\n" + path + " " + version + "/go.mod " + goModHash + "\n";
        }
    }

    private final Signer signer;
    private final List<byte[]> records = new ArrayList<>();
    private final List<Hash> hashes = new ArrayList<>();
    private final Map<String, Long> ids = new HashMap<>();
    private final HashReader reader = indexes -> {
        List<Hash> out = new ArrayList<>(indexes.length);
        for (long i : indexes) {
            if (i < 0 || i >= hashes.size()) {
                throw new TlogException("hash index " + i + " not in log of " + hashes.size() + " hashes");
            }
            out.add(hashes.get((int) i));
        }
        return out;
    };

    /**
     * Creates an empty log signing with {@code signerKey} ({@code PRIVATE+KEY+…}).
     *
     * @throws NoteException if the key does not parse
     */
    public MemoryLog(String signerKey) throws NoteException {
        this.signer = Keys.newSigner(signerKey);
    }

    /** {@return the key name, which is the database name} */
    public String name() {
        return signer.name();
    }

    /**
     * Appends a record for {@code entry} unless its path@version is already in the log.
     *
     * @return the record id
     */
    public synchronized long add(Entry entry) {
        Long id = ids.get(entry.path() + "@" + entry.version());
        if (id != null) {
            return id;
        }
        byte[] text = entry.text().getBytes(StandardCharsets.UTF_8);
        long n = records.size();
        try {
            hashes.addAll(Tlog.storedHashes(n, text, reader));
        } catch (TlogException e) {
            throw new IllegalStateException("bad math in MemoryLog", e);
        }
        records.add(text);
        ids.put(entry.path() + "@" + entry.version(), n);
        return n;
    }

    /** Appends all entries in order; {@return the id of the last} */
    public synchronized long addAll(List<Entry> entries) {
        long last = -1;
        for (Entry e : entries) {
            last = add(e);
        }
        return last;
    }

    /** {@return the number of records} */
    public synchronized long size() {
        return records.size();
    }

    /** {@return the current tree head} */
    public synchronized Tree tree() {
        try {
            return new Tree(records.size(), Tlog.treeHash(records.size(), reader));
        } catch (TlogException e) {
            throw new IllegalStateException("bad math in MemoryLog", e);
        }
    }

    /** {@return the current tree head as a signed note, the body of {@code /latest}} */
    public synchronized byte[] signedTree() {
        try {
            return Notes.sign(Note.of(new String(tree().format(), StandardCharsets.UTF_8)), signer);
        } catch (NoteException e) {
            throw new IllegalStateException("cannot sign tree note", e);
        }
    }

    /** {@return the record id of {@code path@version}, if present} */
    public synchronized Optional<Long> lookup(String path, String version) {
        return Optional.ofNullable(ids.get(path + "@" + version));
    }

    /** {@return the text of record {@code id}} */
    public synchronized byte[] record(long id) {
        return records.get((int) id).clone();
    }

    /** {@return the data of a hash tile or data tile, or empty if the log does not reach that far} */
    public synchronized Optional<byte[]> tile(Tile t) {
        long start = t.n() << t.h();
        if (t.l() == Tile.DATA) {
            if (start + t.w() > records.size()) {
                return Optional.empty();
            }
            return Optional.of(Tiles.formatData(records.subList((int) start, (int) (start + t.w()))));
        }
        if (Tlog.storedHashIndex(t.h() * t.l(), start + t.w() - 1) >= hashes.size()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Tiles.readTileData(t, reader));
        } catch (TlogException e) {
            throw new IllegalStateException("bad math in MemoryLog", e);
        }
    }
}
