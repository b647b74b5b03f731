package dev.goferry.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.proxy.Lab;
import dev.goferry.proxy.ScriptedUpstream;
import dev.goferry.testkit.RecordingForwardProxy;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graceful shutdown, readiness, and the HTTP proxy chosen by Go's rules for upstream requests. */
class LifecycleTest {

    @TempDir
    Path data;

    @Test
    void closeLetsInFlightRequestsFinishAndStoresTheirObject() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        try (ScriptedUpstream up = new ScriptedUpstream(p -> new ScriptedUpstream.Gated(gate,
                ScriptedUpstream.Answer.text(200, "v1.0.0\n")))) {
            Lab.Running goferry = Lab.start(data, up.url(), Map.of("shutdownGrace", "60s", "upstreamTimeout", "60s"));
            String url = goferry.url();
            CompletableFuture<HttpResponse<byte[]>> inFlight = CompletableFuture.supplyAsync(() -> Lab.get(url, "/example.com/m/@v/list"));
            for (int i = 0; i < 500 && up.requests().isEmpty(); i++) {
                Thread.sleep(10);
            }
            assertThat(up.requests()).as("the request reached the upstream").hasSize(1);
            CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> {
                try {
                    goferry.close();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            boolean refusing = false;
            for (int i = 0; i < 200 && !refusing; i++) {
                try {
                    Lab.getOnNewConnection(url, "/readyz"); // a pooled connection would stay open during the grace
                    Thread.sleep(10);
                } catch (java.io.UncheckedIOException e) {
                    refusing = true;
                }
            }
            assertThat(refusing).as("new connections refused once shutdown began").isTrue();
            assertThat(inFlight).as("the in-flight request is still waiting for its upstream").isNotDone();
            gate.countDown();
            HttpResponse<byte[]> r = inFlight.get();
            closing.get();
            assertThat(r.statusCode()).as("in-flight request during shutdown").isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("v1.0.0\n");
            assertThat(data.resolve("example.com/m/@v/list")).hasContent("v1.0.0\n");
        }
    }

    @Test
    void upstreamRequestsGoThroughTheHttpProxyGoWouldUse() throws Exception {
        try (ScriptedUpstream up = new ScriptedUpstream(p -> ScriptedUpstream.Answer.text(200, "v1.0.0\n"));
             RecordingForwardProxy proxy = RecordingForwardProxy.forwardingTo(Integer.parseInt(up.url().replaceAll(".*:", "")));
             Lab.Running goferry = Lab.start(data, "http://modules.corp.example:8081", Map.of(),
                     Map.of("HTTP_PROXY", proxy.url(), "NO_PROXY", "other.example"))) {
            HttpResponse<byte[]> r = Lab.get(goferry.url(), "/example.com/m/@v/list");
            assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            assertThat(proxy.requests()).as("requests the HTTP proxy relayed").hasSize(1);
            assertThat(proxy.requests().get(0).target()).isEqualTo("http://modules.corp.example:8081/example.com/m/@v/list");
        }
    }

    @Test
    void noProxyMatchGoesDirect() throws Exception {
        try (ScriptedUpstream up = new ScriptedUpstream(p -> ScriptedUpstream.Answer.text(200, "v1.0.0\n"));
             RecordingForwardProxy proxy = RecordingForwardProxy.refusing();
             Lab.Running goferry = Lab.start(data, up.url().replace("127.0.0.1", "localhost"), Map.of(),
                     Map.of("HTTP_PROXY", proxy.url()))) {
            // Go never proxies "localhost" or loopback addresses.
            assertThat(Lab.get(goferry.url(), "/example.com/m/@v/list").statusCode()).isEqualTo(200);
            assertThat(proxy.requests()).isEmpty();
            assertThat(up.requests()).hasSize(1);
        }
    }
}
