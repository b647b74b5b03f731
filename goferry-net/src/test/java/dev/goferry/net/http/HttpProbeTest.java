package dev.goferry.net.http;

import dev.goferry.net.Phase;
import dev.goferry.net.PhaseTiming;
import dev.goferry.net.ProbeEvent;
import dev.goferry.net.ProbeListener;
import dev.goferry.net.dns.Resolver;
import dev.goferry.net.lab.Fault;
import dev.goferry.net.lab.FaultServer;
import dev.goferry.net.lab.Loopback;
import dev.goferry.net.lab.Nginx;
import dev.goferry.testkit.netlab.TestPki;
import dev.goferry.net.lab.Tinyproxy;
import dev.goferry.net.proxy.ConnectOutcome;
import dev.goferry.net.proxy.ProxyUrl;
import dev.goferry.net.tcp.TcpAttempt;
import dev.goferry.net.tcp.TcpOutcome;
import dev.goferry.net.tls.TlsOutcome;
import dev.goferry.net.tls.TlsVerdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole-walk HTTP probes against a real nginx (TLS from a test CA), a real tinyproxy and scripted faults. */
class HttpProbeTest {

    @TempDir
    static Path scratch;
    static TestPki ca;
    static Nginx nginx;
    static Tinyproxy proxy;
    static List<X509Certificate> roots;

    private static final Limits LIMITS = Limits.GO_DEFAULTS.withAllTimeouts(Duration.ofSeconds(5));
    private final HttpProbe probe = HttpProbe.system(Resolver.fixed(Map.of(
            "localhost", List.of(Loopback.v4()), "127.0.0.1", List.of(Loopback.v4()))));

    @BeforeAll
    static void start() {
        ca = TestPki.createCa(scratch, "lab", "goferry lab CA");
        roots = List.of(ca.caCertificate());
        nginx = Nginx.start(scratch, List.of(
                Nginx.Site.tls("valid", ca.issue("valid", "localhost", List.of("DNS:localhost"), 30)),
                Nginx.Site.tls("expired", ca.issue("expired", "localhost", List.of("DNS:localhost"), -1)),
                Nginx.Site.plain("plain")));
        proxy = Tinyproxy.start(scratch, "proxy", Optional.empty(), List.of());
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (nginx != null) {
            nginx.close();
        }
    }

    private static URI https(String site, String path) {
        return URI.create("https://localhost:" + nginx.port(site) + path);
    }

    private static HttpOutcome.Response response(HttpProbeReport r) {
        assertThat(r.http()).as("http evidence of %s", r.url()).isPresent();
        assertThat(r.http().get()).as("http outcome of %s", r.url()).isInstanceOf(HttpOutcome.Response.class);
        return (HttpOutcome.Response) r.http().get();
    }

    @Test
    void directHttpsGetWalksEveryLayer() {
        HttpProbeReport r = probe.probe("GET", https("valid", "/ok"), Optional.empty(), roots, LIMITS,
                ProbeListener.NONE);

        assertThat(r.tls()).get().isInstanceOfSatisfying(TlsOutcome.Completed.class,
                c -> assertThat(c.verdict()).isInstanceOf(TlsVerdict.Verified.class));
        HttpOutcome.Response resp = response(r);
        assertThat(resp.status()).isEqualTo(200);
        assertThat(resp.bodyBytes()).isEqualTo("hello\n".length());
        assertThat(new String(resp.bodySample(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("hello\n");
        assertThat(resp.bodyEnd()).isEqualTo(HttpOutcome.BodyEnd.COMPLETE);
        assertThat(r.timeline().phases()).extracting(PhaseTiming::phase)
                .containsExactly(Phase.DNS, Phase.CONNECT, Phase.TLS, Phase.WAIT, Phase.BODY);
        assertThat(r.timeline().phases()).allMatch(PhaseTiming::succeeded);
    }

    static Stream<Arguments> responses() {
        return Stream.of(
                Arguments.of("GET", "/redirect", 302, HttpOutcome.BodyEnd.COMPLETE, "/ok"),
                Arguments.of("GET", "/missing", 404, HttpOutcome.BodyEnd.COMPLETE, ""),
                Arguments.of("HEAD", "/big", 200, HttpOutcome.BodyEnd.NONE, ""),
                Arguments.of("GET", "/big", 200, HttpOutcome.BodyEnd.COMPLETE, ""));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource
    void responses(String method, String path, int status, HttpOutcome.BodyEnd end, String locationSuffix) {
        HttpOutcome.Response resp = response(probe.probe(method, https("valid", path), Optional.empty(), roots, LIMITS,
                ProbeListener.NONE));

        assertThat(resp.status()).as("%s %s status", method, path).isEqualTo(status);
        assertThat(resp.bodyEnd()).as("%s %s body end", method, path).isEqualTo(end);
        if (locationSuffix.isEmpty()) {
            assertThat(resp.location()).isEmpty();
        } else {
            assertThat(resp.location()).hasValueSatisfying(l -> assertThat(l).endsWith(locationSuffix));
        }
        if (method.equals("HEAD")) {
            assertThat(resp.bodyBytes()).isZero();
        }
        if (path.equals("/big") && method.equals("GET")) {
            assertThat(resp.bodyBytes()).isEqualTo(Nginx.BIG_BYTES);
        }
    }

    @Test
    void bodyIsReadOnlyUpToTheCap() {
        HttpOutcome.Response resp = response(probe.probe("GET", https("valid", "/big"), Optional.empty(), roots,
                LIMITS.withBodyCap(10_000), ProbeListener.NONE));

        assertThat(resp.bodyEnd()).isEqualTo(HttpOutcome.BodyEnd.CAPPED);
        assertThat(resp.bodyBytes()).isEqualTo(10_000);
        assertThat(resp.bodySample()).as("the sample keeps the first bytes, up to the cap").hasSize(10_000);
    }

    @Test
    void bodySampleStopsAtItsOwnCapWhileTheBodyIsCounted() {
        HttpOutcome.Response resp = response(probe.probe("GET", https("valid", "/big"), Optional.empty(), roots, LIMITS,
                ProbeListener.NONE));

        assertThat(resp.bodyBytes()).isGreaterThan(HttpOutcome.Response.SAMPLE_CAP);
        assertThat(resp.bodySample()).hasSize(HttpOutcome.Response.SAMPLE_CAP);
    }

    @Test
    void expiredCertificateIsEvidenceAndTheWalkGoesOn() {
        HttpProbeReport r = probe.probe("GET", https("expired", "/ok"), Optional.empty(), roots, LIMITS,
                ProbeListener.NONE);

        assertThat(r.tls()).get().isInstanceOfSatisfying(TlsOutcome.Completed.class,
                c -> assertThat(c.verdict()).isInstanceOf(TlsVerdict.NotValidAtTime.class));
        assertThat(response(r).status()).isEqualTo(200);
    }

    @Test
    void httpsThroughTinyproxyTunnels() {
        HttpProbeReport r = probe.probe("GET", https("valid", "/ok"), Optional.of(ProxyUrl.parse(proxy.url(""))),
                roots, LIMITS, ProbeListener.NONE);

        assertThat(r.dialedHost()).isEqualTo("127.0.0.1");
        assertThat(r.proxyConnect()).get().isInstanceOf(ConnectOutcome.Established.class);
        assertThat(r.tls()).get().isInstanceOfSatisfying(TlsOutcome.Completed.class,
                c -> assertThat(c.verdict()).isInstanceOf(TlsVerdict.Verified.class));
        assertThat(response(r).status()).isEqualTo(200);
        assertThat(r.timeline().phases()).extracting(PhaseTiming::phase)
                .containsExactly(Phase.DNS, Phase.CONNECT, Phase.PROXY, Phase.TLS, Phase.WAIT, Phase.BODY);
    }

    @Test
    void plainHttpThroughTinyproxyUsesTheAbsoluteForm() {
        URI url = URI.create("http://127.0.0.1:" + nginx.port("plain") + "/ok");
        HttpProbeReport r = probe.probe("GET", url, Optional.of(ProxyUrl.parse(proxy.url(""))), roots, LIMITS,
                ProbeListener.NONE);

        assertThat(r.proxyConnect()).isEmpty();
        assertThat(r.tls()).isEmpty();
        HttpOutcome.Response resp = response(r);
        assertThat(resp.status()).isEqualTo(200);
        assertThat(resp.headers()).extracting(h -> h.name().toLowerCase()).contains("via"); // tinyproxy was on the path
    }

    @Test
    void plainHttpProxyRequestIsWhatGoSends() throws Exception {
        try (FaultServer fake = new FaultServer(new Fault.Reply("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))) {
            ProxyUrl p = ProxyUrl.parse("http://bob:pw@127.0.0.1:" + fake.address().getPort());
            HttpProbeReport r = probe.probe("GET", URI.create("http://mirror.test:8080/a%2Fb?x=1"), Optional.of(p),
                    roots, LIMITS, ProbeListener.NONE);

            assertThat(response(r).bodyBytes()).isEqualTo(2);
            assertThat(fake.requests()).singleElement().asString()
                    .startsWith("GET http://mirror.test:8080/a%2Fb?x=1 HTTP/1.1\r\nHost: mirror.test:8080\r\n")
                    .contains("Proxy-Authorization: Basic "
                            + java.util.Base64.getEncoder().encodeToString("bob:pw".getBytes()) + "\r\n")
                    .contains("Accept-Encoding: gzip\r\n");
        }
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("chunked with extension and trailer", new Fault.Reply("HTTP/1.1 200 OK\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-T: 1\r\n\r\n"),
                        HttpOutcome.BodyEnd.COMPLETE, 11L),
                Arguments.of("stall after 1000 bytes", new Fault.StallAfter("HTTP/1.1 200 OK\r\n"
                        + "Content-Length: 100000\r\n\r\n", 1000), HttpOutcome.BodyEnd.STALLED, 1000L),
                Arguments.of("closed before Content-Length", new Fault.ReplyAndClose("HTTP/1.1 200 OK\r\n"
                        + "Content-Length: 100\r\n\r\n0123456789"), HttpOutcome.BodyEnd.CLOSED_EARLY, 10L),
                Arguments.of("no framing: read to close", new Fault.ReplyAndClose("HTTP/1.0 200 OK\r\n\r\nabc"),
                        HttpOutcome.BodyEnd.COMPLETE, 3L),
                Arguments.of("bad chunk size", new Fault.Reply("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "zz\r\n"), HttpOutcome.BodyEnd.ERROR, 0L),
                Arguments.of("interim 100 Continue skipped", new Fault.Reply("HTTP/1.1 100 Continue\r\n\r\n"
                        + "HTTP/1.1 204 No Content\r\n\r\n"), HttpOutcome.BodyEnd.NONE, 0L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void faults(String name, Fault fault, HttpOutcome.BodyEnd end, long bytes) throws Exception {
        try (FaultServer server = new FaultServer(fault)) {
            URI url = URI.create("http://127.0.0.1:" + server.address().getPort() + "/");
            HttpOutcome.Response resp = response(probe.probe("GET", url, Optional.empty(), roots,
                    LIMITS.withStallAfter(Duration.ofMillis(300)), ProbeListener.NONE));

            assertThat(resp.bodyEnd()).as("%s: body end", name).isEqualTo(end);
            assertThat(resp.bodyBytes()).as("%s: body bytes", name).isEqualTo(bytes);
        }
    }

    static Stream<Arguments> noResponse() {
        return Stream.of(
                Arguments.of(new Fault.Silence(), HttpOutcome.TimedOut.class, Phase.WAIT),
                Arguments.of(new Fault.Close(), HttpOutcome.ClosedBeforeResponse.class, Phase.WAIT),
                // bytes did arrive: the first-byte mark closed WAIT, the failure lands in BODY
                Arguments.of(new Fault.ReplyAndClose("SSH-2.0-OpenSSH_9.2\r\n"), HttpOutcome.Malformed.class,
                        Phase.BODY),
                Arguments.of(new Fault.Reply("HTTP/1.1 OK\r\n\r\n"), HttpOutcome.Malformed.class, Phase.BODY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void noResponse(Fault fault, Class<? extends HttpOutcome> want, Phase failedPhase) throws Exception {
        try (FaultServer server = new FaultServer(fault)) {
            URI url = URI.create("http://127.0.0.1:" + server.address().getPort() + "/");
            HttpProbeReport r = probe.probe("GET", url, Optional.empty(), roots,
                    LIMITS.withAllTimeouts(Duration.ofSeconds(2)), ProbeListener.NONE);

            assertThat(r.http()).as("%s", fault).get().isInstanceOf(want);
            assertThat(r.timeline().phases()).last().satisfies(p -> {
                assertThat(p.phase()).isEqualTo(failedPhase);
                assertThat(p.succeeded()).isFalse();
            });
        }
    }

    @Test
    void unknownHostStopsAtDns() {
        HttpProbeReport r = probe.probe("GET", URI.create("https://nowhere.test/"), Optional.empty(), roots, LIMITS,
                ProbeListener.NONE);

        assertThat(r.dnsError()).isPresent();
        assertThat(r.connects()).isEmpty();
        assertThat(r.http()).isEmpty();
        assertThat(r.timeline().phases()).singleElement().satisfies(p -> {
            assertThat(p.phase()).isEqualTo(Phase.DNS);
            assertThat(p.succeeded()).isFalse();
        });
    }

    @Test
    void refusedPortStopsAtConnect() {
        HttpProbeReport r = probe.probe("GET", URI.create("https://localhost:" + Loopback.freePort() + "/"),
                Optional.empty(), roots, LIMITS, ProbeListener.NONE);

        assertThat(r.connects()).singleElement().extracting(TcpAttempt::outcome).isInstanceOf(TcpOutcome.Refused.class);
        assertThat(r.tls()).isEmpty();
        assertThat(r.http()).isEmpty();
    }

    @Test
    void listenerSeesTheSameEventsTheTimelineUses() {
        dev.goferry.net.RecordingProbeListener outside = dev.goferry.net.RecordingProbeListener.onSystemClock();
        probe.probe("GET", https("valid", "/ok"), Optional.empty(), roots, LIMITS, outside);

        assertThat(outside.events()).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "DnsStart", "DnsEnd", "ConnectStart", "ConnectEnd", "TlsStart", "TlsEnd",
                "RequestSent", "FirstByte", "ResponseEnd");
        assertThat(outside.events()).allSatisfy(e -> assertThat(e.endpoint().port()).isEqualTo(nginx.port("valid")));
        assertThat(outside.events().getLast()).isInstanceOfSatisfying(ProbeEvent.ResponseEnd.class,
                e -> assertThat(e.bodyBytes()).isEqualTo(6));
    }

    @Test
    void hostHeaderOmitsTheDefaultPort() {
        assertThat(HttpProbe.authority("proxy.golang.org", 443, "https")).isEqualTo("proxy.golang.org");
        assertThat(HttpProbe.authority("::1", 8443, "https")).isEqualTo("[::1]:8443");
        assertThat(HttpProbe.requestTarget(URI.create("https://h/a%2Fb?q=1#frag"))).isEqualTo("/a%2Fb?q=1");
        assertThat(HttpProbe.requestTarget(URI.create("https://h"))).isEqualTo("/");
    }
}
