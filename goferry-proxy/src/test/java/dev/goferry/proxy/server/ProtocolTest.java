package dev.goferry.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.proxy.Lab;
import dev.goferry.proxy.ScriptedUpstream;
import dev.goferry.proxy.ScriptedUpstream.Answer;
import dev.goferry.proxy.ScriptedUpstream.Script;
import dev.goferry.proxy.storage.DiskStorage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The wire protocol as a client sees it: content types, caching headers, HEAD, 304, errors, policy. */
class ProtocolTest {

    static final String MOD = "module example.com/M\n\ngo 1.19\n";
    static final String INFO = "{\"Version\":\"v1.0.0\",\"Time\":\"2024-01-01T00:00:00Z\"}";

    @TempDir
    Path data;

    /** A module zip with a fixed entry time, so two calls give the same bytes (the upstream's and the expected). */
    static byte[] zip(String prefix) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            ZipEntry mod = new ZipEntry(prefix + "go.mod");
            mod.setTime(0);
            z.putNextEntry(mod);
            z.write(MOD.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** The upstream's files; the module path has a capital letter, so every key is case-escaped. */
    static ConcurrentHashMap<String, Script> upstreamFiles() throws Exception {
        ConcurrentHashMap<String, Script> t = new ConcurrentHashMap<>();
        t.put("/example.com/%21m/@v/list", Answer.text(200, "v1.0.0\n"));
        t.put("/example.com/%21m/@latest", new Answer(200, "application/json", INFO.getBytes(StandardCharsets.UTF_8)));
        t.put("/example.com/%21m/@v/v1.0.0.info", new Answer(200, "application/json", INFO.getBytes(StandardCharsets.UTF_8)));
        t.put("/example.com/%21m/@v/main.info", new Answer(200, "application/json", INFO.getBytes(StandardCharsets.UTF_8)));
        t.put("/example.com/%21m/@v/v1.0.0.mod", Answer.text(200, MOD));
        t.put("/example.com/%21m/@v/v1.0.0.zip", new Answer(200, "application/zip", zip("example.com/M@v1.0.0/")));
        t.put("/example.com/gone/@v/list", Answer.text(410, "not found: example.com/gone: repository deleted"));
        return t;
    }

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("/example.com/%21m/@v/list", "text/plain; charset=utf-8", "public, max-age=60"),
                Arguments.of("/example.com/!m/@v/list", "text/plain; charset=utf-8", "public, max-age=60"),
                Arguments.of("/example.com/%21m/@latest", "application/json; charset=utf-8", "public, max-age=60"),
                Arguments.of("/example.com/%21m/@v/main.info", "application/json; charset=utf-8", "public, max-age=60"),
                Arguments.of("/example.com/%21m/@v/v1.0.0.info", "application/json; charset=utf-8", "public, max-age=31536000, immutable"),
                Arguments.of("/example.com/%21m/@v/v1.0.0.mod", "text/plain; charset=utf-8", "public, max-age=31536000, immutable"),
                Arguments.of("/example.com/%21m/@v/v1.0.0.zip", "application/zip", "public, max-age=31536000, immutable"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void endpointsAnswerWithTheirContentTypeAndCaching(String path, String contentType, String cacheControl) throws Exception {
        try (ScriptedUpstream up = new ScriptedUpstream(ScriptedUpstream.table(upstreamFiles()));
             Lab.Running goferry = Lab.start(data, up.url(), Map.of())) {
            HttpResponse<byte[]> first = Lab.get(goferry.url(), path);
            assertThat(first.statusCode()).as("GET %s", path).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Type")).as("Content-Type of %s", path).contains(contentType);
            assertThat(first.headers().firstValue("Cache-Control")).as("Cache-Control of %s", path).contains(cacheControl);
            assertThat(first.headers().firstValue("Goferry-Cache")).as("first GET %s", path).contains("MISS");
            HttpResponse<byte[]> second = Lab.get(goferry.url(), path);
            assertThat(second.body()).as("second GET %s", path).isEqualTo(first.body());
            assertThat(second.headers().firstValue("Goferry-Cache")).as("second GET %s", path).contains("HIT");
            HttpResponse<byte[]> head = Lab.send(goferry.url(), path, "HEAD");
            assertThat(head.statusCode()).as("HEAD %s", path).isEqualTo(200);
            assertThat(head.body()).as("HEAD %s body", path).isEmpty();
            assertThat(head.headers().firstValue("Content-Length")).as("HEAD %s", path).contains(String.valueOf(first.body().length));
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<byte[]> cond = Lab.CLIENTX.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(goferry.url() + path))
                    .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(cond.statusCode()).as("If-None-Match %s", path).isEqualTo(304);
            assertThat(up.requests()).as("upstream requests for %s", path).hasSize(1);
            // A line is written as its response completes, which the client may see first: wait, boundedly.
            for (int i = 0; i < 50 && goferry.access().size() < 4; i++) {
                Thread.sleep(20);
            }
            assertThat(String.join("\n", goferry.access())).as("access log of %s", path)
                    .contains("\"cache\":\"MISS\"").contains("\"cache\":\"HIT\"");
        }
    }

    @Test
    void storedFolderIsAGoproxyTree() throws Exception {
        try (ScriptedUpstream up = new ScriptedUpstream(ScriptedUpstream.table(upstreamFiles()));
             Lab.Running goferry = Lab.start(data, up.url(), Map.of())) {
            for (String p : new String[] {"@v/list", "@latest", "@v/v1.0.0.info", "@v/v1.0.0.mod", "@v/v1.0.0.zip"}) {
                byte[] served = Lab.get(goferry.url(), "/example.com/!m/" + p).body();
                assertThat(data.resolve("example.com/!m/" + p)).as("stored %s", p).hasBinaryContent(served);
            }
        }
    }

    @Test
    void errorsArePlainTextTheGoCommandShows() throws Exception {
        try (ScriptedUpstream up = new ScriptedUpstream(ScriptedUpstream.table(upstreamFiles()));
             Lab.Running goferry = Lab.start(data, up.url(), Map.of())) {
            HttpResponse<byte[]> gone = Lab.get(goferry.url(), "/example.com/gone/@v/list");
            assertThat(gone.statusCode()).isEqualTo(410);
            assertThat(gone.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
            assertThat(new String(gone.body(), StandardCharsets.UTF_8)).isEqualTo("not found: example.com/gone: repository deleted\n");
            HttpResponse<byte[]> missing = Lab.get(goferry.url(), "/example.com/nothing/@v/v1.0.0.mod");
            assertThat(missing.statusCode()).isEqualTo(404);
            HttpResponse<byte[]> bad = Lab.get(goferry.url(), "/example.com/%21M/@v/list");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(new String(bad.body(), StandardCharsets.UTF_8)).isEqualTo("invalid escaped module path \"example.com/!M\"\n");
            assertThat(Lab.get(goferry.url(), "/sumdb/sum.golang.org/supported").statusCode())
                    .as("no checksum database proxying yet: go then asks the database directly").isEqualTo(404);
            assertThat(Lab.send(goferry.url(), "/example.com/%21m/@v/list", "POST").statusCode()).isEqualTo(405);
            assertThat(Lab.get(goferry.url(), "/healthz").statusCode()).isEqualTo(200);
            assertThat(Lab.get(goferry.url(), "/readyz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void metricsCountRequestsCacheResultsUpstreamFetchesAndRefusals() throws Exception {
        ConcurrentHashMap<String, Script> table = upstreamFiles();
        table.put("/example.com/html/@v/list", new Answer(200, "text/html", "<html>login</html>".getBytes(StandardCharsets.UTF_8)));
        try (ScriptedUpstream up = new ScriptedUpstream(ScriptedUpstream.table(table));
             Lab.Running goferry = Lab.start(data, up.url(), Map.of())) {
            Lab.get(goferry.url(), "/example.com/%21m/@v/list");
            Lab.get(goferry.url(), "/example.com/%21m/@v/list");
            Lab.get(goferry.url(), "/example.com/gone/@v/list");
            Lab.get(goferry.url(), "/example.com/html/@v/list");
            HttpResponse<byte[]> r = Lab.get(goferry.url(), "/metrics");
            String text = new String(r.body(), StandardCharsets.UTF_8);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(text).as("metrics")
                    .contains("goferry_requests_seconds_count{endpoint=\"list\",status=\"200\"} 2")
                    .contains("goferry_requests_seconds_count{endpoint=\"list\",status=\"410\"} 1")
                    .contains("goferry_requests_seconds_count{endpoint=\"list\",status=\"502\"} 1")
                    .contains("goferry_cache_results_total{endpoint=\"list\",result=\"HIT\"} 1")
                    .contains("goferry_cache_results_total{endpoint=\"list\",result=\"MISS\"} 1")
                    .contains("goferry_upstream_fetches_seconds_count{outcome=\"fetched\",upstream=\"" + up.url() + "\"} 1")
                    .contains("goferry_upstream_fetches_seconds_count{outcome=\"not_found\",upstream=\"" + up.url() + "\"} 1")
                    .contains("goferry_upstream_fetches_seconds_count{outcome=\"failed\",upstream=\"" + up.url() + "\"} 1")
                    .contains("goferry_verification_failures_total 1")
                    .contains("goferry_singleflight_waiters 0")
                    .contains("goferry_served_bytes_total{endpoint=\"list\"}");
            assertThat(goferry.security()).as("security log").singleElement().asString()
                    .contains("refused example.com/html/@v/list from " + up.url()).contains("HTML page");
        }
    }

    @Test
    void notFoundIsRememberedBriefly() throws Exception {
        try (ScriptedUpstream up = new ScriptedUpstream(ScriptedUpstream.table(upstreamFiles()));
             Lab.Running goferry = Lab.start(data, up.url(), Map.of("negativeTtl", "1m"))) {
            for (int i = 0; i < 3; i++) {
                assertThat(Lab.get(goferry.url(), "/example.com/gone/@v/list").statusCode()).isEqualTo(410);
            }
            assertThat(up.requests()).as("upstream asked once in the negative TTL").hasSize(1);
        }
    }

    @Test
    void listIsRefreshedAfterItsTtlAndServedStaleWhenEveryUpstreamFails() throws Exception {
        ConcurrentHashMap<String, Script> table = upstreamFiles();
        try (ScriptedUpstream up = new ScriptedUpstream(ScriptedUpstream.table(table));
             Lab.Running goferry = Lab.start(data, up.url(), Map.of("ttl", "0s"))) {
            String path = "/example.com/%21m/@v/list";
            assertThat(Lab.get(goferry.url(), path).headers().firstValue("Goferry-Cache")).contains("MISS");
            table.put(path, Answer.text(200, "v1.0.0\nv1.1.0\n"));
            HttpResponse<byte[]> refreshed = Lab.get(goferry.url(), path);
            assertThat(new String(refreshed.body(), StandardCharsets.UTF_8)).as("refreshed list").isEqualTo("v1.0.0\nv1.1.0\n");
            table.put(path, Answer.text(503, "upstream down"));
            HttpResponse<byte[]> stale = Lab.get(goferry.url(), path);
            assertThat(stale.statusCode()).as("stale-if-error status").isEqualTo(200);
            assertThat(new String(stale.body(), StandardCharsets.UTF_8)).isEqualTo("v1.0.0\nv1.1.0\n");
            assertThat(stale.headers().firstValue("Goferry-Cache")).contains("STALE");
            assertThat(stale.headers().firstValue("Goferry-Stale-Reason").orElse("")).contains("503");
            HttpResponse<byte[]> zip = Lab.get(goferry.url(), "/example.com/%21m/@v/v1.0.0.zip");
            table.put("/example.com/%21m/@v/v1.0.0.zip", Answer.text(503, "upstream down"));
            assertThat(Lab.get(goferry.url(), "/example.com/%21m/@v/v1.0.0.zip").body()).as("immutable zip, never refetched")
                    .isEqualTo(zip.body());
        }
    }

    @Test
    void offlineModeServesOnlyWhatIsStored() throws Exception {
        try (ScriptedUpstream up = new ScriptedUpstream(ScriptedUpstream.table(upstreamFiles()));
             Lab.Running online = Lab.start(data, up.url(), Map.of())) {
            Lab.get(online.url(), "/example.com/%21m/@v/list");
        }
        try (Lab.Running offline = Lab.start(data, "http://127.0.0.1:9", Map.of("offline", "true"))) {
            assertThat(Lab.get(offline.url(), "/example.com/%21m/@v/list").statusCode()).isEqualTo(200);
            HttpResponse<byte[]> missing = Lab.get(offline.url(), "/example.com/%21m/@v/v1.0.0.zip");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(new String(missing.body(), StandardCharsets.UTF_8)).contains("offline mode");
        }
    }

    @Test
    void partialFilesAreNeverServedAndAreSweptAtStart() throws Exception {
        Path scratch = data.resolve(DiskStorage.SCRATCH_DIR);
        Files.createDirectories(scratch);
        Files.write(scratch.resolve("123" + DiskStorage.PARTIAL_SUFFIX), new byte[100]);
        Path v = Files.createDirectories(data.resolve("example.com/!m/@v"));
        Files.write(v.resolve("v1.0.0.zip" + DiskStorage.PARTIAL_SUFFIX), new byte[100]);
        try (ScriptedUpstream up = new ScriptedUpstream(ScriptedUpstream.table(upstreamFiles()));
             Lab.Running goferry = Lab.start(data, up.url(), Map.of())) {
            assertThat(goferry.server().sweptPartials()).isEqualTo(2);
            HttpResponse<byte[]> zip = Lab.get(goferry.url(), "/example.com/%21m/@v/v1.0.0.zip");
            assertThat(zip.headers().firstValue("Goferry-Cache")).as("fetched again, not the partial").contains("MISS");
            assertThat(zip.body()).isEqualTo(zip("example.com/M@v1.0.0/"));
            assertThat(Lab.get(goferry.url(), "/example.com/%21m/@v/v1.0.0.zip" + DiskStorage.PARTIAL_SUFFIX).statusCode())
                    .isEqualTo(404);
            assertThat(Optional.ofNullable(scratch.toFile().list()).map(a -> a.length).orElse(0)).isZero();
        }
    }
}
