package dev.goferry.net.tls;

import dev.goferry.net.Endpoint;
import dev.goferry.net.RecordingProbeListener;
import dev.goferry.net.lab.Loopback;
import dev.goferry.net.lab.Nginx;
import dev.goferry.testkit.netlab.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Handshakes with a real nginx serving certificates from a test CA made with openssl. */
class TlsProbeTest {

    @TempDir
    static Path scratch;
    static TestPki ca;
    static TestPki stranger;
    static Nginx nginx;
    static List<X509Certificate> roots;

    @BeforeAll
    static void start() {
        ca = TestPki.createCa(scratch, "lab", "goferry lab CA");
        stranger = TestPki.createCa(scratch, "stranger", "stranger CA");
        roots = List.of(ca.caCertificate());
        nginx = Nginx.start(scratch, List.of(
                Nginx.Site.tls("valid", ca.issue("valid", "localhost", List.of("DNS:localhost", "IP:127.0.0.1"), 30)),
                Nginx.Site.tls("expired", ca.issue("expired", "localhost", List.of("DNS:localhost"), -1)),
                Nginx.Site.tls("wronghost", ca.issue("wronghost", "other.test", List.of("DNS:other.test",
                        "DNS:*.other.test"), 30)),
                Nginx.Site.tls("cnonly", ca.issue("cnonly", "localhost", List.of(), 30)),
                Nginx.Site.tls("unknown", stranger.issue("unknown", "localhost", List.of("DNS:localhost"), 30)),
                // An EC certificate with only an RSA-key-exchange cipher: no cipher both sides can use,
                // so nginx (OpenSSL) answers the ClientHello with a handshake_failure alert.
                Nginx.Site.tls("nocipher", ca.issue("nocipher", "localhost", List.of("DNS:localhost"), 30),
                        "ssl_protocols TLSv1.2; ssl_ciphers AES128-SHA;"),
                Nginx.Site.plain("plain")));
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
    }

    private final RecordingProbeListener events = RecordingProbeListener.onSystemClock();

    private TlsOutcome handshake(String site, String host, TlsProbe probe) throws Exception {
        Socket socket = new Socket();
        socket.connect(nginx.address(site), 2000);
        TlsProbe.Handshake h = probe.handshake(Endpoint.https(host, nginx.port(site)), socket, host, TlsProbe.GO_ALPN,
                roots, Duration.ofSeconds(5), events);
        h.socket().ifPresent(s -> {
            try {
                s.close();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return h.outcome();
    }

    static Stream<Arguments> verdicts() {
        return Stream.of(
                Arguments.of("valid", "localhost", (Consumer<TlsVerdict>) v ->
                        assertThat(v).isInstanceOfSatisfying(TlsVerdict.Verified.class, ok -> assertThat(ok.path())
                                .extracting(CertificateInfo::subject).containsExactly("CN=localhost", "CN=goferry lab CA"))),
                Arguments.of("valid", "LOCALHOST.", (Consumer<TlsVerdict>) v ->
                        assertThat(v).isInstanceOf(TlsVerdict.Verified.class)),
                Arguments.of("valid", "127.0.0.1", (Consumer<TlsVerdict>) v ->
                        assertThat(v).isInstanceOf(TlsVerdict.Verified.class)),
                Arguments.of("expired", "localhost", (Consumer<TlsVerdict>) v ->
                        assertThat(v).isInstanceOfSatisfying(TlsVerdict.NotValidAtTime.class, n -> {
                            assertThat(n.expired()).isTrue();
                            assertThat(n.subject()).isEqualTo("CN=localhost");
                            assertThat(n.notAfter()).isBefore(n.now());
                        })),
                Arguments.of("wronghost", "localhost", (Consumer<TlsVerdict>) v ->
                        assertThat(v).isInstanceOfSatisfying(TlsVerdict.HostnameMismatch.class, m -> {
                            assertThat(m.dnsNames()).containsExactly("other.test", "*.other.test");
                            assertThat(m.legacyCommonNameOnly()).isFalse();
                        })),
                Arguments.of("wronghost", "a.other.test", (Consumer<TlsVerdict>) v ->
                        assertThat(v).isInstanceOf(TlsVerdict.Verified.class)),
                Arguments.of("wronghost", "a.b.other.test", (Consumer<TlsVerdict>) v ->
                        assertThat(v).isInstanceOf(TlsVerdict.HostnameMismatch.class)),
                Arguments.of("cnonly", "localhost", (Consumer<TlsVerdict>) v ->
                        assertThat(v).isInstanceOfSatisfying(TlsVerdict.HostnameMismatch.class, m -> {
                            assertThat(m.dnsNames()).isEmpty();
                            assertThat(m.legacyCommonNameOnly()).isTrue();
                        })),
                Arguments.of("valid", "127.0.0.2", (Consumer<TlsVerdict>) v ->
                        assertThat(v).isInstanceOfSatisfying(TlsVerdict.HostnameMismatch.class,
                                m -> assertThat(m.ipAddresses()).containsExactly("127.0.0.1"))),
                Arguments.of("unknown", "localhost", (Consumer<TlsVerdict>) v ->
                        assertThat(v).isInstanceOfSatisfying(TlsVerdict.UnknownAuthority.class,
                                u -> assertThat(u.issuer()).isEqualTo("CN=stranger CA"))));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource
    void verdicts(String site, String host, Consumer<TlsVerdict> check) throws Exception {
        TlsOutcome outcome = handshake(site, host, TlsProbe.system());

        assertThat(outcome).as("handshake with %s as %s", site, host).isInstanceOfSatisfying(TlsOutcome.Completed.class,
                c -> {
                    assertThat(c.session().protocol()).isIn("TLSv1.3", "TLSv1.2");
                    assertThat(c.session().alpn()).as("ALPN offered h2, http/1.1 to nginx with http2").contains("h2");
                    assertThat(c.session().chain()).isNotEmpty();
                    assertThat(c.session().chain().getFirst().sha256()).hasSize(64);
                    check.accept(c.verdict());
                });
    }

    @Test
    void chainIsNotYetValidOnAnEarlierDay() throws Exception {
        Clock y2000 = Clock.fixed(Instant.parse("2000-01-01T00:00:00Z"), ZoneOffset.UTC);
        TlsOutcome outcome = handshake("valid", "localhost", new TlsProbe(new ChainVerifier(y2000), System::nanoTime));

        assertThat(outcome).isInstanceOfSatisfying(TlsOutcome.Completed.class, c ->
                assertThat(c.verdict()).isInstanceOfSatisfying(TlsVerdict.NotValidAtTime.class,
                        n -> assertThat(n.expired()).isFalse()));
    }

    @Test
    void withoutAlpnOverlapOnlyHttp11IsOffered() throws Exception {
        Socket socket = new Socket();
        socket.connect(nginx.address("valid"), 2000);
        TlsProbe.Handshake h = TlsProbe.system().handshake(Endpoint.https("localhost", nginx.port("valid")), socket,
                "localhost", List.of("http/1.1"), roots, Duration.ofSeconds(5), events);
        h.socket().orElseThrow().close();
        assertThat(h.outcome()).isInstanceOfSatisfying(TlsOutcome.Completed.class,
                c -> assertThat(c.session().alpn()).contains("http/1.1"));
    }

    @Test
    void plainHttpServerFailsTheHandshake() throws Exception {
        TlsOutcome outcome = handshake("plain", "localhost", TlsProbe.system());

        assertThat(outcome).isInstanceOfSatisfying(TlsOutcome.Failed.class, f -> {
            assertThat(f.chainSeen()).isEmpty();
            assertThat(f.message()).isNotBlank();
        });
        assertThat(events.events()).extracting(e -> e.getClass().getSimpleName()).containsExactly("TlsStart", "TlsFailed");
    }

    @Test
    void serverAlertIsEvidence() throws Exception {
        TlsOutcome outcome = handshake("nocipher", "localhost", TlsProbe.system());

        assertThat(outcome).isInstanceOfSatisfying(TlsOutcome.Failed.class, f -> {
            assertThat(f.alert()).contains("handshake_failure");
            assertThat(f.chainSeen()).isEmpty();
        });
    }

    @Test
    void silentServerTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, Loopback.v4()); Socket socket = new Socket()) {
            socket.connect(silent.getLocalSocketAddress(), 2000);
            TlsProbe.Handshake h = TlsProbe.system().handshake(Endpoint.https("localhost", silent.getLocalPort()),
                    socket, "localhost", TlsProbe.GO_ALPN, roots, Duration.ofMillis(500), events);

            assertThat(h.outcome()).isInstanceOf(TlsOutcome.TimedOut.class);
            assertThat(h.socket()).isEmpty();
        }
    }
}
