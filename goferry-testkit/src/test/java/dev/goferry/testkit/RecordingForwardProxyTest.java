package dev.goferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The forward proxy records CONNECT targets and absolute URIs, refuses tunnels, relays plain http to loopback. */
class RecordingForwardProxyTest {

    /** Sends one raw request to {@code port} and returns the whole answer. */
    private static String exchange(int port, String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void refusesConnectAndRecordsItsTarget() throws IOException {
        try (RecordingForwardProxy proxy = RecordingForwardProxy.refusing()) {
            String answer = exchange(proxy.port(),
                    "CONNECT secure.test:443 HTTP/1.1\r\nHost: secure.test:443\r\nProxy-Authorization: Basic eDp5\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 403 Forbidden\r\n");
            assertThat(proxy.requests()).singleElement().satisfies(r -> {
                assertThat(r.method()).isEqualTo("CONNECT");
                assertThat(r.target()).isEqualTo("secure.test:443");
                assertThat(r.query()).isEmpty();
                assertThat(r.headers()).containsEntry("proxy-authorization", "Basic eDp5");
            });
        }
    }

    @Test
    void relaysAbsoluteUriRequestsToTheLoopbackUpstream() throws IOException {
        try (RecordingServer upstream = RecordingServer.builder()
                .serve("ok", new ModuleStore().add("example.com/m", "v1.0.0")).start();
             RecordingForwardProxy proxy = RecordingForwardProxy.forwardingTo(upstream.port())) {
            String answer = exchange(proxy.port(), "GET http://proxy.test:8080/ok/example.com/m/@v/list?x=1 HTTP/1.1\r\n"
                    + "Host: proxy.test:8080\r\nConnection: keep-alive\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("\r\nConnection: close\r\n")
                    .endsWith("\r\n\r\nv1.0.0\n");
            assertThat(proxy.requests()).extracting(r -> r.method() + " " + r.targetWithQuery())
                    .containsExactly("GET http://proxy.test:8080/ok/example.com/m/@v/list?x=1");
            assertThat(upstream.requests()).singleElement().satisfies(r -> {
                assertThat(r.targetWithQuery()).isEqualTo("/ok/example.com/m/@v/list?x=1");
                assertThat(r.headers()).containsEntry("host", "proxy.test:8080");
            });
        }
    }

    @Test
    void refusingProxyAnswers403ToPlainHttpToo() throws IOException {
        try (RecordingForwardProxy proxy = RecordingForwardProxy.refusing()) {
            assertThat(exchange(proxy.port(), "GET http://proxy.test/x HTTP/1.1\r\nHost: proxy.test\r\n\r\n"))
                    .startsWith("HTTP/1.1 403 Forbidden\r\n");
            assertThat(proxy.requests()).extracting(RecordedRequest::target).containsExactly("http://proxy.test/x");
        }
    }

    @Test
    void refusedPortRefuses() {
        int port = LoopbackPorts.refused();
        Assertions.assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(ConnectException.class);
    }
}
