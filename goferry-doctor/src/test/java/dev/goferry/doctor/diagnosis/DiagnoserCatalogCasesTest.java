package dev.goferry.doctor.diagnosis;

import static dev.goferry.doctor.diagnosis.Recorded.Ev;
import static dev.goferry.doctor.diagnosis.Recorded.Net;
import static dev.goferry.doctor.diagnosis.Recorded.all;
import static dev.goferry.doctor.diagnosis.Recorded.ms;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.doctor.evidence.FileProxyEvidence;
import dev.goferry.doctor.evidence.LocalEvidence;
import dev.goferry.doctor.evidence.TargetEvidence;
import dev.goferry.doctor.protocol.ProtocolVerdict;
import dev.goferry.doctor.target.TargetKind;
import dev.goferry.net.dns.DnsOutcome;
import dev.goferry.net.http.HttpOutcome;
import dev.goferry.net.proxy.ConnectOutcome;
import dev.goferry.net.tcp.TcpOutcome;
import dev.goferry.net.tls.TlsOutcome;
import dev.goferry.net.tls.TlsVerdict;
import dev.goferry.net.wire.Header;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One recorded scenario per catalog cause: the diagnosis names exactly the expected causes, each
 * with its layer ({@code id@layer}, {@code !} marks a warning). Evidence is built as goferry-net
 * records it; nothing here touches the network.
 */
class DiagnoserCatalogCasesTest {

    record Case(String name, DiagnosisContext ctx, List<TargetEvidence> evidence, Set<String> unfinished,
                List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case of(String name, Net net, List<Ev> evs, String... expected) {
        return new Case(name, net.context(), evs.stream().map(Ev::build).toList(), Set.of(), List.of(expected));
    }

    /** A case whose run ended at its deadline with {@code unfinished} targets still running. */
    static Case cutOff(String name, Net net, List<Ev> evs, Set<String> unfinished, String... expected) {
        return new Case(name, net.context(), evs.stream().map(Ev::build).toList(), unfinished, List.of(expected));
    }

    static final String PGO = "https://proxy.golang.org";

    static Stream<Case> cases() {
        Net plain = Net.of();
        Net corpProxy = Net.of("HTTPS_PROXY", "http://proxy.corp.example:3128", "HTTP_PROXY", "http://proxy.corp.example:3128");
        return Stream.of(
                of("healthy", plain, List.of(Ev.healthy(plain.goproxy(PGO)), Ev.healthy(plain.sumdb()),
                        Ev.healthy(plain.releaseIndex())), "healthy@local"),
                of("net.offline", plain.local(Recorded.offline()), List.of(
                        Ev.healthy(plain.goproxy(PGO)).dnsFails(new DnsOutcome.NetworkError("PortUnreachableException", "unreachable", ms(1))),
                        Ev.healthy(plain.sumdb()).dnsFails(new DnsOutcome.Timeout(ms(5000)))), "net.offline@local"),
                of("dns.nxdomain", Net.of(), List.of(Ev.healthy(plain.goproxy(PGO)).nxdomain()), "dns.nxdomain@dns"),
                of("dns.timeout", Net.of(), List.of(Ev.healthy(plain.goproxy(PGO)).dnsFails(new DnsOutcome.Timeout(ms(5000)))),
                        "dns.timeout@dns"),
                of("dns.servfail", Net.of(), List.of(Ev.healthy(plain.goproxy(PGO)).dnsFails(new DnsOutcome.ServFail(ms(20)))),
                        "dns.servfail@dns"),
                of("dns.hijacked (bogon answer, wrong certificate)", Net.of(), List.of(Ev.healthy(plain.goproxy(PGO))
                        .resolves("10.10.10.10").publicAnswers("142.250.66.81")
                        .tls(new TlsVerdict.HostnameMismatch("proxy.golang.org", List.of("portal.isp.example"), List.of(), false),
                                Ev.cert("CN=portal.isp.example", "CN=ISP CA", List.of("portal.isp.example")))),
                        "dns.hijacked@dns"),
                of("dns.hosts-override", Net.of(), List.of(Ev.healthy(plain.goproxy(PGO)).hostsFile("127.0.0.2")
                        .tcpFails(new TcpOutcome.Refused("Connection refused", ms(1)))), "dns.hosts-override@dns"),
                of("ipv6.broken", Net.of(), List.of(Ev.healthy(plain.goproxy(PGO)).ipv6Broken()), "!ipv6.broken@tcp"),
                of("tcp.refused", Net.of(), List.of(Ev.healthy(plain.goproxy(PGO))
                        .tcpFails(new TcpOutcome.Refused("Connection refused", ms(1)))), "tcp.refused@tcp"),
                of("tcp.timeout", Net.of(), List.of(Ev.healthy(plain.goproxy(PGO))
                        .tcpFails(new TcpOutcome.TimedOut(ms(10000)))), "tcp.timeout@tcp"),
                of("tcp.reset", Net.of(), List.of(Ev.healthy(plain.goproxy(PGO))
                        .tcpFails(new TcpOutcome.Reset("Connection reset", ms(3)))), "tcp.reset@tcp"),
                of("tcp.unreachable", Net.of(), List.of(Ev.healthy(plain.goproxy(PGO))
                        .tcpFails(new TcpOutcome.Unreachable("No route to host", ms(3)))), "tcp.unreachable@tcp"),
                of("proxy.unreachable", corpProxy, List.of(Ev.healthy(corpProxy.goproxy(PGO))
                        .tcpFails(new TcpOutcome.Refused("Connection refused", ms(1)))), "proxy.unreachable@proxy"),
                of("proxy.auth-required", corpProxy, List.of(Ev.healthy(corpProxy.goproxy(PGO))
                        .connect(new ConnectOutcome.AuthenticationRequired("Proxy Authentication Required",
                                List.of(ConnectOutcome.Challenge.parse("Basic realm=\"corp\"")), false, List.of(), ms(4)))),
                        "proxy.auth-required@proxy"),
                of("proxy.forbidden", corpProxy, List.of(Ev.healthy(corpProxy.goproxy(PGO))
                        .connect(new ConnectOutcome.Forbidden("Forbidden", List.of(), ms(4)))), "proxy.forbidden@proxy"),
                of("proxy.misconfigured (not an HTTP proxy)", corpProxy, List.of(Ev.healthy(corpProxy.goproxy(PGO))
                        .connect(new ConnectOutcome.Malformed("\\x15\\x03\\x01\\x00\\x02", "no status line", ms(4)))),
                        "proxy.misconfigured@proxy"),
                of("proxy.misconfigured (CGI refuses HTTP_PROXY)", Net.of("HTTP_PROXY", "http://proxy:3128", "REQUEST_METHOD", "GET"),
                        List.of(Ev.healthy(Net.of("HTTP_PROXY", "http://proxy:3128", "REQUEST_METHOD", "GET")
                                .user("http://mirror.example.net/"))), "proxy.misconfigured@proxy"),
                of("proxy.bypassed", Net.of("HTTPS_PROXY", "http://proxy.corp.example:3128", "NO_PROXY", ".golang.org,.corp.example"),
                        List.of(Ev.healthy(Net.of("HTTPS_PROXY", "http://proxy.corp.example:3128", "NO_PROXY", ".golang.org,.corp.example")
                                .goproxy(PGO)).tcpFails(new TcpOutcome.TimedOut(ms(10000)))), "proxy.bypassed@proxy"),
                of("proxy.missing-https", Net.of("HTTP_PROXY", "http://proxy.corp.example:3128"),
                        List.of(Ev.healthy(Net.of("HTTP_PROXY", "http://proxy.corp.example:3128").goproxy(PGO))
                                .tcpFails(new TcpOutcome.TimedOut(ms(10000)))), "proxy.missing-https@proxy"),
                of("proxy.upstream-failed", corpProxy, List.of(Ev.healthy(corpProxy.goproxy(PGO))
                        .connect(new ConnectOutcome.OtherStatus(502, "Bad Gateway", List.of(), ms(900)))),
                        "proxy.upstream-failed@proxy"),
                of("tls.intercepted (middlebox issuer)", Net.of(), List.of(Ev.healthy(plain.goproxy(PGO))
                        .tls(new TlsVerdict.UnknownAuthority("CN=Zscaler Root CA", "PKIX path building failed"),
                                Ev.cert("CN=proxy.golang.org", "CN=Zscaler Intermediate Root CA", List.of("proxy.golang.org")))),
                        "tls.intercepted@tls"),
                of("tls.untrusted (private CA on a private mirror)", Net.of("GOPROXY", "https://athens.corp.internal"),
                        List.of(Ev.healthy(Net.of("GOPROXY", "https://athens.corp.internal").goproxy("https://athens.corp.internal"))
                                .tls(new TlsVerdict.UnknownAuthority("CN=Corp Dev CA", "PKIX path building failed"),
                                        Ev.cert("CN=athens.corp.internal", "CN=Corp Dev CA", List.of("athens.corp.internal")))),
                        "tls.untrusted@tls"),
                of("tls.expired", Net.of(), List.of(Ev.healthy(plain.goproxy(PGO)).tls(new TlsVerdict.NotValidAtTime(
                        "CN=proxy.golang.org", Recorded.NOW.minus(Duration.ofDays(90)), Recorded.NOW.minus(Duration.ofDays(1)),
                        Recorded.NOW))), "tls.expired@tls"),
                of("tls.hostname-mismatch", Net.of(), List.of(Ev.healthy(plain.goproxy(PGO)).tls(new TlsVerdict.HostnameMismatch(
                        "proxy.golang.org", List.of("*.example.com"), List.of(), false))), "tls.hostname-mismatch@tls"),
                of("tls.clock-skew", Net.of().local(skewed(Duration.ofDays(200))), List.of(Ev.healthy(plain.goproxy(PGO))
                        .tls(new TlsVerdict.NotValidAtTime("CN=proxy.golang.org", Recorded.NOW.minus(Duration.ofDays(30)),
                                Recorded.NOW.plus(Duration.ofDays(60)), Recorded.NOW.plus(Duration.ofDays(200))))),
                        "tls.clock-skew@tls"),
                // The servers' clock 3 days ahead, read from a Date header 0.8 s coarse, and a certificate
                // issued the very second it shows: still the clock, not the certificate.
                of("tls.clock-skew (certificate issued the second the servers' clock shows)",
                        Net.of().local(skewed(Duration.ofDays(-3).plusMillis(800))), List.of(Ev.healthy(plain.goproxy(PGO))
                        .tls(new TlsVerdict.NotValidAtTime("CN=proxy.golang.org", Recorded.NOW.plus(Duration.ofDays(3)),
                                Recorded.NOW.plus(Duration.ofDays(33)), Recorded.NOW))),
                        "tls.clock-skew@tls"),
                of("tls.handshake-failure", Net.of(), List.of(Ev.healthy(plain.goproxy(PGO))
                        .tlsFails(new TlsOutcome.TimedOut(List.of(), ms(10000)))), "tls.handshake-failure@tls"),
                of("http.forbidden", Net.of(), List.of(Ev.healthy(plain.goproxy(PGO)).status(403, "Forbidden")),
                        "http.forbidden@http"),
                of("http.not-found", Net.of(), List.of(Ev.healthy(plain.goproxy(PGO)).status(404, "Not Found")),
                        "http.not-found@http"),
                of("http.server-error", Net.of(), List.of(Ev.healthy(plain.goproxy(PGO)).status(502, "Bad Gateway")),
                        "http.server-error@http"),
                of("http.unexpected-content (captive portal 200)", Net.of(), List.of(Ev.healthy(plain.goproxy(PGO))
                        .protocol(new ProtocolVerdict.Unexpected("html-page", "Hotel Wi-Fi login"))),
                        "http.unexpected-content@protocol"),
                of("goproxy.off", Net.of("GOPROXY", "off"), List.of(Ev.healthy(plain.sumdb())), "goproxy.off@local"),
                of("goproxy.invalid", Net.of("GOPROXY", "ftp://mirror.example"), List.of(Ev.healthy(plain.sumdb())),
                        "goproxy.invalid@local"),
                of("goproxy.no-fallback", Net.of("GOPROXY", "https://goproxy.io,https://proxy.golang.org,direct"), List.of(
                        Ev.healthy(plain.goproxy("https://goproxy.io")).tcpFails(new TcpOutcome.TimedOut(ms(10000))),
                        Ev.healthy(plain.goproxy(PGO))), "tcp.timeout@tcp", "goproxy.no-fallback@http"),
                of("goproxy.private-leak", Net.of(), List.of(Ev.healthy(plain.goproxyFor(PGO, "git.corp.example.com/team/lib"))
                        .status(404, "Not Found")), "goproxy.private-leak@http"),
                of("goproxy.file-unreadable", Net.of("GOPROXY", "file:///srv/goproxy"), List.of(fileProxy()),
                        "goproxy.file-unreadable@local"),
                of("sumdb.unreachable (direct blocked, proxy does not serve it)", Net.of(), List.of(
                        Ev.healthy(plain.goproxy(PGO)), Ev.healthy(plain.sumdbViaProxy(PGO)).status(404, "Not Found"),
                        Ev.healthy(plain.sumdb()).tcpFails(new TcpOutcome.TimedOut(ms(10000)))), "sumdb.unreachable@tcp"),
                of("sumdb.disabled", Net.of("GOSUMDB", "off"), List.of(Ev.healthy(plain.goproxy(PGO))), "!sumdb.disabled@local"),
                of("sumdb.invalid", Net.of("GOSUMDB", "a b c"), List.of(Ev.healthy(plain.goproxy(PGO))), "sumdb.invalid@local"),
                of("network.slow on a , entry before a working one: go waits, it does not stop (no goproxy.no-fallback)",
                        Net.of("GOPROXY", "https://goproxy.io,https://proxy.golang.org,direct"), List.of(
                        Ev.healthy(plain.goproxy("https://goproxy.io")).throughput(200_000, Duration.ofSeconds(30), 3, false),
                        Ev.healthy(plain.goproxy(PGO))), "network.slow@throughput"),
                of("network.slow (stalls)", Net.of(), List.of(Ev.healthy(plain.goproxy(PGO))
                        .throughput(200_000, Duration.ofSeconds(30), 3, false)), "network.slow@throughput"),
                of("network.slow (slow but complete: a warning)", Net.of(), List.of(Ev.healthy(plain.goproxy(PGO))
                        .throughput(100_000, Duration.ofSeconds(10), 0, true)), "!network.slow@throughput"),
                of("network.slow (slow and cut short by the time box, no stall)", Net.of(), List.of(
                        Ev.healthy(plain.goproxy(PGO)).throughput(40_000, Duration.ofSeconds(4), 0, false)),
                        "network.slow@throughput"),
                of("healthy (a small object whole: latency, not rate)", Net.of(), List.of(Ev.healthy(plain.goproxy(PGO))
                        .throughput(22, Duration.ofMillis(200), 0, true)), "healthy@local"),
                of("healthy (fast, cut short by the time box: the object was larger than the budget)", Net.of(),
                        List.of(Ev.healthy(plain.goproxy(PGO)).throughput(1_500_000, Duration.ofSeconds(4), 0, false)),
                        "healthy@local"),
                cutOff("doctor.incomplete (nothing failed, one target cut off: no verdict of health)", plain,
                        List.of(Ev.healthy(plain.goproxy(PGO)), Ev.healthy(plain.sumdb())),
                        Set.of(plain.sumdb().id()), "!doctor.incomplete@local"),
                cutOff("a cause found beside a cut-off target is the verdict", Net.of(),
                        List.of(Ev.healthy(plain.goproxy(PGO)).nxdomain(), Ev.healthy(plain.sumdb())),
                        Set.of(plain.sumdb().id()), "dns.nxdomain@dns"));
    }

    static LocalEvidence skewed(Duration ahead) {
        LocalEvidence on = Recorded.online();
        Instant server = Recorded.NOW;
        return new LocalEvidence(on.interfaces(), on.defaultRouteV4(), on.defaultRouteV6(), on.resolvConf(), List.of(),
                List.of(new LocalEvidence.ClockSample("proxy.golang.org", server.plus(ahead), server),
                        new LocalEvidence.ClockSample("go.dev", server.plus(ahead), server)));
    }

    static Ev fileProxy() {
        var t = new dev.goferry.doctor.target.Target(dev.goferry.doctor.target.Target.idOf(TargetKind.FILE_PROXY,
                "file:///srv/goproxy"), TargetKind.FILE_PROXY, "file:///srv/goproxy", Optional.empty(), "", 0,
                Recorded.direct(), Optional.empty(), dev.goferry.doctor.Message.of("doctor.why.file-proxy", "1"));
        return Ev.healthy(t).file(new FileProxyEvidence("/srv/goproxy", false, false, false,
                Optional.empty(), false, Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void namesExactlyTheCausesWithTheirLayers(Case c) {
        Diagnosis d = Diagnoser.diagnose(c.ctx(), c.evidence(), c.unfinished());
        List<String> got = d.causes().stream().map(DiagnoserCatalogCasesTest::describe).toList();
        assertThat(got).as("causes of %s (evidence lines: %s)", c.name(),
                d.causes().stream().flatMap(x -> x.evidence().stream()).toList())
                .containsExactlyInAnyOrderElementsOf(c.expected());
        assertThat(d.exitCode()).as("exit code of %s", c.name()).isEqualTo(d.healthy() ? 0 : 1);
        for (Cause cause : d.causes()) {
            assertThat(cause.fixes()).as("fixes of %s in %s", cause.id().id(), c.name()).isNotEmpty();
            if (cause.id() != CauseId.HEALTHY) {
                assertThat(cause.evidence()).as("evidence of %s in %s", cause.id().id(), c.name()).isNotEmpty();
            }
        }
    }

    static String describe(Cause c) {
        return (c.severity() == dev.goferry.doctor.Status.WARN ? "!" : "") + c.id().id() + "@" + c.layer().id();
    }

    @Test
    void everyCatalogCauseHasACase() {
        Set<String> covered = cases().flatMap(c -> c.expected().stream())
                .map(s -> s.replace("!", "").replaceFirst("@.*", "")).collect(Collectors.toSet());
        Set<String> all = EnumSet.allOf(CauseId.class).stream().map(CauseId::id).collect(Collectors.toSet());
        assertThat(covered).as("cause ids with a recorded case").containsAll(all);
    }
}
