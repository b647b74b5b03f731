package dev.goferry.proxy.sumdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.gomod.dirhash.Dirhash;
import dev.goferry.gomod.module.ModuleVersion;
import dev.goferry.gomod.sumdb.MemoryLog;
import dev.goferry.gomod.sumdb.SumDbServer;
import dev.goferry.gomod.sumdb.note.Keys;
import dev.goferry.proxy.Lab;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import dev.goferry.testkit.ModuleStore;
import dev.goferry.testkit.RecordingServer;
import dev.goferry.testkit.sumdb.TestSumDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real go command (both clients) verifies modules against a checksum database it reaches only
 * through goferry ({@code GOSUMDB=<name>+<key>} without a URL, {@code GOPROXY=<goferry>}), and
 * goferry itself verifies every .mod and .zip against that database before storing it: a tampered
 * upstream is refused with 502, nothing is stored; private paths skip verification; a public
 * module the database does not know is refused; full tiles are cached.
 */
class ServeSumDbTest {

    private static final String NAME = "sum.goferry.test";
    private static final Keys.KeyStrings KEY = Keys.generate(NAME, new SecureRandom());
    private static final ModuleStore.ModuleVersion HELLO = module("example.com/hello", "v1.0.0", "package hello\n");

    static Stream<GoClient> clients() {
        return GoClients.all().stream();
    }

    private static ModuleStore.ModuleVersion module(String path, String version, String source) {
        return new ModuleStore.ModuleVersion(path, version, "module " + path + "\n\ngo 1.16\n", Map.of("m.go", source));
    }

    private static MemoryLog.Entry entry(ModuleStore.ModuleVersion m, Path scratch) {
        try {
            Path zip = Files.createTempFile(scratch, "m", ".zip");
            Files.write(zip, m.zip());
            return new MemoryLog.Entry(m.path(), m.version(), Dirhash.hashModuleZip(zip, new ModuleVersion(m.path(), m.version())),
                    Dirhash.hashGoMod(m.mod()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A database holding {@code first}, then 300 filler records, so record 0 lies in a full tile. */
    private static MemoryLog log(MemoryLog.Entry first) throws Exception {
        MemoryLog log = new MemoryLog(KEY.signerKey());
        List<MemoryLog.Entry> entries = new ArrayList<>();
        entries.add(first);
        for (int i = 0; i < 300; i++) {
            entries.add(new MemoryLog.Entry("example.com/filler" + i, "v0.1.0", "h1:filler" + i + "=", "h1:fillermod" + i + "="));
        }
        log.addAll(entries);
        return log;
    }

    /** The lab: a database, an upstream serving {@code served}, goferry configured with both. */
    private record Setup(TestSumDb db, RecordingServer upstream, Lab.Running goferry, Path data) implements AutoCloseable {
        static Setup start(Path scratch, MemoryLog log, ModuleStore served, Map<String, String> overrides) throws Exception {
            TestSumDb db = TestSumDb.start("", new SumDbServer(log)::write);
            RecordingServer upstream = RecordingServer.builder().serve("p", served).start();
            Map<String, String> config = new HashMap<>(overrides);
            config.put("sumdb", KEY.verifierKey() + " " + db.url());
            Path data = Files.createDirectories(scratch.resolve("data"));
            return new Setup(db, upstream, Lab.start(data, upstream.url("p"), config), data);
        }

        @Override
        public void close() throws Exception {
            goferry.close();
            upstream.close();
            db.close();
        }
    }

    private static Map<String, String> env(GoClient go, Path scratch, String goproxy, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(go.baseEnvironment(scratch));
        env.put("GOPROXY", goproxy);
        env.put("GOSUMDB", KEY.verifierKey());
        env.put("GOFLAGS", "-mod=mod");
        env.putAll(extra);
        return env;
    }

    private static GoClient.GoResult download(GoClient go, Path scratch, Map<String, String> env, String target) throws IOException {
        Path work = Files.createDirectories(scratch.resolve("w"));
        return go.run(work, env, 120, "mod", "download", "-json", target);
    }

    private static List<String> stored(Path data) throws IOException {
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(Files::isRegularFile).map(p -> data.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".goferry-tmp/")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "go {0}")
    @MethodSource("clients")
    void goVerifiesThroughGoferryOnlyAndTilesAreCached(GoClient go, @TempDir Path scratch) throws Exception {
        try (Setup lab = Setup.start(scratch, log(entry(HELLO, scratch)), new ModuleStore().add(HELLO), Map.of())) {
            GoClient.GoResult first = download(go, scratch.resolve("first"), env(go, scratch.resolve("first"), lab.goferry().url(), Map.of()),
                    HELLO.path() + "@" + HELLO.version());
            assertThat(first.exitCode()).as("go %s: %s%s", go.version(), first.stdout(), first.stderr()).isZero();
            assertThat(first.stdout()).as("go %s", go.version()).contains("\"Sum\": \"h1:").contains("\"GoModSum\": \"h1:");
            // go reached the database only through goferry: it has no other route to "https://sum.goferry.test"
            // (that name does not resolve here), and goferry's access log shows its /sumdb/ requests.
            assertThat(String.join("\n", lab.goferry().access())).as("go %s", go.version())
                    .contains("/sumdb/" + NAME + "/supported", "/sumdb/" + NAME + "/lookup/example.com/hello@v1.0.0",
                            "/sumdb/" + NAME + "/tile/8/0/000");
            assertThat(lab.db().paths()).as("go %s: goferry verified .mod and .zip and fetched the full tile once", go.version())
                    .contains("/lookup/example.com/hello@v1.0.0")
                    .filteredOn(p -> p.equals("/tile/8/0/000")).hasSize(1);
            assertThat(stored(lab.data())).as("go %s", go.version())
                    .contains("example.com/hello/@v/v1.0.0.mod", "example.com/hello/@v/v1.0.0.zip",
                            "sumdb/" + NAME + "/tile/8/0/000", "sumdb/" + NAME + "/latest");

            lab.db().clearRequests();
            Path second = scratch.resolve("second");
            GoClient.GoResult again = download(go, second, env(go, second, lab.goferry().url(), Map.of()),
                    HELLO.path() + "@" + HELLO.version());
            assertThat(again.exitCode()).as("go %s: %s%s", go.version(), again.stdout(), again.stderr()).isZero();
            assertThat(lab.db().paths()).as("go %s: the second client's full tile came from goferry's cache", go.version())
                    .isNotEmpty()
                    .noneMatch(SumDbRemote::isFullTile);
        }
    }

    @ParameterizedTest(name = "go {0}")
    @MethodSource("clients")
    void tamperedZipIsRefusedAndNotStored(GoClient go, @TempDir Path scratch) throws Exception {
        ModuleStore.ModuleVersion tampered = module(HELLO.path(), HELLO.version(), "package hello\n\nvar Evil = 1\n");
        try (Setup lab = Setup.start(scratch, log(entry(HELLO, scratch)), new ModuleStore().add(tampered), Map.of())) {
            GoClient.GoResult r = download(go, scratch, env(go, scratch, lab.goferry().url(), Map.of()),
                    HELLO.path() + "@" + HELLO.version());
            String out = r.stdout() + r.stderr();
            assertThat(r.exitCode()).as("go %s: %s", go.version(), out).isNotZero();
            assertThat(out).as("go %s", go.version()).contains("502 Bad Gateway")
                    .contains("verifying example.com/hello@v1.0.0: checksum mismatch")
                    .contains(NAME + ": " + entry(HELLO, scratch).zipHash());
            assertThat(stored(lab.data())).as("go %s", go.version()).noneMatch(p -> p.endsWith(".zip"));
            assertThat(lab.goferry().security()).as("go %s", go.version())
                    .anyMatch(l -> l.contains("refused example.com/hello/@v/v1.0.0.zip") && l.contains("checksum mismatch"));
            assertThat(new String(Lab.get(lab.goferry().url(), "/metrics").body()))
                    .contains("goferry_verification_failures_total 1.0");
        }
    }

    @ParameterizedTest(name = "go {0}")
    @MethodSource("clients")
    void tamperedGoModIsRefusedAndNotStored(GoClient go, @TempDir Path scratch) throws Exception {
        ModuleStore.ModuleVersion tampered = new ModuleStore.ModuleVersion(HELLO.path(), HELLO.version(),
                HELLO.goMod() + "\nrequire example.com/evil v1.0.0\n", HELLO.files());
        try (Setup lab = Setup.start(scratch, log(entry(HELLO, scratch)), new ModuleStore().add(tampered), Map.of())) {
            GoClient.GoResult r = download(go, scratch, env(go, scratch, lab.goferry().url(), Map.of()),
                    HELLO.path() + "@" + HELLO.version());
            String out = r.stdout() + r.stderr();
            assertThat(r.exitCode()).as("go %s: %s", go.version(), out).isNotZero();
            assertThat(out).as("go %s", go.version()).contains("502 Bad Gateway")
                    .contains("verifying example.com/hello@v1.0.0/go.mod: checksum mismatch");
            assertThat(stored(lab.data())).as("go %s", go.version())
                    .noneMatch(p -> p.endsWith(".mod") || p.endsWith(".zip"));
        }
    }

    @ParameterizedTest(name = "go {0}")
    @MethodSource("clients")
    void privatePathsSkipVerificationAndUnknownPublicModulesAreRefused(GoClient go, @TempDir Path scratch) throws Exception {
        ModuleStore.ModuleVersion secret = module("corp.example.com/secret", "v1.0.0", "package secret\n");
        ModuleStore.ModuleVersion unknown = module("example.com/unknown", "v1.0.0", "package unknown\n");
        try (Setup lab = Setup.start(scratch, log(entry(HELLO, scratch)), new ModuleStore().add(secret).add(unknown),
                Map.of("sumdbPrivate", "corp.example.com"))) {
            // The client does not check either module itself, so what it sees is goferry's decision.
            Map<String, String> env = env(go, scratch, lab.goferry().url(), Map.of("GONOSUMDB", "corp.example.com,example.com/unknown"));
            GoClient.GoResult priv = download(go, scratch, env, secret.path() + "@" + secret.version());
            assertThat(priv.exitCode()).as("go %s: %s%s", go.version(), priv.stdout(), priv.stderr()).isZero();
            assertThat(lab.db().paths()).as("go %s: a private path is never looked up", go.version())
                    .noneMatch(p -> p.contains("corp.example.com"));
            assertThat(stored(lab.data())).contains("corp.example.com/secret/@v/v1.0.0.zip");

            GoClient.GoResult unk = download(go, scratch, env, unknown.path() + "@" + unknown.version());
            String out = unk.stdout() + unk.stderr();
            assertThat(unk.exitCode()).as("go %s: %s", go.version(), out).isNotZero();
            assertThat(out).as("go %s", go.version()).contains("502 Bad Gateway")
                    .contains("not found in checksum database " + NAME);
            assertThat(stored(lab.data())).as("go %s: .info has no hash in the database and is kept; .mod and .zip are not", go.version())
                    .noneMatch(p -> p.startsWith("example.com/unknown/") && (p.endsWith(".mod") || p.endsWith(".zip")));
        }
    }
}
