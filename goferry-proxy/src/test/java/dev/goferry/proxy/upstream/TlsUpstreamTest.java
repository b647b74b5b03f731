package dev.goferry.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.goferry.proxy.Lab;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An https:// upstream reached through an HTTP proxy's CONNECT tunnel, its certificate issued by a
 * test CA that only {@code SSL_CERT_FILE} names: goferry trusts it exactly when the go command
 * does, and opens the tunnel with the same CONNECT (target and {@code Proxy-Authorization}) as go
 * (go sends credentials at once; the JDK client answers the proxy's 407 with them).
 */
class TlsUpstreamTest {

    static final String HOST = "modules.corp.example";
    static final String UPSTREAM = "https://" + HOST + ":8443";
    static final String PATH = "/example.com/m/@v/list";

    @TempDir
    static Path pki;

    static HttpsServer upstream;

    @BeforeAll
    static void tlsUpstream() throws Exception {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "ca.key",
                "-out", "ca.pem", "-days", "30", "-subj", "/CN=goferry test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign");
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "leaf.key",
                "-out", "leaf.csr", "-subj", "/CN=" + HOST);
        Files.writeString(pki.resolve("ext.cnf"), "subjectAltName=DNS:" + HOST + "\nextendedKeyUsage=serverAuth\n");
        openssl("x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "leaf.pem",
                "-days", "30", "-extfile", "ext.cnf");
        openssl("pkcs12", "-export", "-in", "leaf.pem", "-inkey", "leaf.key", "-out", "leaf.p12", "-passout", "pass:test");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pki.resolve("leaf.p12"))) {
            ks.load(in, "test".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "test".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        upstream = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        upstream.setHttpsConfigurator(new HttpsConfigurator(tls));
        upstream.createContext("/", exchange -> {
            String text = switch (exchange.getRequestURI().getPath()) {
                case PATH -> "v1.0.0\n";
                case "/example.com/m/@v/v1.0.0.info" -> "{\"Version\":\"v1.0.0\",\"Time\":\"2024-01-01T00:00:00Z\"}";
                case "/example.com/m/@v/v1.0.0.mod" -> "module example.com/m\n";
                default -> "";
            };
            byte[] body = (text.isEmpty() ? "not found\n" : text).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(text.isEmpty() ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        upstream.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        upstream.start();
    }

    @AfterAll
    static void stop() {
        if (upstream != null) {
            upstream.stop(0);
        }
    }

    static void openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(pki.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("openssl %s: %s", command, out).isTrue();
    }

    /** A CONNECT-only proxy that records each CONNECT and tunnels it to the TLS upstream (whatever the target). */
    static final class Tunnel implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        final List<String> connects = new CopyOnWriteArrayList<>();
        final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        final List<Socket> open = new CopyOnWriteArrayList<>();

        /** The Proxy-Authorization value demanded (407 without it), or empty for none. */
        final String required;

        Tunnel(int target, String required) throws IOException {
            this.required = required;
            threads.submit(() -> {
                while (!socket.isClosed()) {
                    Socket s;
                    try {
                        s = socket.accept();
                    } catch (IOException e) {
                        return;
                    }
                    open.add(s);
                    threads.submit(() -> tunnel(s, target));
                }
            });
        }

        String url(String userinfo) {
            return "http://" + userinfo + "127.0.0.1:" + socket.getLocalPort();
        }

        private void tunnel(Socket client, int target) {
            try (client; Socket up = new Socket(InetAddress.getLoopbackAddress(), target)) {
                open.add(up);
                client.setSoTimeout(10_000);
                up.setSoTimeout(10_000);
                InputStream in = client.getInputStream();
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                while (head.size() < 16384) {
                    int c = in.read();
                    if (c < 0) {
                        return;
                    }
                    head.write(c);
                    String h = head.toString(StandardCharsets.ISO_8859_1);
                    if (h.endsWith("\r\n\r\n")) {
                        break;
                    }
                }
                // Keep the request line and the Proxy-Authorization header: what the test compares.
                String h = head.toString(StandardCharsets.ISO_8859_1);
                StringBuilder record = new StringBuilder(h.lines().findFirst().orElse(""));
                h.lines().filter(l -> l.toLowerCase().startsWith("proxy-authorization:")).forEach(l -> record.append(" | ").append(l));
                connects.add(record.toString());
                if (!required.isEmpty() && h.lines().noneMatch(l -> l.equalsIgnoreCase("proxy-authorization: " + required))) {
                    client.getOutputStream().write(("HTTP/1.1 407 Proxy Authentication Required\r\n"
                            + "Proxy-Authenticate: Basic realm=\"lab\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                if (!h.startsWith("CONNECT ")) {
                    client.getOutputStream().write("HTTP/1.1 405 CONNECT only\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                var back = threads.submit(() -> pipe(up, client));
                pipe(client, up);
                back.get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                // The client or the upstream went away.
            }
        }

        /** Copies until {@code from} ends, then passes the end on, so neither side waits out a timeout for it. */
        private static Void pipe(Socket from, Socket to) {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
                to.shutdownOutput();
            } catch (IOException e) {
                // One side closed: the other is closed by the caller.
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : open) {
                s.close();
            }
            threads.shutdownNow();
        }
    }

    static Stream<Arguments> cases() {
        // userinfo of the proxy URL ("" for none), whether SSL_CERT_FILE names the test CA
        return GoClients.withEach(List.of(List.of("", true), List.of("user:s%40cret@", true), List.of("", false)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("cases")
    void goferryTrustsAndTunnelsAsGoDoes(GoClient go, List<Object> c, @TempDir Path scratch) throws Exception {
        String userinfo = (String) c.get(0);
        boolean withCa = (Boolean) c.get(1);
        // A proxy with credentials demands them (407 otherwise), as a corporate proxy does.
        String required = userinfo.isEmpty() ? "" : "Basic " + java.util.Base64.getEncoder().encodeToString(
                java.net.URLDecoder.decode(userinfo.substring(0, userinfo.length() - 1), StandardCharsets.UTF_8)
                        .getBytes(StandardCharsets.UTF_8));
        try (Tunnel proxy = new Tunnel(upstream.getAddress().getPort(), required)) {
            Map<String, String> env = new HashMap<>();
            env.put("HTTPS_PROXY", proxy.url(userinfo));
            if (withCa) {
                env.put("SSL_CERT_FILE", pki.resolve("ca.pem").toString());
            }
            int goferryStatus;
            String goferryBody;
            try (Lab.Running goferry = Lab.start(Files.createDirectories(scratch.resolve("data")), UPSTREAM, Map.of(), env)) {
                HttpResponse<byte[]> r = Lab.get(goferry.url(), PATH);
                goferryStatus = r.statusCode();
                goferryBody = new String(r.body(), StandardCharsets.UTF_8);
            }
            List<String> goferryConnects = List.copyOf(proxy.connects);
            proxy.connects.clear();

            Map<String, String> goEnv = new HashMap<>(go.baseEnvironment(scratch));
            goEnv.putAll(env);
            goEnv.put("GOPROXY", UPSTREAM);
            goEnv.put("GOSUMDB", "off");
            goEnv.put("GOFLAGS", "-modcacherw");
            GoClient.GoResult r = go.run(Files.createDirectories(scratch.resolve("work")), goEnv, 60,
                    "list", "-m", "-versions", "example.com/m");
            String what = go.version() + " via " + proxy.url(userinfo) + (withCa ? " with" : " without") + " SSL_CERT_FILE";
            assertThat(goferryConnects).as("%s: goferry's CONNECTs", what).isNotEmpty();
            assertThat(proxy.connects).as("%s: go's CONNECTs; go said %s", what, r.stderr()).isNotEmpty();
            // Go sends the credentials at once; the JDK client after the proxy's 407: compare the
            // CONNECT that opened the tunnel (the last one), and go's must have been its first.
            assertThat(proxy.connects).as("%s: go needs no 407", what).hasSize(1);
            assertThat(goferryConnects.getLast()).as("%s: goferry's CONNECT as go's", what).isEqualTo(proxy.connects.getFirst());
            if (withCa) {
                assertThat(r.stdout()).as("%s: go sees the list; %s", what, r.stderr()).contains("example.com/m v1.0.0");
                assertThat(goferryStatus).as("%s: goferry; %s", what, goferryBody).isEqualTo(200);
                assertThat(goferryBody).isEqualTo("v1.0.0\n");
            } else {
                assertThat(r.stderr()).as("%s: go refuses the certificate", what).contains("certificate signed by unknown authority");
                assertThat(goferryStatus).as("%s: goferry refuses it too; %s", what, goferryBody).isEqualTo(502);
                assertThat(goferryBody).as(what).containsIgnoringCase("certificat");
            }
        }
    }
}
