package dev.goferry.testkit.sumdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The HTTP side of the test database: prefix routing, passing answers through, recording requests. */
class TestSumDbTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final TestSumDb.Handler ECHO = (path, type, body) -> {
        if (path.startsWith("/tile/")) {
            type.accept("application/octet-stream");
            body.write(new byte[] {1, 2, 3});
            return 200;
        }
        if (path.equals("/boom")) {
            throw new IllegalStateException("boom");
        }
        type.accept("text/plain; charset=UTF-8");
        body.write(("answer for " + path).getBytes(StandardCharsets.UTF_8));
        return path.startsWith("/lookup/") ? 200 : 404;
    };

    static HttpResponse<byte[]> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("", "/lookup/example.com/%21m@v1.0.0", 200, "text/plain; charset=UTF-8", "answer for /lookup/example.com/!m@v1.0.0"),
                Arguments.of("", "/latest", 404, "text/plain; charset=UTF-8", "answer for /latest"),
                Arguments.of("", "/tile/8/0/000.p/5", 200, "application/octet-stream", "\u0001\u0002\u0003"),
                Arguments.of("", "/boom", 500, "text/plain; charset=utf-8", "java.lang.IllegalStateException: boom\n"),
                Arguments.of("/sumdb/sum.golang.test", "/sumdb/sum.golang.test/lookup/a.b/c@v1.0.0", 200,
                        "text/plain; charset=UTF-8", "answer for /lookup/a.b/c@v1.0.0"),
                Arguments.of("/sumdb/sum.golang.test", "/lookup/a.b/c@v1.0.0", 404, "text/plain; charset=utf-8", "404 page not found\n"),
                Arguments.of("/sumdb/sum.golang.test", "/sumdb/sum.golang.testx/latest", 404, "text/plain; charset=utf-8",
                        "404 page not found\n"));
    }

    @ParameterizedTest(name = "prefix \"{0}\" GET {1}")
    @MethodSource("requests")
    void answersAndRecords(String prefix, String path, int status, String type, String body) throws Exception {
        try (TestSumDb db = TestSumDb.start(prefix, ECHO)) {
            HttpResponse<byte[]> r = get(URI.create("http://127.0.0.1:" + db.port() + path));
            assertThat(r.statusCode()).as("status of %s", path).isEqualTo(status);
            assertThat(r.headers().firstValue("Content-Type")).as("type of %s", path).contains(type);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).as("body of %s", path).isEqualTo(body);
            assertThat(db.requests()).containsExactly(new TestSumDb.Request("GET", URI.create(path).getPath()));
        }
    }

    @Test
    void urlAndGosumdbNameTheLoopbackServer() {
        try (TestSumDb db = TestSumDb.start("/sumdb/sum.golang.test", ECHO)) {
            assertThat(db.url()).hasToString("http://127.0.0.1:" + db.port() + "/sumdb/sum.golang.test");
            assertThat(db.gosumdb("sum.golang.test+01234567+AQ")).isEqualTo("sum.golang.test+01234567+AQ " + db.url());
        }
    }
}
