package dev.goferry.doctor.explain;

import dev.goferry.gomod.sumdb.MemoryLog;
import dev.goferry.gomod.sumdb.SumDbServer;
import dev.goferry.gomod.sumdb.note.Keys;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import dev.goferry.testkit.LoopbackPorts;
import dev.goferry.testkit.ModuleStore;
import dev.goferry.testkit.RecordingForwardProxy;
import dev.goferry.testkit.RecordingServer;
import dev.goferry.testkit.sumdb.TestSumDb;
import java.security.SecureRandom;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus: real outputs of the real go commands (1.19 and 1.24) against loopback fault servers,
 * generated here on every run (and kept under target/explain-corpus for reading), each of which
 * explain must name by the expected cause id; then all of them at once inside a long, noisy CI log.
 * Failures that need a real network (DNS answers, middleboxes) are covered by ExplainerTest's
 * reference texts; the sealed resolver view of GoClient gives one DNS failure on loopback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExplainCorpusTest {

    private static final String MODULE = "example.com/m@v1.0.0";

    /** The lab every case uses; URLs are filled in by {@link #startLab}. */
    private RecordingServer lab;
    private final FaultServers faults = new FaultServers();
    private RecordingForwardProxy forbidding;
    private RecordingServer vcsLab;
    private String vcsLabProblem = "";
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, String> gosumdbs = new LinkedHashMap<>();
    private final List<TestSumDb> sumdbs = new ArrayList<>();
    private final Map<String, String> generated = new ConcurrentHashMap<>();
    private final Map<String, String> expected = new ConcurrentHashMap<>();

    /**
     * One way to make go fail.
     *
     * @param name     the case
     * @param minMinor the oldest Go minor version that has the behaviour (toolchains need 1.21)
     * @param cause    the cause id explain must name
     * @param env      variables on top of the client's hermetic base (values may hold {@code {port:NAME}})
     * @param goMod    the go.mod of the working module
     * @param goSum    its go.sum, or empty
     * @param args     the go command's arguments
     */
    record Case(String name, int minMinor, String cause, Map<String, String> env, String goMod, String goSum,
                List<String> args) {
        /** Reports whether go must resolve git.lab.test (the sealed resolver view and the VCS lab). */
        boolean vcs() {
            return name.startsWith("vcs-");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String GO_MOD = "module x\n\ngo 1.16\n";
    private static final List<String> DOWNLOAD = List.of("mod", "download", MODULE);

    private static Case download(String name, String cause, Map<String, String> env) {
        return new Case(name, 0, cause, env, GO_MOD, "", DOWNLOAD);
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(download("refused", "tcp.refused", Map.of("GOPROXY", "http://127.0.0.1:{port:refused}")));
        c.add(download("404", "http.not-found", Map.of("GOPROXY", "{lab}/404")));
        c.add(download("410", "http.not-found", Map.of("GOPROXY", "{lab}/410")));
        c.add(download("403", "http.forbidden", Map.of("GOPROXY", "{lab}/403")));
        c.add(download("500", "http.server-error", Map.of("GOPROXY", "{lab}/500")));
        c.add(download("404-then-500", "http.server-error", Map.of("GOPROXY", "{lab}/404,{lab}/500")));
        c.add(download("reset", "tcp.reset", Map.of("GOPROXY", "http://127.0.0.1:{port:reset}")));
        c.add(download("goproxy-off", "goproxy.off", Map.of("GOPROXY", "off")));
        c.add(download("goproxy-404-then-off", "goproxy.off", Map.of("GOPROXY", "{lab}/404,off")));
        // The reference (§2.2) reads errProxyOff for GOPROXY=off; the real go 1.19 and 1.24 instead fetch a
        // GOPRIVATE path directly even then, so the failure is the direct lookup's (here the sealed resolver's).
        c.add(download("goprivate-off-goes-direct", "dns.timeout", Map.of("GOPROXY", "off", "GOPRIVATE", "example.com")));
        c.add(download("goproxy-bad-scheme", "goproxy.invalid", Map.of("GOPROXY", "ftp://127.0.0.1/x")));
        c.add(download("goproxy-missing-scheme", "goproxy.invalid", Map.of("GOPROXY", "noscheme")));
        c.add(download("not-tls", "tls.handshake-failure", Map.of("GOPROXY", "127.0.0.1:{port:lab}/ok")));
        c.add(download("untrusted", "tls.untrusted", Map.of("GOPROXY", "https://127.0.0.1:{port:untrusted}")));
        c.add(download("no-ip-sans", "tls.hostname-mismatch", Map.of("GOPROXY", "https://127.0.0.1:{port:localhost-only}")));
        c.add(download("expired", "tls.expired", Map.of("GOPROXY", "https://127.0.0.1:{port:expired}")));
        c.add(download("not-yet-valid", "tls.clock-skew", Map.of("GOPROXY", "https://127.0.0.1:{port:future}")));
        c.add(download("proxy-407", "proxy.auth-required", Map.of("GOPROXY", "https://goproxy.invalid-lab.test",
                "HTTPS_PROXY", "http://127.0.0.1:{port:proxy407}")));
        c.add(download("proxy-403", "proxy.forbidden", Map.of("GOPROXY", "https://goproxy.invalid-lab.test",
                "HTTPS_PROXY", "http://127.0.0.1:{port:proxy403}")));
        c.add(download("proxy-502", "proxy.upstream-failed", Map.of("GOPROXY", "https://goproxy.invalid-lab.test",
                "HTTPS_PROXY", "http://127.0.0.1:{port:proxy502}")));
        c.add(download("proxy-refused", "proxy.unreachable", Map.of("GOPROXY", "https://goproxy.invalid-lab.test",
                "HTTPS_PROXY", "http://127.0.0.1:{port:refused}")));
        c.add(download("gosumdb-malformed", "sumdb.invalid", Map.of("GOPROXY", "{lab}/ok", "GOSUMDB", "sum.golang.org+bad")));
        c.add(download("gosumdb-bad-url", "sumdb.invalid", Map.of("GOPROXY", "{lab}/ok",
                "GOSUMDB", "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8 ::bad")));
        c.add(download("proxy-not-tls", "proxy.misconfigured", Map.of("GOPROXY", "https://goproxy.invalid-lab.test",
                "HTTPS_PROXY", "https://127.0.0.1:{port:plain}")));
        c.add(download("sumdb-lookup-404", "goproxy.private-leak", Map.of("GOPROXY", "{lab}/ok", "GOSUMDB", "{gosumdb:404}")));
        c.add(download("sumdb-500", "sumdb.unreachable", Map.of("GOPROXY", "{lab}/ok", "GOSUMDB", "{gosumdb:500}")));
        c.add(download("sumdb-refused", "tcp.refused", Map.of("GOPROXY", "{lab}/ok", "GOSUMDB", "{gosumdb:refused}")));
        c.add(download("sumdb-mismatch", "module.checksum-mismatch", Map.of("GOPROXY", "{lab}/ok",
                "GOSUMDB", "{gosumdb:wrong}")));
        c.add(download("goflags", "goflags.invalid", Map.of("GOPROXY", "off", "GOFLAGS", "-bogusflag")));
        c.add(new Case("checksum-go.sum", 0, "module.checksum-mismatch", Map.of("GOPROXY", "{lab}/ok"),
                "module x\n\ngo 1.16\n\nrequire example.com/m v1.0.0\n",
                "example.com/m v1.0.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"
                        + "example.com/m v1.0.0/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", List.of("mod", "download")));
        c.add(new Case("path-mismatch", 0, "module.path-mismatch", Map.of("GOPROXY", "{lab}/ok"), GO_MOD, "",
                List.of("get", "example.com/renamed@v1.0.0")));
        c.add(new Case("no-such-version", 0, "http.not-found", Map.of("GOPROXY", "{lab}/ok"), GO_MOD, "",
                List.of("mod", "download", "example.com/m@v1.9.9")));
        c.add(new Case("missing-go.sum", 0, "module.missing-sum", Map.of("GOPROXY", "off", "GOFLAGS", "-mod=readonly"),
                "module x\n\ngo 1.16\n\nrequire example.com/m v1.0.0\n", "", List.of("list", "example.com/m")));
        c.add(new Case("toolchain-404", 21, "toolchain.unavailable", Map.of("GOPROXY", "{lab}/404", "GOTOOLCHAIN", "auto"),
                "module x\n\ngo 1.99.0\n", "", List.of("mod", "download")));
        c.add(new Case("toolchain-refused", 21, "tcp.refused", Map.of("GOPROXY", "http://127.0.0.1:{port:refused}",
                "GOTOOLCHAIN", "auto"), "module x\n\ngo 1.99.0\n", "", List.of("mod", "download")));
        c.add(new Case("toolchain-local", 21, "toolchain.too-new", Map.of("GOPROXY", "off"),
                "module x\n\ngo 1.99.0\n", "", List.of("mod", "download")));
        c.add(download("dns-sealed", "dns.timeout", Map.of("GOPROXY", "http://goproxy.invalid-lab.test")));
        // Direct mode: go-get discovery on git.lab.test (127.0.0.77:80), git over plain HTTP (GOINSECURE).
        Map<String, String> direct = Map.of("GOPROXY", "direct", "GOINSECURE", "git.lab.test");
        c.add(new Case("vcs-terminal-prompts", 0, "vcs.auth-required", direct, GO_MOD, "",
                List.of("mod", "download", "git.lab.test/auth@v1.0.0")));
        c.add(new Case("vcs-unknown-revision", 0, "module.unknown-revision", direct, GO_MOD, "",
                List.of("mod", "download", "git.lab.test/repo@v9.9.9")));
        c.add(new Case("vcs-no-git", 0, "vcs.missing-tool", with(direct, "PATH", "{goroot}/bin:{nogit}"), GO_MOD, "",
                List.of("mod", "download", "git.lab.test/repo@v1.0.0")));
        c.add(new Case("vcs-govcs", 0, "vcs.disallowed", with(direct, "GOVCS", "git.lab.test:hg"), GO_MOD, "",
                List.of("mod", "download", "git.lab.test/repo@v1.0.0")));
        return c;
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(base);
        m.put(key, value);
        return m;
    }

    /** Each case with each client that has the feature it needs (toolchain switching is Go 1.21+). */
    static Stream<Arguments> rows() {
        return GoClients.withEach(cases()).filter(a -> ((GoClient) a.get()[0]).minor() >= ((Case) a.get()[1]).minMinor());
    }

    @BeforeAll
    void startLab(@TempDir Path certs) {
        ModuleStore store = new ModuleStore().add("example.com/m", "v1.0.0")
                .add(new ModuleStore.ModuleVersion("example.com/renamed", "v1.0.0", "module other.example/renamed\n\ngo 1.16\n",
                        Map.of("r.go", "package renamed\n")));
        lab = RecordingServer.builder()
                .fixed("404", 404, "not found: example.com/m@v1.0.0: invalid version: unknown revision v1.0.0")
                .fixed("410", 410, "not found: module example.com/m: no matching versions for query \"v1.0.0\"")
                .fixed("403", 403, "forbidden: blocked in your region")
                .fixed("500", 500, "internal error")
                .serve("ok", store, RecordingServer.SumdbScript.unsupported())
                .start();
        forbidding = RecordingForwardProxy.refusing();
        ports.put("lab", lab.port());
        ports.put("refused", LoopbackPorts.refused());
        ports.put("reset", faults.resetting());
        ports.put("plain", faults.plainAtOnce());
        ports.put("proxy407", faults.proxyAnswering("407 Proxy Authentication Required",
                "Proxy-Authenticate: Basic realm=\"lab\"\r\n"));
        ports.put("proxy403", forbidding.port());
        ports.put("proxy502", faults.proxyAnswering("502 Bad Gateway", ""));
        ports.put("untrusted", faults.https(certs, "untrusted", "ip:127.0.0.1", "-validity", "30"));
        ports.put("localhost-only", faults.https(certs, "localhost-only", "dns:localhost", "-validity", "30"));
        ports.put("expired", faults.https(certs, "expired", "ip:127.0.0.1", "-startdate", "-30d", "-validity", "2"));
        ports.put("future", faults.https(certs, "future", "ip:127.0.0.1", "-startdate", "+30d", "-validity", "30"));
        startVcsLab(certs.resolve("git"));
        startSumDbs();
    }

    /** Checksum databases that answer 404 or 500 to everything, and one whose record of example.com/m is wrong. */
    private void startSumDbs() {
        try {
            Keys.KeyStrings key = Keys.generate("sum.lab.test", new SecureRandom());
            for (int status : List.of(404, 500)) {
                TestSumDb db = TestSumDb.start("", (path, type, body) -> {
                    type.accept("text/plain; charset=utf-8");
                    body.write(("scripted " + status + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    return status;
                });
                sumdbs.add(db);
                gosumdbs.put(String.valueOf(status), key.verifierKey() + " " + db.url());
            }
            gosumdbs.put("refused", key.verifierKey() + " http://127.0.0.1:" + ports.get("refused"));
            MemoryLog log = new MemoryLog(key.signerKey());
            String wrong = "h1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
            log.add(new MemoryLog.Entry("example.com/m", "v1.0.0", wrong, wrong));
            TestSumDb db = TestSumDb.start("", new SumDbServer(log)::write);
            sumdbs.add(db);
            gosumdbs.put("wrong", key.verifierKey() + " " + db.url());
        } catch (Exception e) {
            throw new IllegalStateException("checksum databases: " + e, e);
        }
    }

    /** A git repository with tag v1.0.0 served over git's dumb HTTP protocol, and go-get answers on 127.0.0.77:80. */
    private void startVcsLab(Path dir) {
        try {
            Path work = dir.resolve("work");
            Files.createDirectories(work);
            Files.writeString(work.resolve("go.mod"), "module git.lab.test/repo\n\ngo 1.16\n");
            Files.writeString(work.resolve("repo.go"), "package repo\n");
            git(work, "init", "-q");
            git(work, "add", ".");
            git(work, "-c", "user.name=lab", "-c", "user.email=lab@example.invalid", "commit", "-q", "-m", "v1");
            git(work, "tag", "v1.0.0");
            git(dir, "clone", "-q", "--bare", work.toString(), dir.resolve("repo.git").toString());
            git(dir.resolve("repo.git"), "update-server-info");
            int files = faults.staticFiles(dir);
            vcsLab = RecordingServer.builder().bind("127.0.0.77", 80)
                    .goImport("git.lab.test/auth", "git", "http://127.0.0.77/auth.git")
                    .goImport("git.lab.test/repo", "git", "http://127.0.0.1:" + files + "/repo.git")
                    .fixed("auth.git", 401, "authentication required")
                    .start();
        } catch (IOException | RuntimeException e) {
            vcsLabProblem = "VCS lab not available: " + e;
        }
    }

    private static void git(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("git " + String.join(" ", args) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @AfterAll
    void stopLab() {
        if (lab != null) {
            lab.close();
        }
        if (vcsLab != null) {
            vcsLab.close();
        }
        if (forbidding != null) {
            forbidding.close();
        }
        sumdbs.forEach(TestSumDb::close);
        faults.close();
    }

    private String fill(String value) {
        String v = value.replace("{lab}", lab.baseUrl());
        for (Map.Entry<String, String> g : gosumdbs.entrySet()) {
            v = v.replace("{gosumdb:" + g.getKey() + "}", g.getValue());
        }
        for (Map.Entry<String, Integer> p : ports.entrySet()) {
            v = v.replace("{port:" + p.getKey() + "}", String.valueOf(p.getValue()));
        }
        return v;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rows")
    @Order(1)
    void realGoOutputNamesTheExpectedCause(GoClient client, Case c, @TempDir Path scratch) throws IOException {
        if (c.name().startsWith("dns-") || c.name().contains("goes-direct") || c.vcs()) {
            Assumptions.assumeTrue(GoClient.isolated(), "needs the sealed resolver view (root, unshare)");
        }
        if (c.vcs()) {
            Assumptions.assumeTrue(vcsLab != null, vcsLabProblem);
        }
        Map<String, String> env = new LinkedHashMap<>(client.baseEnvironment(scratch));
        env.put("GOFLAGS", "-mod=mod");
        env.put("GOSUMDB", "off");
        env.put("GONOSUMDB", "");
        env.put("NO_PROXY", "");
        Path nogit = scratch.resolve("nogit");  // sh and mount for the sealed view, but no git
        c.env().forEach((k, v) -> env.put(k, fill(v).replace("{goroot}", client.goroot().toString())
                .replace("{nogit}", nogit.toString())));
        if (env.get("PATH").contains(nogit.toString())) {
            Files.createDirectories(nogit);
            for (String tool : List.of("sh", "mount")) {
                Path real = Stream.of("/bin/", "/usr/bin/").map(d -> Path.of(d + tool)).filter(Files::isExecutable)
                        .findFirst().orElseThrow();
                Files.createSymbolicLink(nogit.resolve(tool), real);
            }
        }
        Path work = scratch.resolve("work");
        Files.createDirectories(work);
        Files.writeString(work.resolve("go.mod"), c.goMod());
        if (!c.goSum().isEmpty()) {
            Files.writeString(work.resolve("go.sum"), c.goSum());
        }

        Map<String, String> hosts = c.vcs() ? Map.of("git.lab.test", "127.0.0.77") : Map.of();
        GoClient.GoResult r = client.run(work, env, hosts, 60, c.args().toArray(String[]::new));

        String output = r.stdout() + r.stderr();
        store(client, c, output);
        Explanation e = Explainer.explain(new StringReader(output));
        assertThat(r.exitCode()).as("%s %s: go should fail; output:\n%s", client.version(), c.name(), output).isNotZero();
        assertThat(e.causeIds()).as("%s %s: explain(go output) causes; output:\n%s", client.version(), c.name(), output)
                .contains(c.cause());
        assertThat(e.unrecognised()).as("%s %s: unrecognised lines", client.version(), c.name()).isEmpty();
    }

    private void store(GoClient client, Case c, String output) {
        generated.put(client.version() + "/" + c.name(), output);
        expected.put(client.version() + "/" + c.name(), c.cause());
        try {
            Path dir = Path.of("target", "explain-corpus", client.version());
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(c.name() + ".txt"), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All outputs at once, each inside thousands of lines of CI noise with timestamps and colours. */
    @Test
    @Order(2)
    void longNoisyCiLogNamesEveryCauseOfTheCorpus() throws IOException {
        Assumptions.assumeFalse(generated.isEmpty(), "the corpus cases did not run");
        Random random = new Random(42);
        StringBuilder log = new StringBuilder();
        List<String> keys = generated.keySet().stream().sorted().toList();
        int stamp = 0;
        for (String key : keys) {
            for (int i = 0; i < 2000; i++) {
                log.append(String.format("2026-01-01T00:%02d:%02d.%07dZ ", (stamp / 60) % 60, stamp % 60, i));
                log.append(switch (random.nextInt(5)) {
                    case 0 -> "\u001b[36;1mRun actions/setup-go@v5\u001b[0m";
                    case 1 -> "go: downloading example.com/noise" + i + " v1.0." + i;
                    case 2 -> "ok  \texample.com/pkg" + i + "\t0.0" + i + "s";
                    case 3 -> "Downloading " + i + "%\r" + "Downloading " + (i + 1) + "%";
                    default -> "npm WARN deprecated package@" + i + ": error handling changed, see https://example.invalid/" + i;
                }).append('\n');
                stamp++;
            }
            log.append("##[group]").append(key).append('\n');
            for (String line : generated.get(key).split("\n", -1)) {
                log.append("2026-01-01T01:00:00.0000000Z ").append(line).append('\n');
            }
        }

        Explanation e = Explainer.explain(new StringReader(log.toString()));

        assertThat(e.lines()).isGreaterThan(2000L * keys.size());
        assertThat(e.causeIds()).as("causes of the whole log").containsAll(expected.values());
        assertThat(e.unrecognised()).as("unrecognised lines of the whole log").isEmpty();
    }
}
