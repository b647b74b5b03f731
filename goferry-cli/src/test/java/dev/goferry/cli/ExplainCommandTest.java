package dev.goferry.cli;

import com.sun.net.httpserver.HttpServer;
import dev.goferry.testkit.LoopbackPorts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code goferry explain} end to end: a log from a file or standard input, text in both languages,
 * JSON, exit codes, and {@code --probe} against loopback servers through the doctor's seams (only
 * 127.0.0.1 as resolver, a guard that fails on any other address).
 */
class ExplainCommandTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static final String LOG = """
            2026-01-01T00:00:00.0000000Z ##[group]Run go mod download
            2026-01-01T00:00:01.0000000Z go: downloading example.com/m v1.0.0
            2026-01-01T00:00:02.0000000Z \u001b[31mgo: example.com/m@v1.0.0: reading https://goproxy.example/example.com/m/@v/v1.0.0.info: 410 Gone\u001b[0m
            2026-01-01T00:00:02.0000000Z \tserver response: not found: example.com/m@v1.0.0: invalid version: unknown revision v1.0.0
            go: example.com/n@v1.2.3: Get "https://proxy.golang.org/example.com/n/@v/v1.2.3.info": dial tcp: lookup proxy.golang.org on 10.255.255.53:53: no such host
            go: example.com/o@v0.1.0: something nobody has seen before
            """;

    private LoopbackSeams seams;
    private Supplier<InputStream> savedStdin;
    private final List<HttpServer> servers = new ArrayList<>();

    @BeforeEach
    void loopbackOnly() {
        seams = LoopbackSeams.install();
        savedStdin = ExplainCommand.stdin;
    }

    @AfterEach
    void restore() {
        ExplainCommand.stdin = savedStdin;
        servers.forEach(s -> s.stop(0));
        seams.close();
    }

    private static Map<String, String> env() {
        return Map.of("GOPROXY", "off", "GOFLAGS", "", "HOME", "/nonexistent-goferry-home");
    }

    static Stream<Arguments> languages() {
        return Stream.of(Arguments.of("en", "Root causes", "Name does not exist (NXDOMAIN)", "Unrecognised errors"),
                Arguments.of("zh-CN", "根本原因", "域名不存在（NXDOMAIN）", "无法识别的错误"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void fileIsExplainedInText(String lang, String causesTitle, String nxTitle, String unrecognisedTitle,
                               @TempDir Path dir) throws IOException {
        Path log = dir.resolve("ci.log");
        Files.writeString(log, LOG);

        CliRun r = CliRun.of(env(), "--lang", lang, "explain", log.toString());

        assertThat(r.exitCode()).as("%s exit; out:\n%s\nerr:\n%s", lang, r.out(), r.err()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(r.out()).as(lang).contains(causesTitle).contains("[http.not-found]").contains("[dns.nxdomain]")
                .contains(nxTitle).contains("10.255.255.53:53").contains("example.com/m@v1.0.0")
                .contains("unknown revision v1.0.0").contains(unrecognisedTitle)
                .contains("6: go: example.com/o@v0.1.0: something nobody has seen before")
                .doesNotContain("\u001b[31m").doesNotContain("2026-01-01T00:00:02");
    }

    @Test
    void standardInputIsExplainedInJson() {
        ExplainCommand.stdin = () -> new ByteArrayInputStream(LOG.getBytes(StandardCharsets.UTF_8));

        CliRun r = CliRun.of(env(), "explain", "--json", "-");

        assertThat(r.exitCode()).as("exit; err:\n%s", r.err()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(r.out()).contains("\"schema\" : \"goferry.explain/v1\"").contains("\"id\" : \"http.not-found\"")
                .contains("\"source\" : \"doctor\"").contains("\"resolver\" : \"10.255.255.53:53\"")
                .contains("\"response\" : \"not found: example.com/m@v1.0.0: invalid version: unknown revision v1.0.0\"")
                .contains("\"unrecognisedCount\" : 1").doesNotContain("\"probe\"");
    }

    @Test
    void logWithoutGoErrorsExitsZero() {
        ExplainCommand.stdin = () -> new ByteArrayInputStream("go: downloading x v1\nok\n".getBytes(StandardCharsets.UTF_8));

        CliRun r = CliRun.of(env(), "explain");

        assertThat(r.exitCode()).as("out:\n%s", r.out()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("no go error found");
    }

    @Test
    void missingFileIsAUsageError(@TempDir Path dir) {
        CliRun r = CliRun.of(env(), "explain", dir.resolve("absent.log").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("absent.log");
    }

    private String server(int status) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 16);
        s.createContext("/", ex -> {
            byte[] b = "v1.0.0\n".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        s.start();
        servers.add(s);
        return "http://127.0.0.1:" + s.getAddress().getPort();
    }

    @Test
    void probeConfirmsRefutesAndLeavesLogCausesUnprobed(@TempDir Path dir) throws IOException {
        int refused = LoopbackPorts.refused();
        String gone = server(404);
        String working = server(200);
        String log = "go: example.com/a@v1.0.0: Get \"http://127.0.0.1:" + refused + "/example.com/a/@v/v1.0.0.info\": "
                + "dial tcp 127.0.0.1:" + refused + ": connect: connection refused\n"
                + "go: example.com/b@v1.0.0: reading " + gone + "/example.com/b/@v/list: 404 Not Found\n"
                + "go: example.com/c@v1.0.0: Get \"" + working + "/example.com/c/@v/list\": net/http: TLS handshake timeout\n"
                + "verifying example.com/d@v1.0.0: checksum mismatch\n"
                + "go: example.com/e@v1.0.0: Get \"http://127.0.0.1:" + refused + "/e\": proxyconnect tcp: net/http: TLS handshake timeout\n";
        Path file = dir.resolve("go.log");
        Files.writeString(file, log);

        CliRun r = CliRun.of(env(), "explain", "--json", "--probe", "--timeout", "5s", file.toString());

        assertThat(r.exitCode()).as("exit; err:\n%s", r.err()).isEqualTo(ExitCodes.PROBLEMS);
        String out = r.out().replaceAll("\\s+", " ");
        assertThat(out).as(r.out())
                .contains("\"id\" : \"tcp.refused\"")
                .contains("\"probe\" : [ { \"target\" : \"http://127.0.0.1:" + refused
                        + "/example.com/a/@v/v1.0.0.info\", \"state\" : \"confirmed\", \"doctor\" : [ \"tcp.refused\" ] } ]")
                .contains("\"target\" : \"" + gone + "/example.com/b/@v/list\", \"state\" : \"confirmed\", \"doctor\" : [ \"http.not-found\" ]")
                .contains("\"target\" : \"" + working + "/example.com/c/@v/list\", \"state\" : \"refuted\"")
                .contains("\"probe\" : [ { \"target\" : null, \"state\" : \"not-probed\", \"doctor\" : [ ] } ]")
                .contains("\"target\" : \"http://127.0.0.1:" + refused + "/e\", \"state\" : \"different\", \"doctor\" : [ \"tcp.refused\" ]");
    }

    @Test
    void probeInTextSaysWhatTheDoctorFound(@TempDir Path dir) throws IOException {
        int refused = LoopbackPorts.refused();
        Path file = dir.resolve("go.log");
        Files.writeString(file, "go: example.com/a@v1.0.0: Get \"http://127.0.0.1:" + refused + "/x\": dial tcp 127.0.0.1:"
                + refused + ": connect: connection refused\n");

        CliRun r = CliRun.of(env(), "--lang", "zh-CN", "explain", "--probe", file.toString());

        assertThat(r.out()).as(r.out()).contains("已现场探测日志中提到的 1 个地址")
                .contains("http://127.0.0.1:" + refused + "/x：已证实，doctor 现在也发现了 tcp.refused");
    }

    @Test
    void printPatternsGivesOneExpressionPerPattern() {
        CliRun r = CliRun.of(env(), "explain", "--print-patterns");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().toList()).hasSizeGreaterThanOrEqualTo(30).noneMatch(l -> l.contains("(?"));
    }
}
