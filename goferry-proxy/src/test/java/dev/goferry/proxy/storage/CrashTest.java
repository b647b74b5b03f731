package dev.goferry.proxy.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.proxy.Lab;
import dev.goferry.proxy.ScriptedUpstream;
import dev.goferry.proxy.ServeMain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a goferry process in the middle of a zip download: after a restart on the same data
 * folder nothing partial is served, the leftover is swept, and the next request fetches again.
 */
class CrashTest {

    @TempDir
    Path data;

    static final String ZIP = "/example.com/m/@v/v1.0.0.zip";

    @Test
    void killDuringAFetchLeavesNothingServableAndTheNextRequestFetchesAgain() throws Exception {
        Process child;
        try (ScriptedUpstream stalling = new ScriptedUpstream(p -> ScriptedUpstream.Fault.STALL)) {
            String java = ProcessHandle.current().info().command().orElse("java");
            child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ServeMain.class.getName(),
                    data.toString(), stalling.url()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                String port = out.readLine();
                assertThat(port).as("child printed only its port (nothing from SLF4J either)").matches("\\d+");
                String url = "http://127.0.0.1:" + port;
                CompletableFuture.runAsync(() -> {
                    try {
                        Lab.get(url, ZIP);
                    } catch (RuntimeException expected) {
                        // The server dies under this request.
                    }
                });
                Path scratch = data.resolve(DiskStorage.SCRATCH_DIR);
                for (int i = 0; i < 1000 && partials(scratch).stream().noneMatch(CrashTest::nonEmpty); i++) {
                    Thread.sleep(10);
                }
                assertThat(partials(scratch)).as("a download in progress").anyMatch(CrashTest::nonEmpty);
            } finally {
                child.destroyForcibly(); // SIGKILL on Linux
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        }
        assertThat(data.resolve("example.com/m/@v/v1.0.0.zip")).as("nothing stored under the key").doesNotExist();
        byte[] zip = ProtocolZips.zip("example.com/m@v1.0.0/");
        try (ScriptedUpstream good = new ScriptedUpstream(p -> new ScriptedUpstream.Answer(200, "application/zip", zip));
             Lab.Running restarted = Lab.start(data, good.url(), Map.of())) {
            assertThat(restarted.server().sweptPartials()).as("partials swept at start").isGreaterThanOrEqualTo(1);
            HttpResponse<byte[]> r = Lab.get(restarted.url(), ZIP);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Goferry-Cache")).contains("MISS");
            assertThat(r.body()).isEqualTo(zip);
            assertThat(good.requests()).containsExactly(ZIP);
        }
    }

    static List<Path> partials(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    static boolean nonEmpty(Path p) {
        try {
            return Files.size(p) > 0;
        } catch (Exception e) {
            return false;
        }
    }
}
