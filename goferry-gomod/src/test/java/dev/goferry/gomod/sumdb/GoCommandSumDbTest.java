package dev.goferry.gomod.sumdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.gomod.sumdb.note.Keys;
import dev.goferry.gomod.sumdb.note.NoteException;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import dev.goferry.testkit.sumdb.TestSumDb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real go command (every client from {@link GoClients#all()}) verifies modules against a
 * {@link TestSumDb} that signs and tiles with goferry's note and tlog code: directly through an
 * explicit GOSUMDB URL, through a GOPROXY's {@code /sumdb/<name>/}, across tile boundaries, and it
 * refuses a module whose hash the database contradicts.
 */
class GoCommandSumDbTest {

    private static final String NAME = "sum.golang.test";
    private static final Keys.KeyStrings KEY = Keys.generate(NAME, new SecureRandom());
    private static final TestModule HELLO = TestModule.of("example.com/Hello", "v1.0.0");

    static Stream<GoClient> clients() {
        return GoClients.all().stream();
    }

    /** A database whose handler can be swapped to another log during a test. */
    private static final class Db implements AutoCloseable {
        final AtomicReference<SumDbServer> server = new AtomicReference<>();
        final TestSumDb http;

        Db(String prefix, MemoryLog log) {
            server.set(new SumDbServer(log));
            http = TestSumDb.start(prefix, (path, type, body) -> server.get().write(path, type, body));
        }

        @Override
        public void close() {
            http.close();
        }
    }

    private static Map<String, String> env(GoClient go, Path scratch, String goproxy, String gosumdb) {
        Map<String, String> env = new HashMap<>(go.baseEnvironment(scratch));
        env.put("GOPROXY", goproxy);
        env.put("GOSUMDB", gosumdb);
        env.put("GOFLAGS", "-mod=mod");
        return env;
    }

    private static GoClient.GoResult download(GoClient go, Path scratch, Map<String, String> env, TestModule m) {
        return go.run(scratch.resolve("w"), env, 120, "mod", "download", "-json", m.path() + "@" + m.version());
    }

    private static List<MemoryLog.Entry> fillers(int from, int count) {
        List<MemoryLog.Entry> list = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            TestModule f = TestModule.of("example.com/filler" + i, "v0.1.0");
            list.add(f.entry());
        }
        return list;
    }

    @ParameterizedTest(name = "go {0}")
    @MethodSource("clients")
    void verifiesThroughAnExplicitSumdbUrl(GoClient go, @TempDir Path scratch) throws NoteException {
        MemoryLog log = new MemoryLog(KEY.signerKey());
        log.addAll(fillers(0, 3));
        log.add(HELLO.entry());
        try (Db db = new Db("", log); TestGoProxy proxy = TestGoProxy.plain()) {
            proxy.add(HELLO);
            GoClient.GoResult r = download(go, scratch, env(go, scratch, proxy.url(), db.http.gosumdb(KEY.verifierKey())), HELLO);
            assertThat(r.exitCode()).as("go %s: %s%s", go.version(), r.stdout(), r.stderr()).isZero();
            assertThat(r.stdout()).as("go %s", go.version())
                    .contains("\"Sum\": \"" + HELLO.zipHash() + "\"").contains("\"GoModSum\": \"" + HELLO.goModHash() + "\"");
            assertThat(db.http.paths()).as("go %s asks the database by escaped path and reads tiles of height 8", go.version())
                    .contains("/lookup/example.com/!hello@v1.0.0", "/tile/8/0/000.p/4")
                    .allMatch(p -> p.startsWith("/lookup/") || p.startsWith("/tile/8/0/"));
            assertThat(proxy.paths()).as("go %s does not look for the database on the proxy", go.version())
                    .noneMatch(p -> p.startsWith("/sumdb/"));
        }
    }

    @ParameterizedTest(name = "go {0}")
    @MethodSource("clients")
    void refusesAZipTheDatabaseContradicts(GoClient go, @TempDir Path scratch) throws NoteException {
        String wrong = TestModule.of("example.com/other", "v9.9.9").zipHash();
        MemoryLog log = new MemoryLog(KEY.signerKey());
        log.add(new MemoryLog.Entry(HELLO.path(), HELLO.version(), wrong, HELLO.goModHash()));
        try (Db db = new Db("", log); TestGoProxy proxy = TestGoProxy.plain()) {
            proxy.add(HELLO);
            GoClient.GoResult r = download(go, scratch, env(go, scratch, proxy.url(), db.http.gosumdb(KEY.verifierKey())), HELLO);
            String out = r.stdout() + r.stderr();
            assertThat(r.exitCode()).as("go %s: %s", go.version(), out).isNotZero();
            assertThat(out).as("go %s", go.version())
                    // Reference §6.5 gives the inner text; the real go prefixes "<path>@<version>: verifying module: ".
                    .contains("example.com/Hello@v1.0.0: verifying module: checksum mismatch")
                    .contains("downloaded: " + HELLO.zipHash())
                    .contains(NAME + ": " + wrong)
                    .contains("SECURITY ERROR")
                    .contains("This download does NOT match the one reported by the checksum server.");
        }
    }

    @ParameterizedTest(name = "go {0}")
    @MethodSource("clients")
    void verifiesThroughTheProxysSumdbEndpoint(GoClient go, @TempDir Path scratch) throws NoteException {
        MemoryLog log = new MemoryLog(KEY.signerKey());
        log.add(HELLO.entry());
        try (Db db = new Db("/sumdb/" + NAME, log); TestGoProxy proxy = TestGoProxy.forwardingSumdb(NAME, db.http.url())) {
            proxy.add(HELLO);
            GoClient.GoResult r = download(go, scratch, env(go, scratch, proxy.url(), KEY.verifierKey()), HELLO);
            assertThat(r.exitCode()).as("go %s: %s%s", go.version(), r.stdout(), r.stderr()).isZero();
            assertThat(r.stdout()).as("go %s", go.version()).contains("\"Sum\": \"" + HELLO.zipHash() + "\"");
            assertThat(proxy.paths()).as("go %s", go.version())
                    .contains("/sumdb/" + NAME + "/supported", "/sumdb/" + NAME + "/lookup/example.com/!hello@v1.0.0",
                            "/sumdb/" + NAME + "/tile/8/0/000.p/1");
            assertThat(db.http.paths()).as("go %s reaches the database only through the proxy", go.version())
                    .contains("/sumdb/" + NAME + "/lookup/example.com/!hello@v1.0.0");
        }
    }

    @ParameterizedTest(name = "go {0}")
    @MethodSource("clients")
    void followsTheTreeAsItGrowsAcrossTiles(GoClient go, @TempDir Path scratch) throws NoteException, IOException {
        TestModule second = TestModule.of("example.com/Hello", "v1.1.0");
        MemoryLog log = new MemoryLog(KEY.signerKey());
        log.addAll(fillers(0, 300));
        log.add(HELLO.entry());
        try (Db db = new Db("", log); TestGoProxy proxy = TestGoProxy.plain()) {
            proxy.add(HELLO);
            proxy.add(second);
            Map<String, String> env = env(go, scratch, proxy.url(), db.http.gosumdb(KEY.verifierKey()));

            SumDbClient client = SumDbClient.of(KEY.verifierKey(), path -> {
                SumDbServer.Reply reply = db.server.get().serve(path);
                if (reply.status() != 200) {
                    throw new SumDbFetchException(reply.status() + " " + new String(reply.body(), StandardCharsets.UTF_8), reply.status());
                }
                return reply.body();
            });
            GoClient.GoResult first = download(go, scratch, env, HELLO);
            assertThat(client.lookup(HELLO.path(), HELLO.version() + "/go.mod")).isInstanceOf(LookupResult.Verified.class);
            assertThat(first.exitCode()).as("go %s: %s%s", go.version(), first.stdout(), first.stderr()).isZero();
            assertThat(db.http.paths()).as("go %s, tree of 301: record 300 and the tree hash need no full tile", go.version())
                    .containsExactlyInAnyOrder("/lookup/example.com/!hello@v1.0.0", "/tile/8/0/001.p/45", "/tile/8/1/000.p/1");
            Path latest = scratch.resolve("gopath/pkg/sumdb/" + NAME + "/latest");
            assertThat(Files.readString(latest)).as("go %s remembers the signed tree", go.version())
                    .startsWith("go.sum database tree\n301\n");

            log.addAll(fillers(300, 700));
            log.add(second.entry());
            db.http.clearRequests();
            GoClient.GoResult grown = download(go, scratch, env, second);
            assertThat(client.lookup(second.path(), second.version() + "/go.mod")).isInstanceOf(LookupResult.Verified.class);
            assertThat(grown.exitCode()).as("go %s: %s%s", go.version(), grown.stdout(), grown.stderr()).isZero();
            assertThat(grown.stdout()).contains("\"Sum\": \"" + second.zipHash() + "\"");
            assertThat(db.http.paths()).as("go %s checks tree 301 inside tree 1002 and record 1001", go.version())
                    .contains("/lookup/example.com/!hello@v1.1.0", "/tile/8/0/001", "/tile/8/0/003.p/234", "/tile/8/1/000.p/3");
            assertThat(Files.readString(latest)).as("go %s moved to the grown tree", go.version())
                    .startsWith("go.sum database tree\n1002\n");

            MemoryLog forked = new MemoryLog(KEY.signerKey());
            List<MemoryLog.Entry> history = new ArrayList<>(fillers(0, 300));
            history.add(HELLO.entry());
            history.addAll(fillers(300, 700));
            history.add(second.entry());
            // Record 800 lies in the last, partial level-0 tile: the fork's new tiles then hash to
            // its own signed tree, and only the consistency check against tree 1002 catches it.
            history.set(800, new MemoryLog.Entry("example.com/forged", "v0.1.0", "h1:forged=", "h1:forged="));
            forked.addAll(history);
            TestModule third = TestModule.of("example.com/Hello", "v1.2.0");
            proxy.add(third);
            forked.add(third.entry());
            db.server.set(new SumDbServer(forked));
            db.http.clearRequests();
            GoClient.GoResult fork = download(go, scratch, env, third);
            String out = fork.stdout() + fork.stderr();
            assertThat(fork.exitCode()).as("go %s: %s", go.version(), out).isNotZero();
            assertThat(out).as("go %s notices the forked log", go.version())
                    .contains("SECURITY ERROR\ngo.sum database server misbehavior detected!")
                    .contains("old database:\n\tgo.sum database tree\n\t1002\n")
                    .contains("new database:\n\tgo.sum database tree\n\t1003\n");
            LookupResult mine = client.lookup(third.path(), third.version() + "/go.mod");
            assertThat(mine).as(mine.message()).isInstanceOf(LookupResult.ProofFailed.class);
            assertThat(fork.stderr()).as("go %s prints the same report as goferry's client, proof included", go.version())
                    .contains(mine.message());
            assertThat(Files.readString(latest)).as("go %s keeps the honest tree", go.version())
                    .startsWith("go.sum database tree\n1002\n");
        }
    }
}
