package dev.goferry.gomod.sumdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.gomod.sumdb.note.Keys;
import dev.goferry.gomod.sumdb.note.NoteException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The client against the in-memory server, without HTTP: what verifies and each way it fails. */
class SumDbClientTest {

    static final Keys.KeyStrings KEY = Keys.generate("sum.golang.test", new SecureRandom());

    /** A fetcher over a {@link SumDbServer} that records paths and can rewrite answers. */
    static class Wire implements SumDbFetcher {
        SumDbServer server;
        final List<String> paths = new ArrayList<>();
        UnaryOperator<byte[]> rewriteLookup = UnaryOperator.identity();
        UnaryOperator<byte[]> rewriteTile = UnaryOperator.identity();
        String refuse = "";

        Wire(MemoryLog log) {
            this.server = new SumDbServer(log);
        }

        @Override
        public byte[] fetch(String path) throws SumDbFetchException {
            paths.add(path);
            if (!refuse.isEmpty() && path.contains(refuse)) {
                throw new SumDbFetchException("404 Not Found", 404);
            }
            SumDbServer.Reply r = server.serve(path);
            if (r.status() != 200) {
                throw new SumDbFetchException(r.status() + " " + new String(r.body(), StandardCharsets.UTF_8).trim(), r.status());
            }
            return (path.startsWith("/lookup/") ? rewriteLookup : path.startsWith("/tile/") ? rewriteTile
                    : UnaryOperator.<byte[]>identity()).apply(r.body());
        }
    }

    static MemoryLog log(int records) throws NoteException {
        MemoryLog log = new MemoryLog(KEY.signerKey());
        List<MemoryLog.Entry> entries = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            entries.add(entry(i));
        }
        log.addAll(entries);
        return log;
    }

    static MemoryLog.Entry entry(int i) {
        return new MemoryLog.Entry("example.com/Mod" + i, "v1.0." + i, "h1:zip" + i + "=", "h1:mod" + i + "=");
    }

    static Stream<Integer> treeSizes() {
        return Stream.of(1, 2, 5, 255, 256, 257, 300, 513, 1000);
    }

    @ParameterizedTest(name = "tree of {0}")
    @MethodSource("treeSizes")
    void verifiesFirstAndLastRecord(int size) throws NoteException {
        Wire wire = new Wire(log(size));
        SumDbClient c = SumDbClient.of(KEY.verifierKey(), wire);
        for (int i : new int[] {0, size - 1, size / 2}) {
            MemoryLog.Entry e = entry(i);
            LookupResult r = c.lookup(e.path(), e.version());
            assertThat(r).as("tree %d record %d: %s", size, i, r.message()).isInstanceOf(LookupResult.Verified.class);
            LookupResult.Verified v = (LookupResult.Verified) r;
            assertThat(v.lines()).as("tree %d record %d", size, i).containsExactly(e.path() + " " + e.version() + " " + e.zipHash());
            assertThat(v.recordId()).isEqualTo(i);
            assertThat(v.tree().n()).isEqualTo(size);
        }
        MemoryLog.Entry e = entry(0);
        assertThat(((LookupResult.Verified) c.lookup(e.path(), e.version() + "/go.mod")).hashFor(e.path(), e.version() + "/go.mod"))
                .contains(e.goModHash());
        assertThat(wire.paths).as("lookups case-escape and only tiles of height 8 are fetched")
                .contains("/lookup/example.com/!mod0@v1.0.0").allMatch(p -> p.startsWith("/lookup/") || p.startsWith("/tile/8/"))
                .noneMatch(p -> p.contains("/data/"));
    }

    @Test
    void keepsABoundedNumberOfTilesAndFetchesDroppedOnesAgain() throws NoteException {
        int size = 2000; // 7 full and one partial tile at level 0, one partial tile at level 1
        Wire wire = new Wire(log(size));
        SumDbClient c = SumDbClient.of(KEY.verifierKey(), wire, 2);
        for (int i = 0; i < size; i += 97) {
            MemoryLog.Entry e = entry(i);
            LookupResult r = c.lookup(e.path(), e.version());
            assertThat(r).as("record %d: %s", i, r.message()).isInstanceOf(LookupResult.Verified.class);
            assertThat(c.cachedTiles()).as("tiles kept after record %d", i).isLessThanOrEqualTo(2);
        }
        long before = wire.paths.stream().filter(p -> p.equals("/tile/8/0/000")).count();
        MemoryLog.Entry first = entry(1); // not looked up yet: its record is fetched, its tile was dropped
        assertThat(c.lookup(first.path(), first.version())).isInstanceOf(LookupResult.Verified.class);
        assertThat(wire.paths.stream().filter(p -> p.equals("/tile/8/0/000")).count())
                .as("the dropped first tile is fetched (and authenticated) again").isGreaterThan(before);
        assertThat(SumDbClient.of(KEY.verifierKey(), new Wire(log(size))).cachedTiles()).isZero();
    }

    @Test
    void growingTreeIsCheckedForConsistencyAcrossTileBoundaries() throws NoteException {
        MemoryLog log = log(5);
        Wire wire = new Wire(log);
        SumDbClient c = SumDbClient.of(KEY.verifierKey(), wire);
        assertThat(c.refreshLatest()).isInstanceOf(LookupResult.Verified.class);
        assertThat(c.latest().n()).isEqualTo(5);
        int next = 5;
        for (int grow : new int[] {251, 1, 300, 100, 65536 - 657 + 3}) {
            List<MemoryLog.Entry> more = new ArrayList<>();
            for (int i = 0; i < grow; i++) {
                more.add(entry(next++));
            }
            log.addAll(more);
            wire.paths.clear();
            MemoryLog.Entry e = entry(next - 1);
            LookupResult r = c.verify(e.path(), e.version());
            assertThat(r).as("after growing to %d: %s", next, r.message()).isInstanceOf(LookupResult.Verified.class);
            assertThat(c.latest().n()).isEqualTo(next);
            assertThat(wire.paths).as("size %d", next).anyMatch(p -> p.startsWith("/tile/8/0/"));
        }
        assertThat(wire.paths).as("a tree of 65539 records needs level-1 and level-2 tiles")
                .anyMatch(p -> p.startsWith("/tile/8/1/")).anyMatch(p -> p.startsWith("/tile/8/2/"));
        LookupResult old = c.lookup(entry(0).path(), entry(0).version());
        assertThat(old).as(old.message()).isInstanceOf(LookupResult.Verified.class);
    }

    @Test
    void forkedLogIsASecurityError() throws NoteException {
        MemoryLog honest = log(300);
        Wire wire = new Wire(honest);
        SumDbClient c = SumDbClient.of(KEY.verifierKey(), wire);
        LookupResult first = c.lookup("example.com/Mod299", "v1.0.299");
        assertThat(first).as(first.message()).isInstanceOf(LookupResult.Verified.class);
        assertThat(c.lookup("example.com/Mod0", "v1.0.0")).as("caches the first tile").isInstanceOf(LookupResult.Verified.class);

        List<MemoryLog.Entry> forked = new ArrayList<>();
        for (int i = 0; i < 310; i++) {
            forked.add(i == 7 ? new MemoryLog.Entry("example.com/Mod7", "v1.0.7", "h1:evil=", "h1:mod7=") : entry(i));
        }
        MemoryLog shorter = new MemoryLog(KEY.signerKey());
        shorter.addAll(forked.subList(0, 200));
        wire.server = new SumDbServer(shorter);
        LookupResult older = c.lookup("example.com/Mod7", "v1.0.7");
        assertThat(older).as(older.message()).isInstanceOf(LookupResult.ProofFailed.class);
        assertThat(older.message()).startsWith("SECURITY ERROR\ngo.sum database server misbehavior detected!\n\n"
                + "old database:\n\tgo.sum database tree\n\t200\n").contains("new database:\n\tgo.sum database tree\n\t300\n")
                .contains("proof of misbehavior:\n\t");

        MemoryLog longer = new MemoryLog(KEY.signerKey());
        longer.addAll(forked);
        wire.server = new SumDbServer(longer);
        LookupResult newer = c.lookup("example.com/Mod300", "v1.0.300");
        assertThat(newer).as(newer.message()).isInstanceOf(LookupResult.ProofFailed.class);
        // The full first tile is cached from the honest log (tiles are cached by path, as in the go
        // command), so the forked tiles no longer hash to the forked tree.
        assertThat(newer.message()).isEqualTo("example.com/Mod300@v1.0.300: checking tree#300 against tree#310: downloaded inconsistent tile");
        assertThat(c.latest().n()).as("the forked tree is not installed").isEqualTo(300);
    }

    @Test
    void aTrustedTreeFromEarlierBindsLaterAnswers() throws NoteException {
        MemoryLog honest = log(40);
        MemoryLog fork = new MemoryLog(KEY.signerKey());
        fork.add(new MemoryLog.Entry("example.com/Mod0", "v1.0.0", "h1:evil=", "h1:mod0="));
        for (int i = 1; i < 50; i++) {
            fork.add(entry(i));
        }
        SumDbClient c = SumDbClient.of(KEY.verifierKey(), new Wire(fork));
        assertThat(c.trust(honest.signedTree())).isInstanceOf(LookupResult.Verified.class);
        assertThat(c.latest()).isEqualTo(honest.tree());
        LookupResult r = c.verify("example.com/Mod0", "v1.0.0");
        assertThat(r).as(r.message()).isInstanceOf(LookupResult.ProofFailed.class);
        assertThat(r.message()).startsWith("SECURITY ERROR\n");

        Keys.KeyStrings other = Keys.generate("sum.golang.test", new SecureRandom());
        MemoryLog stranger = new MemoryLog(other.signerKey());
        assertThat(SumDbClient.of(KEY.verifierKey(), new Wire(honest)).trust(stranger.signedTree()))
                .isInstanceOf(LookupResult.BadSignature.class);
    }

    @Test
    void wrongKeyIsABadSignature() throws NoteException {
        Keys.KeyStrings other = Keys.generate("sum.golang.test", new SecureRandom());
        SumDbClient c = SumDbClient.of(other.verifierKey(), new Wire(log(3)));
        LookupResult r = c.lookup("example.com/Mod1", "v1.0.1");
        assertThat(r).isInstanceOf(LookupResult.BadSignature.class);
        assertThat(r.message()).startsWith("example.com/Mod1@v1.0.1: reading tree note: note has no verifiable signatures\nnote:\ngo.sum database tree\n3\n");
    }

    @Test
    void tamperedRecordCannotBeAuthenticated() throws NoteException {
        Wire wire = new Wire(log(3));
        wire.rewriteLookup = body -> new String(body, StandardCharsets.UTF_8).replace("h1:zip1=", "h1:zip9=").getBytes(StandardCharsets.UTF_8);
        LookupResult r = SumDbClient.of(KEY.verifierKey(), wire).lookup("example.com/Mod1", "v1.0.1");
        assertThat(r).isInstanceOf(LookupResult.ProofFailed.class);
        assertThat(r.message()).isEqualTo("example.com/Mod1@v1.0.1: cannot authenticate record data in server response");
    }

    @Test
    void tamperedTileIsInconsistent() throws NoteException {
        Wire wire = new Wire(log(3));
        wire.rewriteTile = body -> {
            byte[] b = body.clone();
            if (b.length == 96) {
                b[40] ^= 1;
            }
            return b;
        };
        LookupResult r = SumDbClient.of(KEY.verifierKey(), wire).lookup("example.com/Mod1", "v1.0.1");
        assertThat(r).isInstanceOf(LookupResult.ProofFailed.class);
        assertThat(r.message()).isEqualTo("example.com/Mod1@v1.0.1: downloaded inconsistent tile");
    }

    @ParameterizedTest(name = "{0}@{1}")
    @CsvSource(delimiter = '|', textBlock = """
            example.com/bad path|v1.0.0|example.com/bad path@v1.0.0: malformed module path "example.com/bad path": invalid char ' '
            example.com/m|v1.0.0!|example.com/m@v1.0.0!: version "v1.0.0!" invalid: disallowed version string
            """)
    void pathOrVersionModuleEscapingRefusesIsNotFetched(String path, String version, String message) throws NoteException {
        Wire wire = new Wire(log(3));
        LookupResult r = SumDbClient.of(KEY.verifierKey(), wire).lookup(path, version);
        assertThat(r).as("%s@%s", path, version).isInstanceOf(LookupResult.InvalidModule.class);
        assertThat(r.message()).as("%s@%s", path, version).isEqualTo(message);
        assertThat(wire.paths).as("%s@%s fetched", path, version).isEmpty();
    }

    @Test
    void missingVersionIsNotFound() throws NoteException {
        LookupResult r = SumDbClient.of(KEY.verifierKey(), new Wire(log(3))).lookup("example.com/Nope", "v1.0.0");
        assertThat(r).isInstanceOf(LookupResult.NotFound.class);
        assertThat(r.message()).isEqualTo("example.com/Nope@v1.0.0: reading /lookup/example.com/!nope@v1.0.0: 404 not found: example.com/Nope@v1.0.0");
    }

    @Test
    void unavailablePartialTileFallsBackToTheFullTile() throws NoteException {
        MemoryLog log = log(256);
        Wire wire = new Wire(log);
        SumDbClient c = SumDbClient.of(KEY.verifierKey(), wire);
        assertThat(c.refreshLatest()).isInstanceOf(LookupResult.Verified.class);
        log.add(entry(256));
        log.add(entry(257));
        wire.paths.clear();
        wire.refuse = "/tile/8/0/000.p/";
        LookupResult r = c.lookup("example.com/Mod257", "v1.0.257");
        assertThat(r).as(r.message()).isInstanceOf(LookupResult.Verified.class);
        assertThat(wire.paths).contains("/tile/8/0/001.p/2");
    }

    @Test
    void unreachableTileIsAFetchFailure() throws NoteException {
        Wire wire = new Wire(log(3)) {
            @Override
            public byte[] fetch(String path) throws SumDbFetchException {
                if (path.startsWith("/tile/")) {
                    throw new SumDbFetchException("connection refused", 0);
                }
                return super.fetch(path);
            }
        };
        LookupResult r = SumDbClient.of(KEY.verifierKey(), wire).lookup("example.com/Mod1", "v1.0.1");
        assertThat(r).isInstanceOf(LookupResult.FetchFailed.class);
        assertThat(r.message()).isEqualTo("example.com/Mod1@v1.0.1: reading /tile/8/0/000.p/3: connection refused");
    }

    @Test
    void serverAnswersLikeXmod() throws NoteException {
        SumDbServer s = new SumDbServer(log(3));
        assertThat(s.serve("/lookup/example.com/!mod1@v1.0.1").contentType()).isEqualTo("text/plain; charset=UTF-8");
        assertThat(new String(s.serve("/lookup/example.com/!mod1@v1.0.1").body(), StandardCharsets.UTF_8))
                .startsWith("1\nexample.com/Mod1 v1.0.1 h1:zip1=\nexample.com/Mod1 v1.0.1/go.mod h1:mod1=\n\ngo.sum database tree\n3\n");
        assertThat(s.serve("/lookup/example.com/mod1@latest").status()).isEqualTo(400);
        assertThat(s.serve("/tile/8/0/000.p/3").contentType()).isEqualTo("application/octet-stream");
        assertThat(s.serve("/tile/8/0/000.p/3").body()).hasSize(96);
        assertThat(s.serve("/tile/8/0/000.p/4").status()).isEqualTo(404);
        assertThat(s.serve("/tile/8/0/000").status()).isEqualTo(404);
        assertThat(s.serve("/tile/8/0/0").status()).isEqualTo(400);
        assertThat(new String(s.serve("/tile/8/data/000.p/2").body(), StandardCharsets.UTF_8)).isEqualTo(
                "example.com/Mod0 v1.0.0 h1:zip0=\nexample.com/Mod0 v1.0.0/go.mod h1:mod0=\n\n"
                        + "example.com/Mod1 v1.0.1 h1:zip1=\nexample.com/Mod1 v1.0.1/go.mod h1:mod1=\n\n");
        assertThat(s.serve("/other").status()).isEqualTo(404);
    }
}
