package dev.goferry.gomod.sumdb.tlog;

import java.util.List;

/**
 * Reads tiles, typically from a checksum database server or a cache (x/mod {@code tlog.TileReader}).
 * {@link TileHashReader} authenticates what it returns and hands the good tiles to {@link #saveTiles}.
 */
public interface TileReader {

    /** {@return the tile height this reader serves (8 for the go command)} */
    int height();

    /**
     * Returns the data of each tile, in order; each must be exactly {@code W·32} bytes.
     *
     * @throws TlogException if a tile cannot be read
     */
    List<byte[]> readTiles(List<Tile> tiles) throws TlogException;

    /** Receives tiles whose data was authenticated against a signed tree, for caching. */
    default void saveTiles(List<Tile> tiles, List<byte[]> data) {
    }
}
