package dev.goferry.gomod.sumdb.tlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tile of the log (x/mod {@code tlog.Tile}): {@code w} consecutive hashes at tree level
 * {@code h·l}, starting at hash number {@code n·2^h} of that level. A tile is complete when
 * {@code w == 2^h}; otherwise it is a partial tile, served under a {@code .p/W} path. Level
 * {@code -1} is the data tile, holding the records under the level-0 tile with the same number.
 *
 * <p>Paths are {@code tile/H/L/NNN[.p/W]}, with {@code N} written in 3-digit groups and every group
 * but the last prefixed with {@code x} ({@code 1234067} → {@code x001/x234/067}), so no directory
 * holds more than 1000 entries.
 *
 * @param h height, 1 to 30 (the go command and sum.golang.org use 8)
 * @param l level in the tiling, -1 (data) to 63
 * @param n number within the level
 * @param w width, 1 to 2^h
 */
public record Tile(int h, int l, long n, int w) {

    /** Level value of a data tile. */
    public static final int DATA = -1;

    private static final int PATH_BASE = 1000;

    /** {@return whether the tile holds all 2^h hashes} */
    public boolean complete() {
        return w == (1 << h);
    }

    /** {@return this tile's URL path below the server base} */
    public String path() {
        long nn = n;
        StringBuilder nStr = new StringBuilder(String.format("%03d", nn % PATH_BASE));
        while (nn >= PATH_BASE) {
            nn /= PATH_BASE;
            nStr.insert(0, String.format("x%03d/", nn % PATH_BASE));
        }
        String p = complete() ? "" : ".p/" + w;
        String level = l == DATA ? "data" : Integer.toString(l);
        return "tile/" + h + "/" + level + "/" + nStr + p;
    }

    @Override
    public String toString() {
        return path();
    }

    /**
     * Parses a tile path, accepting only the exact form {@link #path()} prints.
     *
     * @throws IllegalArgumentException "malformed tile path %q" otherwise
     */
    public static Tile parse(String path) {
        String[] f = path.split("/", -1);
        if (f.length < 4 || !f[0].equals("tile")) {
            throw bad(path);
        }
        boolean isData = f[2].equals("data");
        int h;
        int l;
        try {
            h = Integer.parseInt(f[1]);
            l = isData ? 0 : Integer.parseInt(f[2]);
        } catch (NumberFormatException e) {
            throw bad(path);
        }
        if (h < 1 || l < 0 || h > 30) {
            throw bad(path);
        }
        int w = 1 << h;
        List<String> groups = new ArrayList<>(List.of(f).subList(3, f.length));
        String dotP = f[f.length - 2];
        if (dotP.endsWith(".p")) {
            int ww;
            try {
                ww = Integer.parseInt(f[f.length - 1]);
            } catch (NumberFormatException e) {
                throw bad(path);
            }
            if (ww <= 0 || ww >= w) {
                throw bad(path);
            }
            w = ww;
            groups.remove(groups.size() - 1);
            groups.set(groups.size() - 1, dotP.substring(0, dotP.length() - 2));
        }
        if (groups.isEmpty()) {
            throw bad(path);
        }
        long n = 0;
        for (String s : groups) {
            String digits = s.startsWith("x") ? s.substring(1) : s;
            int nn;
            try {
                nn = Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                throw bad(path);
            }
            if (nn < 0 || nn >= PATH_BASE) {
                throw bad(path);
            }
            n = n * PATH_BASE + nn;
        }
        Tile t = new Tile(h, isData ? DATA : l, n, w);
        if (!path.equals(t.path())) {
            throw bad(path);
        }
        return t;
    }

    private static IllegalArgumentException bad(String path) {
        return new IllegalArgumentException("malformed tile path \"" + path + "\"");
    }

    /** {@return the smallest tile of height {@code h} holding the stored hash {@code index}} */
    public static Tile forIndex(int h, long index) {
        if (h <= 0) {
            throw new IllegalArgumentException("TileForIndex: invalid height " + h);
        }
        return locate(h, index).tile();
    }

    /** The tile holding a stored hash, and the byte range in the tile data it is computed from. */
    record Located(Tile tile, int start, int end) {
    }

    static Located locate(int h, long index) {
        Tlog.LevelN ln = Tlog.splitStoredHashIndex(index);
        int level = ln.level();
        long n = ln.n();
        int l = level / h;
        level -= l * h;
        long tn = n << level >> h;
        n -= tn << h >> level;
        int w = (int) ((n + 1) << level);
        return new Located(new Tile(h, l, tn, w), (int) (n << level) * Hash.SIZE, (int) ((n + 1) << level) * Hash.SIZE);
    }

    /**
     * Returns the tile {@code k} levels above this one in a tree of {@code treeSize} records,
     * trimmed to the tree, or empty when the tree does not reach it.
     */
    Optional<Tile> parent(int k, long treeSize) {
        int pl = l + k;
        long pn = n >> (k * h);
        int pw = 1 << h;
        long max = treeSize >> (pl * h);
        if ((pn << h) + pw >= max) {
            if ((pn << h) >= max) {
                return Optional.empty();
            }
            pw = (int) (max - (pn << h));
        }
        return Optional.of(new Tile(h, pl, pn, pw));
    }
}
