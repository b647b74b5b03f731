package dev.goferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code goferry serve} as a user sees it: configuration layering, masking, start-up messages, serving. */
class ServeCommandTest {

    @TempDir
    Path dir;

    @AfterEach
    void resetHook() {
        ServeCommand.onStarted = server -> { };
    }

    @Test
    void printConfigLayersFileThenEnvironmentThenFlagsAndMasksPasswords() throws Exception {
        Path yaml = dir.resolve("serve.yaml");
        Files.writeString(yaml, """
                listen: 127.0.0.1:4000
                upstream: https://alice:s3cret@goproxy.example.com|https://proxy.golang.org
                ttl: 10m
                negativeTtl: 30s
                """);
        CliRun run = CliRun.of(Map.of("GOFERRY_SERVE_TTL", "2m", "GOFERRY_SERVE_NEGATIVE_TTL", "5s"),
                "serve", "--config", yaml.toString(), "--listen", "127.0.0.1:5000", "--print-config");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("listen: 127.0.0.1:5000\n")
                .contains("upstream: https://alice:xxxxx@goproxy.example.com|https://proxy.golang.org\n")
                .contains("ttl: 2m\n")
                .contains("negativeTtl: 5s\n")
                .contains("upstreamTimeout: 30s\n")
                .doesNotContain("s3cret");
    }

    @Test
    void unknownKeysAndBadValuesAreUsageErrors() throws Exception {
        Path yaml = dir.resolve("serve.yaml");
        Files.writeString(yaml, "upstreams: https://proxy.golang.org\n");
        CliRun unknown = CliRun.of(Map.of(), "serve", "--config", yaml.toString(), "--print-config");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("configuration error: config file \"" + yaml + "\": unknown key \"upstreams\"");
        CliRun badDuration = CliRun.of(Map.of("GOFERRY_SERVE_TTL", "soon"), "serve", "--print-config");
        assertThat(badDuration.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badDuration.err()).contains("ttl \"soon\": want a duration like 250ms, 30s, 5m or 1h");
        CliRun zh = CliRun.of(Map.of("GOFERRY_SERVE_TTL", "soon"), "--lang", "zh-CN", "serve", "--print-config");
        assertThat(zh.err()).contains("配置错误：ttl \"soon\"");
    }

    @Test
    void servesTheUpstreamTreeAndSaysDirectIsSkipped() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree/example.com/m/@v"));
        Files.writeString(tree.resolve("list"), "v1.0.0\n");
        AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
        ServeCommand.onStarted = server -> {
            try {
                HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
                answer.set(client.send(HttpRequest.newBuilder(URI.create(server.uri() + "/example.com/m/@v/list"))
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()));
                server.close();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        CliRun run = CliRun.of(Map.of(), "serve", "--listen", "127.0.0.1:0", "--data", dir.resolve("data").toString(),
                "--upstream", "file://" + dir.resolve("tree") + ",direct");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(answer.get().statusCode()).isEqualTo(200);
        assertThat(answer.get().body()).isEqualTo("v1.0.0\n");
        assertThat(run.err()).contains("The upstream list contains \"direct\"").contains("goferry serve is listening on http://127.0.0.1:")
                .contains("go env -w GOPROXY=http://127.0.0.1:");
        assertThat(run.out()).as("access log").contains("\"path\":\"/example.com/m/@v/list\"").contains("\"status\":200")
                .contains("\"cache\":\"MISS\"");
        assertThat(dir.resolve("data/example.com/m/@v/list")).hasContent("v1.0.0\n");
    }

    @Test
    void anInvalidUpstreamListIsAUsageError() {
        CliRun run = CliRun.of(Map.of(), "serve", "--listen", "127.0.0.1:0", "--data", dir.resolve("data").toString(),
                "--upstream", "ftp://example.com");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("upstream list \"ftp://example.com\": ");
    }
}
