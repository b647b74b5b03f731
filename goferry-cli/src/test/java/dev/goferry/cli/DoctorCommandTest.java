package dev.goferry.cli;

import com.sun.net.httpserver.HttpServer;
import dev.goferry.testkit.LoopbackPorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code goferry doctor} end to end against loopback module proxies. The run's seams name only
 * 127.0.0.1 as resolver and a guard fails on any other address, so nothing leaves this machine.
 */
class DoctorCommandTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private LoopbackSeams seams;
    private final List<HttpServer> servers = new ArrayList<>();

    @BeforeEach
    void loopbackOnly() {
        seams = LoopbackSeams.install();
    }

    @AfterEach
    void restore() {
        servers.forEach(s -> s.stop(0));
        seams.close();
    }

    private String proxy(int status, String contentType, Map<String, String> bodies) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 16);
        s.createContext("/", ex -> {
            String body = bodies.get(ex.getRequestURI().getPath());
            int code = status != 200 ? status : body == null ? 404 : 200;
            byte[] b = (body == null ? "not found" : body).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", contentType);
            ex.sendResponseHeaders(code, b.length == 0 ? -1 : b.length);
            if (b.length > 0) {
                ex.getResponseBody().write(b);
            }
            ex.close();
        });
        s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        s.start();
        servers.add(s);
        return "http://127.0.0.1:" + s.getAddress().getPort();
    }

    private String goodProxy() throws IOException {
        return proxy(200, "text/plain; charset=utf-8", Map.of(
                "/golang.org/x/text/@v/list", "v0.3.0\nv0.14.0\n",
                "/golang.org/toolchain/@v/list", "v0.0.1-go1.21.0.linux-amd64\n",
                "/sumdb/sum.golang.org/supported", ""));
    }

    private static CliRun doctor(String goproxy, String... more) {
        List<String> args = new ArrayList<>(List.of("doctor", "--no-public-dns", "--release-index", "off",
                "--release-download", "off", "--timeout", "10s"));
        args.addAll(List.of(more));
        return CliRun.of(Map.of("GOPROXY", goproxy, "GOFLAGS", "", "HOME", "/nonexistent-goferry-home"),
                args.toArray(String[]::new));
    }

    static Stream<Arguments> languages() {
        return Stream.of(Arguments.of("en", "Root causes", "healthy"), Arguments.of("zh-CN", "根本原因", "healthy"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void healthyLabIsHealthyInText(String lang, String causesTitle, String causeId) throws IOException {
        String goproxy = goodProxy();

        CliRun r = doctor(goproxy, "--lang", lang);

        assertThat(r.exitCode()).as("%s: exit code; out:\n%s\nerr:\n%s", lang, r.out(), r.err()).isZero();
        assertThat(r.out()).as(lang).contains("[goproxy:" + goproxy + "]").contains("✓").contains(causesTitle)
                .contains(causeId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void refusedProxyIsTcpRefusedInJson(String lang, String causesTitle, String causeId) {
        String goproxy = "http://127.0.0.1:" + LoopbackPorts.refused();

        CliRun r = doctor(goproxy, "--json", "--lang", lang);

        assertThat(r.exitCode()).as("%s: exit code; err:\n%s", lang, r.err()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(r.out()).as(lang).contains("\"goferry.doctor/v1\"").contains("\"tcp.refused\"")
                .contains("\"goproxy:" + goproxy + "\"").contains("\"unfinished\"");
    }

    @Test
    void forbiddingProxyIsNamedInText() throws IOException {
        String goproxy = proxy(403, "text/plain", Map.of());

        CliRun r = doctor(goproxy);

        assertThat(r.exitCode()).as("out:\n%s", r.out()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(r.out()).contains("✗").contains("http.forbidden");
    }

    @Test
    void moduleDiagnosesOnlyThatModulesRoute() throws IOException {
        String goproxy = proxy(200, "application/json", Map.of(
                "/example.com/m/@v/v1.0.0.info", "{\"Version\":\"v1.0.0\",\"Time\":\"2024-01-01T00:00:00Z\"}",
                "/example.com/m/@v/v1.0.0.zip", "PK\u0005\u0006" + "\u0000".repeat(18),
                "/sumdb/sum.golang.org/supported", ""));

        CliRun r = doctor(goproxy, "--json", "--module", "example.com/m@v1.0.0");

        assertThat(r.exitCode()).as("exit code; out:\n%s\nerr:\n%s", r.out(), r.err()).isZero();
        assertThat(r.out()).contains("\"goproxy:" + goproxy + "\"", "\"url\" : \"" + goproxy
                        + "/example.com/m/@v/v1.0.0.info\"", "\"module\" : \"example.com/m\"",
                "\"sumdb-proxy:" + goproxy + "\"", "\"layer\" : \"throughput\"")
                .doesNotContain("toolchain:", "golang.org/x/text");
    }

    @Test
    void aModuleWhoseHostIsAPatternIsNotProbeable() throws IOException {
        String goproxy = goodProxy();

        CliRun r = doctor(goproxy, "--json", "--module", "*.corp.example/lib");

        assertThat(r.out()).as("err:\n%s", r.err()).contains("\"vcs-wildcard:*.corp.example/lib\"")
                .doesNotContain("\"goproxy:");
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(Arguments.of("--timeout", "soon"), Arguments.of("--public-dns", "dns.example"),
                Arguments.of("--target", "ftp://127.0.0.1/"), Arguments.of("--module", "@v1"),
                Arguments.of("--module", "example.com/m/"), Arguments.of("--module", "corp/lib@v1.0.0"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource
    void usageErrors(String option, String value) {
        CliRun r = CliRun.of(Map.of("GOPROXY", "off"), "doctor", "--no-public-dns", option, value);

        assertThat(r.exitCode()).as("%s %s; err:\n%s", option, value, r.err()).isEqualTo(ExitCodes.USAGE);
        if (value.startsWith("corp/")) {
            assertThat(r.err()).as("Go's own words").contains("malformed module path \"corp/lib\": missing dot in first path element");
        }
    }
}
