package dev.goferry.gomod.route;

import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.LoopbackPorts;
import dev.goferry.testkit.ModuleStore;
import dev.goferry.testkit.RecordedRequest;
import dev.goferry.testkit.RecordingForwardProxy;
import dev.goferry.testkit.RecordingServer;
import dev.goferry.testkit.RecordingServer.SumdbScript;
import dev.goferry.testkit.SumdbKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loopback lab in which route scenarios run the real go command, and the judge that turns a
 * run into an {@link Observation}. One lab serves a whole test class (start it once, then
 * {@link #observe} each case; runs must not overlap, because the logs are shared).
 *
 * <p>Placeholders usable in a {@link Scenario}'s env and args, and used again in observations:
 * <ul>
 *   <li>{@code {P}}: the recording GOPROXY server, {@code http://127.0.0.1:<port>}; its prefixes
 *       are {@code 404}, {@code 410}, {@code 403}, {@code 500} (fixed status, body
 *       {@code scripted <status>}), {@code ok} (the module store, no sumdb), {@code sumdb} (the
 *       store, {@code supported} 200, lookups 404) and {@code sumdb503} (the store, sumdb 503);
 *   <li>{@code {PORT}}: that server's port, for URLs that name a lab host
 *       ({@code http://proxy.test:{PORT}/ok});
 *   <li>{@code {REFUSED}}: a loopback port that refuses connections;
 *   <li>{@code {FWD}}: the recording forward proxy ({@code http://127.0.0.1:<port>}), which relays
 *       plain-http requests to {@code {P}} and answers CONNECT with 403;
 *   <li>{@code {FILE}}: a file:// GOPROXY tree holding only example.com/m v1.0.0;
 *   <li>{@code {SUMDB_KEY}}: the verifier key of the lab checksum database {@code sum.golang.test};
 *   <li>{@code {GOENV_EMPTY_GOPROXY}}: a go/env file (for GOENV) whose only line is {@code GOPROXY=}.
 * </ul>
 * The lab host names ({@link #HOSTS}) resolve to 127.0.0.1, so a direct (VCS or sumdb) attempt
 * goes to loopback port 443 or 80, where nothing listens: it fails fast and names its URL. The
 * exception is {@code vcs.test} ({@value #VCS_ADDRESS}), whose port 80 answers {@code ?go-get=1}
 * with go-import tags ({@code vcs.test/git} → git at {@code http://vcs.test/git.git},
 * {@code vcs.test/svn} → svn) and records what git then asks; it needs root to bind port 80, and
 * scenarios about {@code vcs.test} are skipped without it. Its requests appear in
 * {@link Observation#requests} as {@code http://vcs.test/…}, merged in arrival order.
 */
public final class RouteLab implements AutoCloseable {

    /** Lab names, all on loopback: no listener on their ports 80/443, so direct attempts are refused. */
    public static final Map<String, String> HOSTS = Map.of(
            "proxy.test", "127.0.0.1",
            "secure.test", "127.0.0.1",
            "sum.golang.test", "127.0.0.1",
            "private.test", "127.0.0.1",
            "direct.test", "127.0.0.1",
            "vcs.test", RouteLab.VCS_ADDRESS);

    /** The loopback address whose port 80 plays the go-get host {@code vcs.test}. */
    static final String VCS_ADDRESS = "127.0.0.77";

    /** Seconds one go run may take; every lab failure is a refused connection, so runs are quick. */
    private static final long RUN_TIMEOUT_SECONDS = 60;

    private static final Pattern JSON_ERROR = Pattern.compile("^\\s*\"Error\": \"((?:[^\"\\\\]|\\\\.)*)\",?$",
            Pattern.MULTILINE);

    /** go names a VCS work folder by a SHA-256 of type and repository: not part of the route. */
    private static final Pattern VCS_WORK_DIR = Pattern.compile("/cache/vcs/[0-9a-f]{64}");

    private final Path root;
    private final ModuleStore store;
    private final RecordingServer server;
    private final RecordingForwardProxy forward;
    private final java.util.Optional<RecordingServer> vcsHost;
    private final int refused;
    private final Path fileProxy;
    private final SumdbKey sumdbKey;
    private final Path emptyGoproxyEnvFile;

    private RouteLab(Path root) {
        this.root = root;
        this.store = new ModuleStore()
                .add("example.com/m", "v1.0.0")
                .add("example.com/m", "v1.1.0")
                .add("example.com/M", "v1.0.0")
                .add("private.test/m", "v1.0.0")
                .add("example.com/pseudo", "v0.0.0-20240101000000-abcdefabcdef");
        this.server = RecordingServer.builder()
                .fixed("404", 404)
                .fixed("410", 410)
                .fixed("403", 403)
                .fixed("500", 500)
                .serve("ok", store)
                .serve("sumdb", store, new SumdbScript(200, 404))
                .serve("sumdb503", store, new SumdbScript(503, 503))
                .start();
        this.forward = RecordingForwardProxy.forwardingTo(server.port());
        this.vcsHost = startVcsHost();
        this.refused = LoopbackPorts.refused();
        this.fileProxy = root.resolve("fileproxy");
        this.sumdbKey = SumdbKey.generate("sum.golang.test");
        writeFileProxy(store.find("example.com/m", "v1.0.0").orElseThrow());
        this.emptyGoproxyEnvFile = root.resolve("goenv-empty-goproxy");
        try {
            Files.writeString(emptyGoproxyEnvFile, "GOPROXY=\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a lab whose files live under {@code root}. */
    public static RouteLab start(Path root) {
        return new RouteLab(root);
    }

    /**
     * The hermetic environment of a run: the client's base (scratch HOME, GOPATH, GOCACHE,
     * GOTOOLCHAIN=local) plus {@code GOFLAGS=-modcacherw} so the module cache can be deleted.
     */
    public Map<String, String> environment(GoClient go, Path scratch) {
        Map<String, String> env = new LinkedHashMap<>(go.baseEnvironment(scratch));
        env.put("GOFLAGS", "-modcacherw");
        return env;
    }

    /**
     * Runs {@code go} for one scenario in a fresh scratch folder and reports what it did on the
     * network: the recording server's and forward proxy's logs, go's error text and exit code.
     */
    public Observation observe(GoClient go, Scenario scenario) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory(root, "run");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = environment(go, scratch);
        scenario.env().forEach((k, v) -> env.put(k, expand(v)));
        Map<String, String> hosts = new HashMap<>(HOSTS);
        hosts.putAll(scenario.hosts());
        String[] args = scenario.args().stream().map(this::expand).toArray(String[]::new);
        if (scenario.module().startsWith("vcs.test/") && vcsHost.isEmpty()) {
            org.junit.jupiter.api.Assumptions.abort(
                    "cannot bind " + VCS_ADDRESS + ":80 for vcs.test (needs root; or another test run holds it)");
        }
        server.clear();
        forward.clear();
        vcsHost.ifPresent(RecordingServer::clear);
        GoClient.GoResult result = go.run(scratch.resolve("w"), env, hosts, RUN_TIMEOUT_SECONDS, args);
        List<RecordedRequest> all = new ArrayList<>(server.requests());
        vcsHost.ifPresent(v -> all.addAll(v.requests().stream()
                .map(r -> new RecordedRequest(r.sequence(), r.method(),
                        "http://" + r.headers().getOrDefault("host", "?") + r.target(), r.query(), r.headers()))
                .toList()));
        all.sort(java.util.Comparator.comparingLong(RecordedRequest::sequence));
        List<String> requests = all.stream().map(r -> normalize(r.targetWithQuery(), scratch)).toList();
        List<String> viaProxy = forward.requests().stream()
                .map(r -> r.method() + " " + normalize(r.targetWithQuery(), scratch)).toList();
        return new Observation(requests, viaProxy, normalize(errorText(result), scratch), result.exitCode());
    }

    /** {@return the modules the {@code ok}, {@code sumdb} and {@code sumdb503} prefixes serve} */
    public ModuleStore store() {
        return store;
    }

    /** {@return the recording GOPROXY server's port} */
    public int serverPort() {
        return server.port();
    }

    /** {@return the forward proxy's port} */
    public int forwardPort() {
        return forward.port();
    }

    /** {@return the port that refuses connections} */
    public int refusedPort() {
        return refused;
    }

    /** {@return the file:// proxy tree} */
    public Path fileProxy() {
        return fileProxy;
    }

    /** Puts the lab placeholders into {@code text} (addresses and ports of this lab), as observations have them. */
    public String placeholders(String text) {
        return normalize(text, root.resolve("no-scratch"));
    }

    /** {@return the server's recorded requests, for a test that wants headers too} */
    public List<RecordedRequest> serverRequests() {
        return server.requests();
    }

    /** {@return the forward proxy's recorded requests} */
    public List<RecordedRequest> proxiedRequests() {
        return forward.requests();
    }

    private static java.util.Optional<RecordingServer> startVcsHost() {
        try {
            return java.util.Optional.of(RecordingServer.builder()
                    .bind(VCS_ADDRESS, 80)
                    .goImport("vcs.test/git", "git", "http://vcs.test/git.git")
                    .goImport("vcs.test/svn", "svn", "http://vcs.test/svn")
                    .start());
        } catch (UncheckedIOException e) {
            return java.util.Optional.empty();
        }
    }

    /** {@return {@code value} with the lab placeholders replaced by this lab's addresses} */
    public String expand(String value) {
        return value.replace("{P}", server.baseUrl())
                .replace("{PORT}", Integer.toString(server.port()))
                .replace("{FWD}", forward.url())
                .replace("{REFUSED}", Integer.toString(refused))
                .replace("{FILE}", fileProxy.toString())
                .replace("{SUMDB_KEY}", sumdbKey.verifierKey())
                .replace("{GOENV_EMPTY_GOPROXY}", emptyGoproxyEnvFile.toString());
    }

    /** Puts the placeholders back into text go printed, so it can be compared with a hand-written one. */
    private String normalize(String text, Path scratch) {
        return VCS_WORK_DIR.matcher(text).replaceAll("/cache/vcs/{HASH}")
                .replace(scratch.toString(), "{SCRATCH}")
                .replace(fileProxy.toString(), "{FILE}")
                .replace(server.baseUrl(), "{P}")
                .replace(forward.url(), "{FWD}")
                .replace(":" + server.port(), ":{PORT}")
                .replace(":" + forward.port(), ":{FWDPORT}")
                .replace(":" + refused, ":{REFUSED}");
    }

    /** go's error text: the {@code "Error"} fields of {@code -json} output, then stderr. */
    private static String errorText(GoClient.GoResult result) {
        List<String> parts = new ArrayList<>();
        Matcher m = JSON_ERROR.matcher(result.stdout());
        while (m.find()) {
            parts.add(unquote(m.group(1)));
        }
        if (!result.stderr().isBlank()) {
            parts.add(result.stderr().strip());
        }
        return String.join("\n", parts);
    }

    /** Decodes a Go JSON string body (encoding/json escapes {@code "\\/bfnrt} and {@code \\uXXXX}). */
    private static String unquote(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    private void writeFileProxy(ModuleStore.ModuleVersion module) {
        Path dir = fileProxy.resolve(module.path()).resolve("@v");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("list"), module.version() + "\n");
            Files.write(dir.resolve(module.version() + ".info"), module.info());
            Files.write(dir.resolve(module.version() + ".mod"), module.mod());
            Files.write(dir.resolve(module.version() + ".zip"), module.zip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        forward.close();
        vcsHost.ifPresent(RecordingServer::close);
    }
}
