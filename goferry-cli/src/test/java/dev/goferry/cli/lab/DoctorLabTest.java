package dev.goferry.cli.lab;

import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import dev.goferry.testkit.netlab.LabWeb.Reply;
import dev.goferry.testkit.netlab.LabWeb.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cause of the doctor's catalog reproduced for real: the real {@code goferry doctor --json}
 * runs as a child JVM inside the client namespace of a {@link GoWorld} (real dnsmasq, nginx with
 * the lab CA given through SSL_CERT_FILE, tinyproxy, iptables, fault servers), one thing of the
 * world broken per row and put back after it. Each row asserts the exact set of root causes with
 * their layers, so a consequence reported as a cause of its own fails the row as much as a missed
 * root cause does.
 */
class DoctorLabTest {

    @TempDir
    static Path scratch;

    static GoWorld world;

    @BeforeAll
    static void startWorld() throws Exception {
        world = GoWorld.start(scratch);
    }

    @AfterAll
    static void stopWorld() {
        if (world != null) {
            world.close();
        }
    }

    @AfterEach
    void restore() {
        if (world != null) {
            world.restore();
        }
    }

    /**
     * One scenario.
     *
     * @param name     the cause it reproduces (or "healthy")
     * @param breakage what is broken in the world before the run
     * @param env      variables added to (or, empty, removed from) the user's environment
     * @param args     doctor options beyond the common ones
     * @param causes   the exact root causes expected: id → layer
     * @param goFails  whether the real go command's {@code go list -m -versions golang.org/x/text}
     *                 fails to list the versions in the same world (empty: that command does not meet
     *                 this fault). Behind a captive portal go exits 0 listing no versions at all.
     */
    record Scenario(String name, Consumer<GoWorld> breakage, Map<String, String> env, List<String> args,
                    Map<String, String> causes, Optional<Boolean> goFails) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Scenario row(String name, Consumer<GoWorld> breakage, Map<String, String> env, List<String> args,
                                String... causes) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < causes.length; i += 2) {
            expected.put(causes[i], causes[i + 1]);
        }
        boolean warnOnly = name.startsWith("healthy") || List.of("ipv6.broken", "sumdb.disabled").contains(name);
        boolean unrelated = List.of("tls.untrusted", "goproxy.private-leak", "sumdb.unreachable", "network.slow")
                .contains(name);
        return new Scenario(name, breakage, env, args, expected, unrelated ? Optional.empty() : Optional.of(!warnOnly));
    }

    private static final Consumer<GoWorld> NOTHING = w -> { };
    private static final String PROXY_GOLANG = "proxy.golang.org";

    /**
     * Go's default GOPROXY is {@code https://proxy.golang.org,direct}: when proxy.golang.org fails
     * with anything but 404/410, go stops there although {@code direct} works in the lab, and the
     * doctor rightly names that as a second cause with its own fix ({@code |} instead of {@code ,}).
     */
    private static final String NO_FALLBACK = "goproxy.no-fallback";

    /** Changes proxy.golang.org's site. */
    private static Consumer<GoWorld> proxyGolang(java.util.function.BiFunction<GoWorld, Site, Site> change) {
        return w -> {
            Map<String, Site> sites = w.sites();
            sites.put(PROXY_GOLANG, change.apply(w, sites.get(PROXY_GOLANG)));
            w.web(sites);
        };
    }

    /** The lab resolver sends proxy.golang.org to {@code address}, where a server with an untrusted certificate answers. */
    private static Consumer<GoWorld> blockPage(boolean viaHostsFile) {
        return w -> {
            Map<String, Site> sites = w.sites();
            sites.put("block", Site.https(GoWorld.BLOCK_PAGE, w.corporateCa.issue("block", "block.corp.example",
                    List.of("DNS:block.corp.example"), 30), Map.of()).answering(Reply.status(403)));
            w.web(sites);
            if (viaHostsFile) {
                w.clientHosts(GoWorld.BLOCK_PAGE + " " + PROXY_GOLANG + "\n");
            } else {
                Map<String, List<String>> records = GoWorld.records(GoWorld.HOSTS);
                records.put(PROXY_GOLANG, List.of(GoWorld.BLOCK_PAGE));
                w.dns(records, Map.of());
            }
        };
    }

    /** Drops (or rejects) the client's packets to proxy.golang.org's HTTPS port. */
    private static Consumer<GoWorld> toProxyGolang(String... target) {
        return w -> {
            List<String> rule = new ArrayList<>(List.of("-s", "11.77.0.2", "-d", GoWorld.HOSTS.get(PROXY_GOLANG), "-p",
                    "tcp", "--dport", "443", "-j"));
            rule.addAll(List.of(target));
            w.firewall(rule.toArray(String[]::new));
        };
    }

    /** The client can reach no HTTPS server directly (only through the proxy). */
    private static final Consumer<GoWorld> NO_DIRECT_HTTPS = w -> w.firewall("-s", "11.77.0.2", "-p", "tcp",
            "--dport", "443", "-j", "DROP");

    static Stream<Scenario> scenarios() {
        Map<String, String> none = Map.of();
        List<String> noArgs = List.of();
        return Stream.of(
                row("healthy", NOTHING, none, noArgs, "healthy", "local"),
                row("healthy with go1.24's GOROOT", NOTHING, Map.of("GOROOT", GoClients.newest().goroot().toString(),
                        "PATH", GoClients.newest().goroot().resolve("bin") + ":/usr/bin:/bin"), noArgs, "healthy", "local"),
                row("dns.nxdomain", w -> {
                    Map<String, List<String>> records = GoWorld.records(GoWorld.HOSTS);
                    records.remove(PROXY_GOLANG);
                    w.dns(records, Map.of());
                }, none, noArgs, "dns.nxdomain", "dns", NO_FALLBACK, "http"),
                row("dns.timeout", w -> w.firewall("-s", "11.77.0.2", "-d", GoWorld.DNS, "-j", "DROP"), none, noArgs,
                        "dns.timeout", "dns"),
                row("dns.servfail", w -> {
                    Map<String, List<String>> records = GoWorld.records(GoWorld.HOSTS);
                    records.remove(PROXY_GOLANG);
                    w.dns(records, Map.of(PROXY_GOLANG, GoWorld.SERVFAIL_DNS));
                }, none, noArgs, "dns.servfail", "dns", NO_FALLBACK, "http"),
                row("dns.hijacked", blockPage(false), none, noArgs, "dns.hijacked", "dns", NO_FALLBACK, "http"),
                row("dns.hosts-override", blockPage(true), none, noArgs, "dns.hosts-override", "dns", NO_FALLBACK, "http"),
                row("ipv6.broken", w -> {
                    Map<String, List<String>> records = GoWorld.records(GoWorld.HOSTS);
                    records.put(PROXY_GOLANG, List.of(GoWorld.HOSTS.get(PROXY_GOLANG), "2a0e:77::1:1"));
                    w.dns(records, Map.of());
                }, none, noArgs, "ipv6.broken", "tcp"),
                row("tcp.refused", toProxyGolang("REJECT", "--reject-with", "tcp-reset"), none, noArgs,
                        "tcp.refused", "tcp", NO_FALLBACK, "http"),
                row("tcp.timeout", toProxyGolang("DROP"), none, noArgs, "tcp.timeout", "tcp", NO_FALLBACK, "http"),
                row("tcp.reset", NOTHING, Map.of("GOPROXY", "http://" + GoWorld.CORP_MIRROR), noArgs,
                        "tcp.reset", "tcp"),
                row("proxy.unreachable", NOTHING, Map.of("HTTPS_PROXY", "http://" + GoWorld.PROXY + ":3129"), noArgs,
                        "proxy.unreachable", "proxy"),
                row("proxy.auth-required", w -> w.proxy(Optional.of("gopher:s3cret"), List.of()),
                        Map.of("HTTPS_PROXY", "http://" + GoWorld.PROXY + ":" + GoWorld.PROXY_PORT), noArgs,
                        "proxy.auth-required", "proxy"),
                row("proxy.forbidden", w -> w.proxy(Optional.empty(), List.of(8443)),
                        Map.of("HTTPS_PROXY", "http://" + GoWorld.PROXY + ":" + GoWorld.PROXY_PORT), noArgs,
                        "proxy.forbidden", "proxy"),
                row("proxy.misconfigured", NOTHING, Map.of("HTTPS_PROXY", "http://" + GoWorld.FAULT + ":1080"), noArgs,
                        "proxy.misconfigured", "proxy"),
                row("proxy.bypassed", NO_DIRECT_HTTPS, Map.of("HTTPS_PROXY", "http://" + GoWorld.PROXY + ":"
                        + GoWorld.PROXY_PORT, "NO_PROXY", PROXY_GOLANG), noArgs, "proxy.bypassed", "proxy", NO_FALLBACK, "http"),
                row("proxy.missing-https", NO_DIRECT_HTTPS, Map.of("HTTP_PROXY", "http://" + GoWorld.PROXY + ":"
                        + GoWorld.PROXY_PORT), noArgs, "proxy.missing-https", "proxy"),
                row("tls.intercepted", w -> {
                    Map<String, Site> sites = w.sites();
                    for (String host : List.of(PROXY_GOLANG, "sum.golang.org", "go.dev", "dl.google.com", "golang.org")) {
                        sites.put(host, sites.get(host).withCertificate(w.corporateCa.issue("corp-" + host, host,
                                List.of("DNS:" + host), 30)));
                    }
                    w.web(sites);
                }, none, noArgs, "tls.intercepted", "tls"),
                row("tls.untrusted", w -> {
                    Map<String, Site> sites = w.sites();
                    sites.put(GoWorld.PRIVATE_HOST, sites.get(GoWorld.PRIVATE_HOST).withCertificate(w.corporateCa.issue(
                            "corp-git", GoWorld.PRIVATE_HOST, List.of("DNS:" + GoWorld.PRIVATE_HOST), 30)));
                    w.web(sites);
                }, Map.of("GOPRIVATE", GoWorld.PRIVATE_HOST), noArgs, "tls.untrusted", "tls"),
                row("tls.expired", proxyGolang((w, s) -> s.withCertificate(w.ca.issue("expired", PROXY_GOLANG,
                        List.of("DNS:" + PROXY_GOLANG), -1))), none, noArgs, "tls.expired", "tls", NO_FALLBACK, "http"),
                row("tls.hostname-mismatch", proxyGolang((w, s) -> s.withCertificate(w.ca.issue("mismatch",
                        "www.example.net", List.of("DNS:www.example.net"), 30))), none, noArgs,
                        "tls.hostname-mismatch", "tls", NO_FALLBACK, "http"),
                // The user's clock is 3 days behind the world's: the servers' Date headers come from
                // then, and proxy.golang.org's certificate was issued then (not yet valid here).
                row("tls.clock-skew", w -> {
                    Map<String, Site> sites = w.sites();
                    sites.put(PROXY_GOLANG, sites.get(PROXY_GOLANG).withCertificate(w.ca.issue("future", PROXY_GOLANG,
                            List.of("DNS:" + PROXY_GOLANG), 30, -3)));
                    w.web(sites, Optional.of("+3d"));
                }, none, noArgs, "tls.clock-skew", "tls", NO_FALLBACK, "http"),
                row("tls.handshake-failure", proxyGolang((w, s) -> s.withTls("ssl_protocols TLSv1.2; ssl_ciphers AES128-SHA;")),
                        none, noArgs, "tls.handshake-failure", "tls", NO_FALLBACK, "http"),
                row("http.forbidden", proxyGolang((w, s) -> s.answering(Reply.status(403))), none, noArgs,
                        "http.forbidden", "http", NO_FALLBACK, "http"),
                row("http.not-found", proxyGolang((w, s) -> s.answering(Reply.status(404))), none, noArgs,
                        "http.not-found", "http"),
                row("http.server-error", proxyGolang((w, s) -> s.answering(Reply.status(502))), none, noArgs,
                        "http.server-error", "http", NO_FALLBACK, "http"),
                row("http.unexpected-content", proxyGolang((w, s) -> s.answering(Reply.ok("text/html",
                        "<html><head><title>Hotel Wi-Fi: please log in</title></head><body>Login</body></html>"))),
                        none, noArgs, "http.unexpected-content", "protocol", NO_FALLBACK, "http"),
                row("goproxy.off", NOTHING, Map.of("GOPROXY", "off"), noArgs, "goproxy.off", "local"),
                row("goproxy.no-fallback", w -> {
                    Map<String, Site> sites = w.sites();
                    sites.put("goproxy.cn", sites.get("goproxy.cn").answering(Reply.status(502)));
                    w.web(sites);
                }, Map.of("GOPROXY", "https://goproxy.cn,https://proxy.golang.org,direct"), noArgs,
                        "http.server-error", "http", NO_FALLBACK, "http"),
                row("goproxy.private-leak", NOTHING, none, List.of("--module", GoWorld.PRIVATE_HOST + "/team/app"),
                        "goproxy.private-leak", "http"),
                row("sumdb.unreachable", w -> {
                    Map<String, Site> sites = w.sites();
                    sites.put(PROXY_GOLANG, Site.https(GoWorld.HOSTS.get(PROXY_GOLANG), w.certificate(PROXY_GOLANG),
                            Map.of("/golang.org/x/text/@v/list", Reply.ok("text/plain", "v0.14.0\n"),
                                    "/golang.org/toolchain/@v/list", Reply.ok("text/plain", "v0.0.1-go1.21.0.linux-amd64\n"))));
                    w.web(sites);
                    w.firewall("-s", "11.77.0.2", "-d", GoWorld.HOSTS.get("sum.golang.org"), "-p", "tcp", "-j",
                            "REJECT", "--reject-with", "tcp-reset");
                }, none, noArgs, "sumdb.unreachable", "tcp"),
                // The module zip the throughput layer downloads (1 MiB) while the world sends at most 32 kB/s.
                row("network.slow", w -> {
                    proxyGolang((x, s) -> s.withRoute("/golang.org/x/text/@v/v0.14.0.zip",
                            Reply.file("application/zip", x.largeObject(1 << 20)))).accept(w);
                    w.shape("256kbit");
                }, none, noArgs, "network.slow", "throughput"),
                row("sumdb.disabled", NOTHING, Map.of("GOSUMDB", "off"), noArgs, "sumdb.disabled", "local"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void doctorNamesTheCause(Scenario s) {
        s.breakage().accept(world);
        Map<String, String> env = world.environment();
        env.putAll(s.env());
        List<String> args = new ArrayList<>(List.of("--public-dns", GoWorld.PUBLIC_DNS));
        args.addAll(s.args());

        GoWorld.Run run = world.doctor(world.lab.client(), env, args);
        // Then the real go clients meet the same world, both at once (not during the doctor's run:
        // on a loaded machine they would eat into its deadline).
        Map<GoClient, CompletableFuture<GoWorld.GoRun>> goRuns = new LinkedHashMap<>();
        if (s.goFails().isPresent()) {
            GoClients.all().forEach(go -> goRuns.put(go, CompletableFuture.supplyAsync(
                    () -> world.goList(world.lab.client(), go, env, s.goFails().get()
                            ? GoWorld.GO_PATIENCE_SECONDS : GoWorld.GO_SUCCESS_PATIENCE_SECONDS))));
        }
        Map<GoClient, GoWorld.GoRun> goResults = new LinkedHashMap<>();
        goRuns.forEach((go, f) -> goResults.put(go, f.join()));  // before any assertion: restore() must not race them

        assertThat(run.causes()).as("%s: root causes (id → layer); run: %s", s.name(), run)
                .containsExactlyInAnyOrderEntriesOf(s.causes());
        assertThat(run.err()).as("%s: standard error (no library noise)", s.name()).doesNotContain("SLF4J");
        assertThat(run.exitCode()).as("%s: exit code; run: %s", s.name(), run)
                .isEqualTo(s.causes().containsKey("healthy") ? 0 : 1);
        assertThat(run.json().path("unfinished").size()).as("%s: unfinished targets; run: %s", s.name(), run)
                .isZero();
        goResults.forEach((go, r) -> assertThat(!r.sawVersions())
                .as("%s: %s list -m -versions fails to list v0.14.0; output:\n%s", s.name(), go.version(), r.output())
                .isEqualTo(s.goFails().orElseThrow()));
    }

    /**
     * A machine with no network at all (a namespace with nothing but loopback): one verdict,
     * net.offline, naming every target, instead of one red line per target and layer.
     */
    @Test
    void offlineMachineGetsOneVerdict() {
        String offline = world.lab.isolated("off");

        GoWorld.Run run = world.doctor(offline, world.environment(), List.of("--public-dns", GoWorld.PUBLIC_DNS));

        assertThat(run.causes()).as("causes; run: %s", run).containsExactly(Map.entry("net.offline", "local"));
        assertThat(run.exitCode()).as("exit code; run: %s", run).isEqualTo(1);
        assertThat(run.json().path("causes").get(0).path("targets").size()).as("targets named; run: %s", run)
                .isGreaterThanOrEqualTo(5);
        for (GoClient go : GoClients.all()) {
            GoWorld.GoRun r = world.goList(offline, go, world.environment(), GoWorld.GO_PATIENCE_SECONDS);
            assertThat(r.sawVersions()).as("%s list -m -versions offline; output:\n%s", go.version(), r.output()).isFalse();
        }
    }
}
