package dev.goferry.gomod.sumdb.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transparency-log vectors of /work/shared/reference/sumdb-vectors.txt, generated with x/mod's
 * own tlog code: record hashes, stored hashes, tree hashes, audit and consistency proofs, tiles.
 */
class TlogVectorsTest {

    static final List<String> RECORDS = List.of(
            "rsc.io/quote v1.5.2 h1:w5fcysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y=\nrsc.io/quote v1.5.2/go.mod h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0=\n",
            "golang.org/x/text v0.0.0-20170915032832-14c0d48ead0c h1:qgOY6WgZOaTkIIMiVjBQcw93ERBE4m30iBm00nkL0i8=\ngolang.org/x/text v0.0.0-20170915032832-14c0d48ead0c/go.mod h1:NqM8EUOU14njkJ3fqMW+pc6Ldnwhi/IjpwHt7yyuwOQ=\n",
            "rsc.io/sampler v1.3.0 h1:7uVkIFmeBqHfdjD+gZwtXXI+RODJ2Wc4O7MPEh/QiW4=\nrsc.io/sampler v1.3.0/go.mod h1:T1hPZKmBbMNahiBKFy5HrXp6adAjACjK9JXDnKaTXpA=\n",
            "github.com/google/uuid v1.6.0 h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=\ngithub.com/google/uuid v1.6.0/go.mod h1:TIyPZe4MgqvfeYDBFedMoGGpEw/LqOeaOT+nhxU+yHo=\n",
            "github.com/pkg/errors v0.9.1 h1:FEBLx1zS214owpjy7qsBeixbURkuhQAwrK5UwLGTwt4=\ngithub.com/pkg/errors v0.9.1/go.mod h1:bwawxfHBFNV+L2hUp1rHADufV3IMtnDRdf1r5NINEl0=\n");

    static final String R0 = "YIbrIfbx/MNcPidoYOgRXWdOys26yALyiA3vKAesRjw=";
    static final String R1 = "OVycKzbYUm+7AUZXER7fMrIWBUp702IqutYyhFQ1Hng=";
    static final String R2 = "o8m5rrlnnRXbhEBP9X8zkP2dzqefc98mKqSMf7t1ig8=";
    static final String R3 = "P6nS0/+haFtPXDHudaMEI6wZ1MXpaHDgWR73Kphr7UU=";
    static final String R4 = "GxsknKRfMXX4Irt7UJtjr5YbiTxJpWEoJkCvoaH5N4Q=";
    static final String N10 = "+r5Ek62DUwFQ9fRgsG1kyc+t/2zc2lWNK3tSHg01IO8=";
    static final String N11 = "/w3EqdHcmVVP+VzmLTZejfLsXs9FvHHco3JB5vkM0Lk=";
    static final String N20 = "fRhH/IzEOoYvNPLTVmkUauJRUG7UhcYRop/nls5MU18=";

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of(0, R0, 0L, 1),
                Arguments.of(1, R1, 1L, 2),
                Arguments.of(2, R2, 3L, 1),
                Arguments.of(3, R3, 4L, 3),
                Arguments.of(4, R4, 7L, 1));
    }

    @ParameterizedTest(name = "record {0}")
    @MethodSource("records")
    void recordHashIndexAndNewStoredHashes(int n, String hash, long index, int newHashes) throws TlogException {
        byte[] text = RECORDS.get(n).getBytes(StandardCharsets.UTF_8);
        assertThat(Tlog.recordHash(text)).as("RecordHash(r%d)", n).hasToString(hash);
        assertThat(Tlog.storedHashIndex(0, n)).as("StoredHashIndex(0,%d)", n).isEqualTo(index);
        MemoryHashes m = MemoryHashes.of(RECORDS.subList(0, n));
        assertThat(Tlog.storedHashes(n, text, m)).as("StoredHashes(%d)", n).hasSize(newHashes);
    }

    @Test
    void storedHashSequence() throws TlogException {
        MemoryHashes m = MemoryHashes.of(RECORDS);
        assertThat(Tlog.storedHashCount(5)).isEqualTo(8);
        assertThat(m.stored).extracting(Hash::toString).containsExactly(R0, R1, N10, R2, R3, N11, N20, R4);
        int[][] levelN = {{0, 0}, {0, 1}, {1, 0}, {0, 2}, {0, 3}, {1, 1}, {2, 0}, {0, 4}};
        for (int i = 0; i < levelN.length; i++) {
            assertThat(Tlog.splitStoredHashIndex(i)).as("SplitStoredHashIndex(%d)", i)
                    .isEqualTo(new Tlog.LevelN(levelN[i][0], levelN[i][1]));
            assertThat(Tlog.storedHashIndex(levelN[i][0], levelN[i][1])).as("StoredHashIndex of %d", i).isEqualTo(i);
        }
    }

    @Test
    void storedHashIndexRoundTripsOverManyIndexes() {
        for (long i = 0; i < 5000; i++) {
            Tlog.LevelN ln = Tlog.splitStoredHashIndex(i);
            assertThat(Tlog.storedHashIndex(ln.level(), ln.n())).as("index %d", i).isEqualTo(i);
        }
    }

    @Test
    void treeHashes() throws TlogException {
        MemoryHashes m = MemoryHashes.of(RECORDS);
        List<String> want = List.of("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", R0, N10,
                "bWqOKEmGdeKqFgcBfxW3PtjX7KQWD+npcdy/uBjP8Mw=", N20, "MeHw8hsl2DAOSJ8RfdhmspI4Dd8f6+5JRGh6M2H8Rus=");
        for (int n = 0; n <= 5; n++) {
            assertThat(Tlog.treeHash(n, m)).as("TreeHash(%d)", n).hasToString(want.get(n));
        }
    }

    static Stream<Arguments> recordProofs() {
        return Stream.of(
                Arguments.of(0, List.of(R1, N11, R4)),
                Arguments.of(1, List.of(R0, N11, R4)),
                Arguments.of(2, List.of(R3, N10, R4)),
                Arguments.of(3, List.of(R2, N10, R4)),
                Arguments.of(4, List.of(N20)));
    }

    @ParameterizedTest(name = "ProveRecord(5, {0})")
    @MethodSource("recordProofs")
    void recordProofs(int n, List<String> want) throws TlogException {
        MemoryHashes m = MemoryHashes.of(RECORDS);
        List<Hash> p = Tlog.proveRecord(5, n, m);
        assertThat(p).extracting(Hash::toString).as("ProveRecord(5,%d)", n).containsExactlyElementsOf(want);
        Hash th = Tlog.treeHash(5, m);
        Hash leaf = Tlog.recordHash(RECORDS.get(n).getBytes(StandardCharsets.UTF_8));
        Tlog.checkRecord(p, 5, th, n, leaf);
        Hash other = Tlog.recordHash("x\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Tlog.checkRecord(p, 5, th, n, other)).as("CheckRecord with a wrong leaf, n=%d", n)
                .hasMessage("invalid transparency proof");
        assertThatThrownBy(() -> Tlog.checkRecord(p.subList(1, p.size()), 5, th, n, leaf)).as("short proof, n=%d", n)
                .hasMessage("invalid transparency proof");
    }

    static Stream<Arguments> treeProofs() {
        return Stream.of(
                Arguments.of(1, List.of(R1, N11, R4)),
                Arguments.of(2, List.of(N11, R4)),
                Arguments.of(3, List.of(R2, R3, N10, R4)),
                Arguments.of(4, List.of(R4)));
    }

    @ParameterizedTest(name = "ProveTree(5, {0})")
    @MethodSource("treeProofs")
    void treeProofs(int n, List<String> want) throws TlogException {
        MemoryHashes m = MemoryHashes.of(RECORDS);
        List<Hash> p = Tlog.proveTree(5, n, m);
        assertThat(p).extracting(Hash::toString).as("ProveTree(5,%d)", n).containsExactlyElementsOf(want);
        Hash th = Tlog.treeHash(5, m);
        Hash h = Tlog.treeHash(n, m);
        Tlog.checkTree(p, 5, th, n, h);
        assertThatThrownBy(() -> Tlog.checkTree(p, 5, th, n, Hash.EMPTY)).as("CheckTree with a wrong old hash, n=%d", n)
                .hasMessage("invalid transparency proof");
    }

    @Test
    void proofsOverLargerTreesCheck() throws TlogException {
        MemoryHashes m = new MemoryHashes();
        for (int i = 0; i < 70; i++) {
            m.add("example.com/m" + i + " v1.0.0 h1:x\n");
        }
        for (long t = 1; t <= 70; t++) {
            Hash th = Tlog.treeHash(t, m);
            for (long n = 0; n < t; n++) {
                Tlog.checkRecord(Tlog.proveRecord(t, n, m), t, th, n, m.stored.get((int) Tlog.storedHashIndex(0, n)));
                if (n > 0) {
                    Tlog.checkTree(Tlog.proveTree(t, n, m), t, th, n, Tlog.treeHash(n, m));
                }
            }
        }
    }

    static Stream<Arguments> tiles() {
        return Stream.of(
                Arguments.of(new Tile(2, 0, 0, 4), "tile/2/0/000",
                        "YIbrIfbx/MNcPidoYOgRXWdOys26yALyiA3vKAesRjw5XJwrNthSb7sBRlcRHt8yshYFSnvTYiq61jKEVDUeeKPJua65Z50V24RAT/V/M5D9nc6nn3PfJiqkjH+7dYoPP6nS0/+haFtPXDHudaMEI6wZ1MXpaHDgWR73Kphr7UU="),
                Arguments.of(new Tile(2, 0, 1, 1), "tile/2/0/001.p/1", R4),
                Arguments.of(new Tile(2, 1, 0, 1), "tile/2/1/000.p/1", N20),
                Arguments.of(new Tile(8, 0, 0, 5), "tile/8/0/000.p/5",
                        "YIbrIfbx/MNcPidoYOgRXWdOys26yALyiA3vKAesRjw5XJwrNthSb7sBRlcRHt8yshYFSnvTYiq61jKEVDUeeKPJua65Z50V24RAT/V/M5D9nc6nn3PfJiqkjH+7dYoPP6nS0/+haFtPXDHudaMEI6wZ1MXpaHDgWR73Kphr7UUbGyScpF8xdfgiu3tQm2OvlhuJPEmlYSgmQK+hofk3hA=="));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("tiles")
    void tileData(Tile tile, String path, String base64) throws TlogException {
        MemoryHashes m = MemoryHashes.of(RECORDS);
        assertThat(tile.path()).isEqualTo(path);
        assertThat(Tile.parse(path)).as("ParseTilePath(%s)", path).isEqualTo(tile);
        assertThat(Base64.getEncoder().encodeToString(Tiles.readTileData(tile, m))).as("ReadTileData(%s)", path).isEqualTo(base64);
    }

    @Test
    void newTilesForTheFiveRecordTree() {
        assertThat(Tiles.newTiles(8, 0, 5)).extracting(Tile::path).containsExactly("tile/8/0/000.p/5");
        assertThat(Tiles.newTiles(2, 0, 5)).extracting(Tile::path)
                .containsExactly("tile/2/0/000", "tile/2/0/001.p/1", "tile/2/1/000.p/1");
        assertThat(Tiles.newTiles(8, 5, 300)).extracting(Tile::path)
                .containsExactly("tile/8/0/000", "tile/8/0/001.p/44", "tile/8/1/000.p/1");
    }

    static Stream<Arguments> tilePaths() {
        return Stream.of(
                Arguments.of(new Tile(8, 0, 1234067, 256), "tile/8/0/x001/x234/067"),
                Arguments.of(new Tile(8, 2, 5, 7), "tile/8/2/005.p/7"),
                Arguments.of(new Tile(8, Tile.DATA, 1000, 256), "tile/8/data/x001/000"),
                Arguments.of(new Tile(8, Tile.DATA, 0, 5), "tile/8/data/000.p/5"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("tilePaths")
    void tilePathsRoundTrip(Tile tile, String path) {
        assertThat(tile.path()).as("Path(%s)", tile).isEqualTo(path);
        assertThat(Tile.parse(path)).as("ParseTilePath(%s)", path).isEqualTo(tile);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTilePaths")
    void badTilePathsAreRejected(String path) {
        assertThatThrownBy(() -> Tile.parse(path)).as("ParseTilePath(%s)", path)
                .hasMessage("malformed tile path \"" + path + "\"");
    }

    static Stream<String> badTilePaths() {
        return """
                tile/8/0/001.p/256
                tile/8/0/001.p/0
                tile/8/0/1
                tile/8/0/0001
                tile/8/0/x000/001
                tile/8/0/001/002
                tile/0/0/000
                tile/31/0/000
                tile/8/-1/000
                tile/8/0
                tiles/8/0/000
                tile/8/0/000.p/
                """.lines();
    }

    @Test
    void tileForIndex() {
        assertThat(Tile.forIndex(8, Tlog.storedHashIndex(0, 1000)).path()).isEqualTo("tile/8/0/003.p/233");
        assertThat(Tile.forIndex(8, Tlog.storedHashIndex(8, 0)).path()).isEqualTo("tile/8/1/000.p/1");
    }

    @Test
    void hashFromTileReadsInteriorHashes() throws TlogException {
        MemoryHashes m = MemoryHashes.of(RECORDS);
        byte[] data = Tiles.readTileData(new Tile(8, 0, 0, 5), m);
        for (int i = 0; i < 8; i++) {
            assertThat(Tiles.hashFromTile(new Tile(8, 0, 0, 5), data, i)).as("hash %d", i).isEqualTo(m.stored.get(i));
        }
        assertThatThrownBy(() -> Tiles.hashFromTile(new Tile(8, 0, 0, 4), data, 7))
                .hasMessage("index 7 is in tile/8/0/000.p/5 not tile/8/0/000.p/4");
    }

    @Test
    void dataTileIsTheRecordsEachFollowedByABlankLine() {
        StringBuilder body = new StringBuilder();
        for (String r : RECORDS) {
            body.append(r).append('\n');
        }
        assertThat(body.toString()).startsWith("rsc.io/quote v1.5.2 h1:w5fcysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y=\n"
                + "rsc.io/quote v1.5.2/go.mod h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0=\n\ngolang.org/x/text");
        List<byte[]> records = new ArrayList<>();
        for (String r : RECORDS) {
            records.add(r.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(new String(Tiles.formatData(records), StandardCharsets.UTF_8)).isEqualTo(body.toString());
    }

    @Test
    void treeNoteFormatAndParse() {
        Tree golden = new Tree(123456789012L, Tlog.recordHash("hello world".getBytes(StandardCharsets.UTF_8)));
        String text = "go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n";
        assertThat(new String(golden.format(), StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(Tree.parse(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(golden);
        assertThat(Tree.parse((text + "extra line\n").getBytes(StandardCharsets.UTF_8))).isEqualTo(golden);
        for (String bad : List.of("go.sum database tree\n0123\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
                "go.sum database tree\n-1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
                "go.sum database tree\n1\nTszz\n",
                "go.sum database tree\n1\n",
                "go.sum database treex\n1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n")) {
            assertThatThrownBy(() -> Tree.parse(bad.getBytes(StandardCharsets.UTF_8))).as("ParseTree(%s)", bad)
                    .hasMessage("malformed tree note");
        }
    }

    @Test
    void lookupResponseParses() {
        String rest = "go.sum database tree\n5\nMeHw8hsl2DAOSJ8RfdhmspI4Dd8f6+5JRGh6M2H8Rus=\n\n"
                + "\u2014 localhost.localdev/sumdb AAAMZ3N5gHYlwOTenYS3J2JezAoyqnqdJ+MhMLyrtiTNFcBhMHMkml5zLMEreBIgCpjDLyyQuDESwSV1oDRQGWEVPwU=\n";
        String msg = "2\n" + RECORDS.get(2) + "\n" + rest;
        LogRecord.Parsed p = LogRecord.parse(msg.getBytes(StandardCharsets.UTF_8));
        assertThat(p.record()).isEqualTo(new LogRecord(2, RECORDS.get(2).getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(p.rest(), StandardCharsets.UTF_8)).isEqualTo(rest);
        assertThat(new String(p.record().format(), StandardCharsets.UTF_8)).isEqualTo("2\n" + RECORDS.get(2) + "\n");
        for (String bad : List.of("x\na\n\n", "2\na\n", "2\na\u0001\n\n", " 2\na\n\n", "2")) {
            assertThatThrownBy(() -> LogRecord.parse(bad.getBytes(StandardCharsets.UTF_8))).as("ParseRecord(%s)", bad)
                    .hasMessage("malformed record data");
        }
        assertThat(Arrays.equals(p.record().text(), RECORDS.get(2).getBytes(StandardCharsets.UTF_8))).isTrue();
    }
}
