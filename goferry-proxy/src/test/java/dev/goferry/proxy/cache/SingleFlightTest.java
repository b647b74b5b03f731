package dev.goferry.proxy.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.proxy.Lab;
import dev.goferry.proxy.ScriptedUpstream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 64 clients ask at once for one object goferry does not have: the upstream sees exactly one
 * request, released only once the other 63 are waiting for it, and every client gets the same
 * answer, whether the fetch succeeds or fails.
 */
class SingleFlightTest {

    static final int CLIENTS = 64;

    @TempDir
    Path data;

    @ParameterizedTest(name = "upstream status {0}")
    @ValueSource(ints = {200, 500})
    void concurrentMissesMakeOneUpstreamFetch(int upstreamStatus) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        String body = upstreamStatus == 200 ? "v1.0.0\nv1.1.0\n" : "upstream broke";
        try (ScriptedUpstream upstream = new ScriptedUpstream(path -> new ScriptedUpstream.Gated(gate,
                     ScriptedUpstream.Answer.text(upstreamStatus, body)));
             Lab.Running goferry = Lab.start(data, upstream.url(), Map.of());
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                answers.add(pool.submit(() -> Lab.get(goferry.url(), "/example.com/one/@v/list")));
            }
            for (int i = 0; i < 3000 && goferry.server().cache().flights().waiting() < CLIENTS - 1; i++) {
                Thread.sleep(10);
            }
            assertThat(goferry.server().cache().flights().waiting()).as("clients waiting for the one fetch")
                    .isEqualTo(CLIENTS - 1);
            gate.countDown();
            for (Future<HttpResponse<byte[]>> f : answers) {
                HttpResponse<byte[]> r = f.get();
                assertThat(r.statusCode()).as("status").isEqualTo(upstreamStatus == 200 ? 200 : 502);
                String text = new String(r.body(), StandardCharsets.UTF_8);
                assertThat(text).as("body").contains(upstreamStatus == 200 ? body : "upstream broke");
            }
            assertThat(upstream.requests()).as("upstream requests").containsExactly("/example.com/one/@v/list");
        }
    }
}
