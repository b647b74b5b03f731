package dev.goferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goferry.testkit.RecordingServer.SumdbScript;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The recording GOPROXY lab answers as scripted and logs every request in order. */
class RecordingServerTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static final ModuleStore STORE = new ModuleStore()
            .add("example.com/m", "v1.0.0")
            .add("example.com/m", "v1.1.0")
            .add("example.com/m", "v1.2.0-0.20240101000000-abcdefabcdef")
            .add("example.com/M", "v1.0.0");

    private static RecordingServer server;

    @BeforeAll
    static void start() {
        server = RecordingServer.builder()
                .fixed("404", 404)
                .fixed("500", 500, "line one\nline two")
                .serve("ok", STORE)
                .serve("sumdb", STORE, new SumdbScript(200, 410))
                .goImport("example.com/vcs", "git", "https://example.com/vcs.git")
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clear() {
        server.clear();
    }

    private static HttpResponse<byte[]> get(String pathAndQuery) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("/404/example.com/m/@v/v1.0.0.info", 404, "scripted 404"),
                Arguments.of("/404/sumdb/sum.golang.org/supported", 404, "scripted 404"),
                Arguments.of("/500/example.com/m/@v/list", 500, "line one\nline two"),
                Arguments.of("/ok/example.com/m/@v/list", 200, "v1.0.0\nv1.1.0\n"),
                Arguments.of("/ok/example.com/m/@v/v1.0.0.info", 200,
                        "{\"Version\":\"v1.0.0\",\"Time\":\"2024-01-01T00:00:00Z\"}\n"),
                Arguments.of("/ok/example.com/m/@v/v1.0.0.mod", 200, "module example.com/m\n\ngo 1.16\n"),
                Arguments.of("/ok/example.com/!m/@v/v1.0.0.mod", 200, "module example.com/M\n\ngo 1.16\n"),
                Arguments.of("/ok/example.com/%21m/@v/v1.0.0.mod", 200, "module example.com/M\n\ngo 1.16\n"),
                Arguments.of("/ok/example.com/M/@v/v1.0.0.mod", 404, "not found: example.com/M/@v/v1.0.0.mod"),
                Arguments.of("/ok/example.com/m/@latest", 200,
                        "{\"Version\":\"v1.2.0-0.20240101000000-abcdefabcdef\",\"Time\":\"2024-01-01T00:00:00Z\"}\n"),
                Arguments.of("/ok/example.com/m/@v/v9.0.0.info", 404, "not found: example.com/m/@v/v9.0.0.info"),
                Arguments.of("/ok/example.com/nope/@v/list", 404, "not found: example.com/nope/@v/list"),
                Arguments.of("/ok/sumdb/sum.golang.org/supported", 404, "sumdb scripted 404"),
                Arguments.of("/sumdb/sumdb/sum.golang.org/supported", 200, ""),
                Arguments.of("/sumdb/sumdb/sum.golang.org/lookup/example.com/m@v1.0.0", 410, "sumdb scripted 410"),
                Arguments.of("/nowhere/example.com/m/@v/list", 404, "no such prefix: /nowhere/example.com/m/@v/list"),
                Arguments.of("/ok/vcs?go-get=1", 404, "no go-import for 127.0.0.1/ok/vcs"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("answers")
    void answersAsScripted(String path, int status, String body) {
        HttpResponse<byte[]> r = get(path);
        assertThat(r.statusCode()).as("GET %s status", path).isEqualTo(status);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).as("GET %s body", path).isEqualTo(body);
        if (status != 200) {
            assertThat(r.headers().firstValue("Content-Type")).as("GET %s", path)
                    .contains("text/plain; charset=utf-8");
        }
    }

    @Test
    void zipHoldsTheModuleUnderPathAtVersion() throws IOException {
        HttpResponse<byte[]> r = get("/ok/example.com/!m/@v/v1.0.0.zip");
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(entries).containsOnly(
                Map.entry("example.com/M@v1.0.0/go.mod", "module example.com/M\n\ngo 1.16\n"),
                Map.entry("example.com/M@v1.0.0/m.go", "package m\n"));
    }

    @Test
    void recordsRequestsInArrivalOrderUntilCleared() {
        get("/404/example.com/m/@v/v1.0.0.info");
        get("/ok/example.com/%21m/@v/list?x=1");
        List<RecordedRequest> seen = server.requests();
        assertThat(seen).extracting(RecordedRequest::method, RecordedRequest::targetWithQuery)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GET", "/404/example.com/m/@v/v1.0.0.info"),
                        org.assertj.core.groups.Tuple.tuple("GET", "/ok/example.com/%21m/@v/list?x=1"));
        assertThat(seen.get(1).query()).contains("x=1");
        assertThat(seen.get(0).headers()).containsEntry("host", "127.0.0.1:" + server.port());
        assertThat(seen.get(0).sequence()).isLessThan(seen.get(1).sequence());
        server.clear();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void keepsOnlyProxyRelatedHeaders() throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(server.url("404") + "/x"))
                .header("Via", "1.1 corp").header("X-Forwarded-For", "10.0.0.1").header("User-Agent", "t")
                .header("Accept", "*/*").build(), HttpResponse.BodyHandlers.discarding());
        assertThat(server.requests().get(0).headers()).containsOnlyKeys("host", "via", "x-forwarded-for");
    }

    @Test
    void answersGoGetDiscoveryWithAGoImportTag() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/vcs/sub?go-get=1"))
                .header("Accept", "*/*").build(), HttpResponse.BodyHandlers.ofString());
        // The request's Host is 127.0.0.1:<port>, which is not example.com: no tag.
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("no go-import for 127.0.0.1/vcs/sub");
    }

    @Test
    void refusesToBindOutsideLoopback() {
        assertThatThrownBy(() -> RecordingServer.builder().bind("192.0.2.1", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bind address \"192.0.2.1\": not loopback");
        assertThatThrownBy(() -> RecordingServer.builder().fixed("a/b", 404))
                .hasMessage("prefix \"a/b\": must be one non-empty path segment");
    }

    @Test
    void logIsBounded() {
        RequestLog log = new RequestLog();
        for (int i = 0; i <= RequestLog.CAP; i++) {
            log.add(new RecordedRequest(i, "GET", "/" + i, Optional.empty(), Map.of()));
        }
        assertThatThrownBy(log::snapshot).hasMessage("more than 10000 requests recorded: clear() between runs");
        log.clear();
        assertThat(log.snapshot()).isEmpty();
    }

    /** The store's info/mod/zip are what the real go accepts, through every client. */
    @Test
    void realGoDownloadsFromTheStore(@TempDir Path scratch) {
        List<String> failures = new ArrayList<>();
        for (GoClient go : GoClients.all()) {
            server.clear();
            Map<String, String> env = new HashMap<>(go.baseEnvironment(scratch.resolve(go.version())));
            env.put("GOPROXY", server.url("404") + "," + server.url("ok"));
            env.put("GOSUMDB", "off");
            env.put("GOFLAGS", "-modcacherw");
            GoClient.GoResult r = go.run(scratch.resolve("w"), env, 60, "mod", "download", "-json",
                    "example.com/M@v1.0.0");
            if (r.exitCode() != 0 || !r.stdout().contains("\"Sum\": \"h1:")) {
                failures.add(go.version() + ": exit " + r.exitCode() + "\n" + r.stdout() + r.stderr());
            }
            assertThat(server.requests()).as(go.version()).extracting(RecordedRequest::target)
                    .contains("/ok/example.com/%21m/@v/v1.0.0.zip");
        }
        assertThat(failures).isEmpty();
    }
}
