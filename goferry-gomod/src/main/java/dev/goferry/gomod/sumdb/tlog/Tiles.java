package dev.goferry.gomod.sumdb.tlog;

import java.util.ArrayList;
import java.util.List;

/** Operations on tile data (x/mod {@code tlog/tile.go}): reading hashes out of tiles and building them. */
public final class Tiles {

    private Tiles() {
    }

    /**
     * Returns the stored hash {@code index}, computed from the data of tile {@code t}.
     *
     * @throws TlogException if the tile is invalid, too short or does not hold the hash
     */
    public static Hash hashFromTile(Tile t, byte[] data, long index) throws TlogException {
        if (t.h() < 1 || t.h() > 30 || t.l() < 0 || t.l() >= 64 || t.w() < 1 || t.w() > (1 << t.h())) {
            throw new TlogException("invalid tile " + t.path());
        }
        if (data.length < t.w() * Hash.SIZE) {
            throw new TlogException("data len " + data.length + " too short for tile " + t.path());
        }
        Tile.Located at = Tile.locate(t.h(), index);
        Tile t1 = at.tile();
        if (t.l() != t1.l() || t.n() != t1.n() || t.w() < t1.w()) {
            throw new TlogException("index " + index + " is in " + t1.path() + " not " + t.path());
        }
        return tileHash(data, at.start(), at.end());
    }

    /** {@return the Merkle hash of the tile entries in {@code data[start, end)}} */
    static Hash tileHash(byte[] data, int start, int end) {
        int len = end - start;
        if (len == 0) {
            throw new IllegalStateException("bad math in tileHash");
        }
        if (len == Hash.SIZE) {
            return Hash.of(data, start);
        }
        int half = len / 2;
        return Tlog.nodeHash(tileHash(data, start, start + half), tileHash(data, start + half, end));
    }

    /**
     * Returns the tiles (complete and partial) that must be published when the tree grows from
     * {@code oldTreeSize} to {@code newTreeSize} records.
     */
    public static List<Tile> newTiles(int h, long oldTreeSize, long newTreeSize) {
        if (h <= 0) {
            throw new IllegalArgumentException("NewTiles: invalid height " + h);
        }
        List<Tile> tiles = new ArrayList<>();
        for (int level = 0; (newTreeSize >> (h * level)) > 0; level++) {
            long oldN = oldTreeSize >> (h * level);
            long newN = newTreeSize >> (h * level);
            if (oldN == newN) {
                continue;
            }
            for (long n = oldN >> h; n < newN >> h; n++) {
                tiles.add(new Tile(h, level, n, 1 << h));
            }
            long n = newN >> h;
            int w = (int) (newN - (n << h));
            if (w > 0) {
                tiles.add(new Tile(h, level, n, w));
            }
        }
        return tiles;
    }

    /** {@return the bytes of hash tile {@code t}: its W hashes concatenated, read from {@code r}} */
    public static byte[] readTileData(Tile t, HashReader r) throws TlogException {
        int size = t.w() == 0 ? 1 << t.h() : t.w();
        long start = t.n() << t.h();
        long[] indexes = new long[size];
        for (int i = 0; i < size; i++) {
            indexes[i] = Tlog.storedHashIndex(t.h() * t.l(), start + i);
        }
        List<Hash> hashes = Tlog.read(r, indexes);
        byte[] tile = new byte[size * Hash.SIZE];
        for (int i = 0; i < size; i++) {
            System.arraycopy(hashes.get(i).bytes(), 0, tile, i * Hash.SIZE, Hash.SIZE);
        }
        return tile;
    }

    /**
     * Returns the body of a data tile ({@code tile/H/data/...}): each record's text followed by a
     * newline, as x/mod's server writes it (FormatRecord without the id line).
     *
     * @throws IllegalArgumentException "malformed record data" if a text is not valid record text
     */
    public static byte[] formatData(List<byte[]> records) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] text : records) {
            if (!LogRecord.isValidText(text)) {
                throw new IllegalArgumentException("malformed record data");
            }
            out.writeBytes(text);
            out.write('\n');
        }
        return out.toByteArray();
    }
}
