package dev.goferry.gomod.sumdb.tlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link HashReader} that reads hashes out of tiles and authenticates every tile against a
 * (signed) tree (x/mod {@code tlog.TileHashReader}): the tiles covering the whole tree must
 * recompute its hash, and every other tile must hash to the entry in its parent tile.
 *
 * @param tree the tree the hashes are read from; its hash is trusted
 * @param reader where tiles come from
 */
public record TileHashReader(Tree tree, TileReader reader) implements HashReader {

    @Override
    public List<Hash> readHashes(long[] indexes) throws TlogException {
        int h = reader.height();
        long size = tree.n();
        Map<Tile, Integer> tileOrder = new HashMap<>();
        List<Tile> tiles = new ArrayList<>();

        List<Long> stx = Tlog.subTreeIndex(0, size, new ArrayList<>());
        int[] stxTileOrder = new int[stx.size()];
        for (int i = 0; i < stx.size(); i++) {
            Tile tile = parent(Tile.forIndex(h, stx.get(i)), 0, size);
            Integer j = tileOrder.get(tile);
            if (j != null) {
                stxTileOrder[i] = j;
                continue;
            }
            stxTileOrder[i] = tiles.size();
            tileOrder.put(tile, tiles.size());
            tiles.add(tile);
        }

        int[] indexTileOrder = new int[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            long x = indexes[i];
            if (x >= Tlog.storedHashIndex(0, size)) {
                throw new TlogException("indexes not in tree");
            }
            Tile tile = Tile.forIndex(h, x);
            int k = 0;
            for (;; k++) {
                Optional<Tile> p = tile.parent(k, size);
                Integer j = p.map(tileOrder::get).orElse(null);
                if (j != null) {
                    if (k == 0) {
                        indexTileOrder[i] = j;
                    }
                    break;
                }
                if (k > 64) {
                    throw new IllegalStateException("bad math in tileHashReader: no planned ancestor of " + tile);
                }
            }
            for (k--; k >= 0; k--) {
                Tile p = parent(tile, k, size);
                if (!p.complete()) {
                    throw new TlogException("bad math in tileHashReader: " + size + " " + x + " " + p);
                }
                tileOrder.put(p, tiles.size());
                if (k == 0) {
                    indexTileOrder[i] = tiles.size();
                }
                tiles.add(p);
            }
        }

        List<byte[]> data = reader.readTiles(List.copyOf(tiles));
        if (data.size() != tiles.size()) {
            throw new TlogException("TileReader returned bad result slice (len=" + data.size() + ", want " + tiles.size() + ")");
        }
        for (int i = 0; i < tiles.size(); i++) {
            Tile tile = tiles.get(i);
            if (data.get(i).length != tile.w() * Hash.SIZE) {
                throw new TlogException("TileReader returned bad result slice (" + tile.path() + " len="
                        + data.get(i).length + ", want " + tile.w() * Hash.SIZE + ")");
            }
        }

        int last = stx.size() - 1;
        Hash th = Tiles.hashFromTile(tiles.get(stxTileOrder[last]), data.get(stxTileOrder[last]), stx.get(last));
        for (int i = last - 1; i >= 0; i--) {
            Hash sub = Tiles.hashFromTile(tiles.get(stxTileOrder[i]), data.get(stxTileOrder[i]), stx.get(i));
            th = Tlog.nodeHash(sub, th);
        }
        if (!th.equals(tree.hash())) {
            throw new TlogException("downloaded inconsistent tile");
        }

        for (int i = stx.size(); i < tiles.size(); i++) {
            Tile tile = tiles.get(i);
            Tile p = parent(tile, 1, size);
            Integer j = tileOrder.get(p);
            if (j == null) {
                throw new TlogException("bad math in tileHashReader " + size + ": lost parent of " + tile);
            }
            Hash expected = Tiles.hashFromTile(p, data.get(j), Tlog.storedHashIndex(p.l() * p.h(), tile.n()));
            byte[] d = data.get(i);
            if (!expected.equals(Tiles.tileHash(d, 0, d.length))) {
                throw new TlogException("downloaded inconsistent tile");
            }
        }

        reader.saveTiles(List.copyOf(tiles), List.copyOf(data));

        List<Hash> hashes = new ArrayList<>(indexes.length);
        for (int i = 0; i < indexes.length; i++) {
            int j = indexTileOrder[i];
            hashes.add(Tiles.hashFromTile(tiles.get(j), data.get(j), indexes[i]));
        }
        return hashes;
    }

    private static Tile parent(Tile t, int k, long size) {
        return t.parent(k, size).orElseThrow(() -> new IllegalStateException("bad math in tileHashReader: " + t));
    }
}
