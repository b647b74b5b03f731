package dev.goferry.doctor.diagnosis;

import static dev.goferry.doctor.diagnosis.Recorded.Ev;
import static dev.goferry.doctor.diagnosis.Recorded.Net;
import static dev.goferry.doctor.diagnosis.Recorded.all;
import static dev.goferry.doctor.diagnosis.Recorded.ms;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.doctor.Layer;
import dev.goferry.doctor.Message;
import dev.goferry.doctor.Status;
import dev.goferry.doctor.protocol.ProtocolVerdict;
import dev.goferry.doctor.target.Target;
import dev.goferry.net.dns.DnsOutcome;
import dev.goferry.net.tcp.TcpOutcome;
import dev.goferry.net.tls.TlsVerdict;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several faults at once: the root cause is named, its consequences are not, shared causes are grouped. */
class DiagnoserMultiFaultTest {

    static final String PGO = "https://proxy.golang.org";

    @Test
    void nxdomainForTheProxyIsTheOnlyCauseForIt() {
        Net net = Net.of();
        Diagnosis d = Diagnoser.diagnose(net.context(), all(Ev.healthy(net.goproxy(PGO)).nxdomain()));
        assertThat(d.causeIds()).containsExactly(CauseId.DNS_NXDOMAIN);
        TargetReport r = d.targets().getFirst();
        assertThat(r.root()).contains(CauseId.DNS_NXDOMAIN);
        assertThat(r.findings()).extracting(Finding::layer).containsExactly(Layer.DNS);
        assertThat(d.causes().getFirst().evidence().getFirst())
                .isEqualTo("lookup proxy.golang.org on 10.0.0.53:53: no such host");
    }

    @Test
    void hijackedNameLeadingToATlsFailureAndAPortalIsOnlyTheHijack() {
        Net net = Net.of();
        Diagnosis d = Diagnoser.diagnose(net.context(), all(Ev.healthy(net.goproxy(PGO)).resolves("192.168.1.1")
                .publicAnswers("142.250.66.81")
                .tls(new TlsVerdict.UnknownAuthority("CN=Router", "no path"), Ev.cert("CN=router.lan", "CN=Router", List.of()))
                .protocol(new ProtocolVerdict.Unexpected("html-page", "Router login"))));
        assertThat(d.causeIds()).containsExactly(CauseId.DNS_HIJACKED);
        TargetReport r = d.targets().getFirst();
        assertThat(r.findings()).extracting(Finding::layer, Finding::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Layer.DNS, Status.WARN),
                org.assertj.core.groups.Tuple.tuple(Layer.TCP, Status.OK),
                org.assertj.core.groups.Tuple.tuple(Layer.TLS, Status.FAIL),
                org.assertj.core.groups.Tuple.tuple(Layer.HTTP, Status.OK),
                org.assertj.core.groups.Tuple.tuple(Layer.PROTOCOL, Status.FAIL));
    }

    @Test
    void interceptedTlsBehindWhichTheBodyIsWrongIsOnlyTheInterception() {
        Net net = Net.of();
        Diagnosis d = Diagnoser.diagnose(net.context(), all(Ev.healthy(net.goproxy(PGO))
                .tls(new TlsVerdict.UnknownAuthority("CN=FortiGate CA", "no path"),
                        Ev.cert("CN=proxy.golang.org", "CN=FortiGate CA,O=Fortinet", List.of("proxy.golang.org")))
                .status(403, "Forbidden")));
        assertThat(d.causeIds()).containsExactly(CauseId.TLS_INTERCEPTED);
        assertThat(d.causes().getFirst().explanation().args()).containsExactly("proxy.golang.org", "FortiGate CA");
    }

    @Test
    void offlineMachineGetsExactlyOneCauseNamingEveryTarget() {
        Net net = Net.of().local(Recorded.offline());
        List<Target> targets = List.of(net.goproxy(PGO), net.goproxy("https://goproxy.cn"), net.sumdb(),
                net.releaseIndex(), net.target(dev.goferry.doctor.target.TargetKind.VCS_PUBLIC, "github.com",
                        "https://github.com/?go-get=1"));
        Diagnosis d = Diagnoser.diagnose(net.context(), targets.stream().map(t -> Ev.healthy(t)
                .dnsFails(new DnsOutcome.NetworkError("SocketException", "Network is unreachable", ms(1))).build()).toList());
        assertThat(d.causeIds()).containsExactly(CauseId.NET_OFFLINE);
        Cause c = d.causes().getFirst();
        assertThat(c.targets()).hasSize(5);
        assertThat(c.evidence()).contains("default route: IPv4 none, IPv6 none");
        assertThat(c.fixes().getFirst().args()).containsExactly("export GOPROXY=off GOFLAGS=-mod=mod");
        assertThat(d.targets()).allSatisfy(r -> assertThat(r.root()).contains(CauseId.NET_OFFLINE));
    }

    @Test
    void offlineNeedsTheMachineToBeOffline() {
        Net net = Net.of();  // interfaces up, default route: the same failures are a DNS cause
        Diagnosis d = Diagnoser.diagnose(net.context(), all(
                Ev.healthy(net.goproxy(PGO)).dnsFails(new DnsOutcome.Timeout(ms(5000))),
                Ev.healthy(net.sumdb()).dnsFails(new DnsOutcome.Timeout(ms(5000)))));
        assertThat(d.causeIds()).containsExactly(CauseId.DNS_TIMEOUT);
        assertThat(d.causes().getFirst().hosts()).containsExactly("proxy.golang.org", "sum.golang.org");
        assertThat(d.causes().getFirst().explanation().args()).containsExactly("proxy.golang.org, sum.golang.org",
                "10.0.0.53:53");
    }

    @Test
    void dnsHijackOnFiveTargetsIsOneCauseNamingFive() {
        Net net = Net.of();
        List<Target> targets = List.of(net.goproxy(PGO), net.goproxy("https://goproxy.io"), net.sumdb(), net.releaseIndex(),
                net.target(dev.goferry.doctor.target.TargetKind.RELEASE_DOWNLOAD, "dl.google.com",
                        "https://dl.google.com/go/go1.24.4.linux-amd64.tar.gz"));
        Diagnosis d = Diagnoser.diagnose(net.context(), targets.stream().map(t -> Ev.healthy(t).resolves("127.0.0.1")
                .tcpFails(new TcpOutcome.Refused("Connection refused", ms(1))).build()).toList());
        assertThat(d.causeIds()).containsExactly(CauseId.DNS_HIJACKED);
        Cause c = d.causes().getFirst();
        assertThat(c.targets()).hasSize(5);
        assertThat(c.hosts()).containsExactly("proxy.golang.org", "goproxy.io", "sum.golang.org", "go.dev", "dl.google.com");
        assertThat(c.evidence()).contains("proxy.golang.org: system resolver → 127.0.0.1; public resolvers → not asked");
    }

    @Test
    void interceptedTlsAndAnExpiredCertificateElsewhereAreTwoCauses() {
        Net net = Net.of("GOPROXY", "https://athens.corp.internal,https://proxy.golang.org,direct");
        Diagnosis d = Diagnoser.diagnose(net.context(), all(
                Ev.healthy(net.goproxy("https://athens.corp.internal")).tls(new TlsVerdict.NotValidAtTime(
                        "CN=athens.corp.internal", Recorded.NOW.minus(Duration.ofDays(400)),
                        Recorded.NOW.minus(Duration.ofDays(35)), Recorded.NOW)),
                Ev.healthy(net.goproxy(PGO)).tls(new TlsVerdict.UnknownAuthority("CN=Corp Inspection CA", "no path"),
                        Ev.cert("CN=proxy.golang.org", "CN=Corp Inspection CA", List.of("proxy.golang.org")))));
        assertThat(d.causes()).extracting(c -> c.id(), c -> c.hosts()).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(CauseId.TLS_INTERCEPTED, List.of("proxy.golang.org")),
                org.assertj.core.groups.Tuple.tuple(CauseId.TLS_EXPIRED, List.of("athens.corp.internal")));
        Cause intercepted = d.cause(CauseId.TLS_INTERCEPTED).orElseThrow();
        String fix = intercepted.fixes().getFirst().key();
        assertThat(fix).isEqualTo("cause.tls.intercepted.fix");
        assertThat(intercepted.fixes()).noneMatch(m -> String.join(" ", m.args()).matches(".*(GOINSECURE|GOSUMDB=off|-insecure).*"));
    }

    @Test
    void anUnknownIssuerOnSeveralPrivateHostsIsInterception() {
        Net net = Net.of("GOPROXY", "https://athens.corp.internal,https://mirror.corp.internal,direct");
        Diagnosis d = Diagnoser.diagnose(net.context(), all(
                Ev.healthy(net.goproxy("https://athens.corp.internal")).tls(new TlsVerdict.UnknownAuthority("CN=X", "-"),
                        Ev.cert("CN=athens.corp.internal", "CN=Edge Gateway", List.of())),
                Ev.healthy(net.goproxy("https://mirror.corp.internal")).tls(new TlsVerdict.UnknownAuthority("CN=X", "-"),
                        Ev.cert("CN=mirror.corp.internal", "CN=Edge Gateway", List.of()))));
        assertThat(d.causeIds()).containsExactly(CauseId.TLS_INTERCEPTED);
        assertThat(d.causes().getFirst().targets()).hasSize(2);
    }

    @Test
    void aMirrorIsSuggestedOnlyWhenThisRunSawItWork() {
        Net net = Net.of();
        Ev blocked = Ev.healthy(net.goproxy(PGO)).tcpFails(new TcpOutcome.TimedOut(ms(10000)));
        Diagnosis withMirror = Diagnoser.diagnose(net.context(), all(blocked, Ev.healthy(net.mirror("https://goproxy.cn"))));
        assertThat(withMirror.causeIds()).containsExactly(CauseId.TCP_TIMEOUT);
        assertThat(withMirror.causes().getFirst().fixes()).extracting(Message::key, Message::args).contains(
                org.assertj.core.groups.Tuple.tuple("cause.fix.mirror.goproxy", List.of("go env -w GOPROXY=https://goproxy.cn,direct")));

        Diagnosis mirrorDown = Diagnoser.diagnose(net.context(), all(blocked,
                Ev.healthy(net.mirror("https://goproxy.cn")).tcpFails(new TcpOutcome.TimedOut(ms(10000)))));
        assertThat(mirrorDown.causeIds()).as("a failing alternative is never a cause").containsExactly(CauseId.TCP_TIMEOUT);
        assertThat(mirrorDown.causes().getFirst().fixes()).extracting(Message::key).doesNotContain("cause.fix.mirror.goproxy");
        assertThat(mirrorDown.causes().getFirst().targets()).containsExactly("goproxy:https://proxy.golang.org");
    }

    @Test
    void aChecksumMirrorIsSuggestedForAnUnreachableDatabase() {
        Net net = Net.of();
        Diagnosis d = Diagnoser.diagnose(net.context(), all(Ev.healthy(net.goproxy(PGO)),
                Ev.healthy(net.sumdb()).dnsFails(new DnsOutcome.Timeout(ms(5000))),
                Ev.healthy(net.target(dev.goferry.doctor.target.TargetKind.SUMDB_MIRROR, "sum.golang.google.cn",
                        "https://sum.golang.google.cn/latest"))));
        assertThat(d.causes()).extracting(Cause::id, Cause::layer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CauseId.SUMDB_UNREACHABLE, Layer.DNS));
        assertThat(d.causes().getFirst().fixes()).extracting(Message::args)
                .contains(List.of("go env -w GOSUMDB=sum.golang.google.cn"));
    }

    @Test
    void fixesAreTheCommandsToPaste() {
        Net bypass = Net.of("HTTPS_PROXY", "http://proxy.corp.example:3128", "NO_PROXY", ".golang.org,.corp.example");
        assertThat(fix(bypass, Ev.healthy(bypass.goproxy(PGO)).tcpFails(new TcpOutcome.TimedOut(ms(1)))))
                .containsExactly(".golang.org", "export NO_PROXY=.corp.example");

        Net httpOnly = Net.of("HTTP_PROXY", "http://proxy.corp.example:3128");
        assertThat(fix(httpOnly, Ev.healthy(httpOnly.goproxy(PGO)).tcpFails(new TcpOutcome.TimedOut(ms(1)))))
                .containsExactly("export HTTPS_PROXY=http://proxy.corp.example:3128");

        Net comma = Net.of("GOPROXY", "https://goproxy.io,https://proxy.golang.org,direct");
        Diagnosis d = Diagnoser.diagnose(comma.context(), all(
                Ev.healthy(comma.goproxy("https://goproxy.io")).status(502, "Bad Gateway"), Ev.healthy(comma.goproxy(PGO))));
        assertThat(d.cause(CauseId.GOPROXY_NO_FALLBACK).orElseThrow().fixes().getFirst().args())
                .containsExactly("go env -w GOPROXY=https://goproxy.io|https://proxy.golang.org,direct", "https://goproxy.io");

        Net leak = Net.of("GOPRIVATE", "*.internal.example");
        assertThat(fix(leak, Ev.healthy(leak.goproxyFor(PGO, "gitlab.acme-corp.com/platform/auth")).status(410, "Gone")))
                .containsExactly("go env -w GOPRIVATE=*.internal.example,gitlab.acme-corp.com");

        Net auth = Net.of("HTTPS_PROXY", "http://proxy.corp.example:3128");
        assertThat(fix(auth, Ev.healthy(auth.goproxy(PGO)).connect(new dev.goferry.net.proxy.ConnectOutcome.AuthenticationRequired(
                "Proxy Authentication Required", List.of(dev.goferry.net.proxy.ConnectOutcome.Challenge.parse("NTLM")),
                false, List.of(), ms(3)))))
                .containsExactly("NTLM", "export HTTPS_PROXY=http://127.0.0.1:3128");
    }

    @Test
    void aPrivatePathCoveredByGonoproxyIsAPlainNotFound() {
        Net net = Net.of("GONOPROXY", "gitlab.acme-corp.com");
        Diagnosis d = Diagnoser.diagnose(net.context(), all(
                Ev.healthy(net.goproxyFor(PGO, "gitlab.acme-corp.com/platform/auth")).status(404, "Not Found")));
        assertThat(d.causeIds()).containsExactly(CauseId.HTTP_NOT_FOUND);
    }

    @Test
    void aCommaEntryFailingWithNotFoundFallsThroughSoNoFallbackIsNotReported() {
        Net net = Net.of("GOPROXY", "https://goproxy.io,https://proxy.golang.org,direct");
        Diagnosis d = Diagnoser.diagnose(net.context(), all(
                Ev.healthy(net.goproxy("https://goproxy.io")).status(404, "Not Found"), Ev.healthy(net.goproxy(PGO))));
        assertThat(d.causeIds()).containsExactly(CauseId.HTTP_NOT_FOUND);
    }

    @Test
    void aProxyServingTheChecksumDatabaseMeansDirectFailureIsPlain() {
        Net net = Net.of();
        Diagnosis d = Diagnoser.diagnose(net.context(), all(Ev.healthy(net.goproxy(PGO)),
                Ev.healthy(net.sumdbViaProxy(PGO)),
                Ev.healthy(net.sumdb()).tcpFails(new TcpOutcome.TimedOut(ms(10000)))));
        assertThat(d.causeIds()).containsExactly(CauseId.TCP_TIMEOUT);
    }

    @Test
    void diagnosisStaysFilledInWhenCausesExist() {
        Net net = Net.of();
        Diagnosis d = Diagnoser.diagnose(net.context(), all(Ev.healthy(net.goproxy(PGO)).nxdomain(),
                Ev.healthy(net.sumdb())));
        assertThat(d.targets()).hasSize(2);
        assertThat(d.local()).isNotEmpty();
        assertThat(d.targets().get(1).findings()).extracting(Finding::status).containsOnly(Status.OK);
        assertThat(d.exitCode()).isEqualTo(1);
        assertThat(d.firstError()).map(Cause::id).contains(CauseId.DNS_NXDOMAIN);
    }

    private static List<String> fix(Net net, Ev ev) {
        Diagnosis d = Diagnoser.diagnose(net.context(), all(ev));
        assertThat(d.causes()).as("causes").hasSize(1);
        return d.causes().getFirst().fixes().getFirst().args();
    }

    @Test
    void aSkewedClockIsAWarningBeforeItBreaksAHandshake() {
        Net net = Net.of().local(DiagnoserCatalogCasesTest.skewed(Duration.ofHours(3)));
        Diagnosis d = Diagnoser.diagnose(net.context(), all(Ev.healthy(net.goproxy(PGO))));
        assertThat(d.causes()).extracting(Cause::id, Cause::layer, Cause::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CauseId.TLS_CLOCK_SKEW, Layer.LOCAL, Status.WARN));
        assertThat(d.causes().getFirst().explanation().args()).containsExactly("proxy.golang.org, go.dev", "+3h");
        assertThat(d.local()).anySatisfy(f -> assertThat(f.cause()).contains(CauseId.TLS_CLOCK_SKEW));
    }

    @Test
    void aTrustedInspectingProxyIsShownButIsNoCause() {
        Net net = Net.of();
        Diagnosis d = Diagnoser.diagnose(net.context(), all(Ev.healthy(net.goproxy(PGO)).tls(
                new TlsVerdict.Verified(List.of(Ev.cert("CN=proxy.golang.org", "CN=Zscaler Intermediate", List.of()),
                        Ev.cert("CN=Zscaler Root CA", "CN=Zscaler Root CA", List.of()))),
                Ev.cert("CN=proxy.golang.org", "CN=Zscaler Intermediate", List.of("proxy.golang.org")))));
        assertThat(d.healthy()).isTrue();
        assertThat(d.targets().getFirst().finding(Layer.TLS).orElseThrow().detail())
                .isEqualTo("TLSv1.3, Zscaler Root CA (inspected by Zscaler Intermediate, trusted)");
    }

    @Test
    void aPlainHttpTargetThroughAnAuthenticatingProxyIsAuthRequiredAtTheProxyLayer() {
        Net net = Net.of("HTTP_PROXY", "http://proxy.corp.example:3128");
        Diagnosis d = Diagnoser.diagnose(net.context(), all(Ev.healthy(net.user("http://mirror.example.net/golang.org/x/text/@v/list"))
                .http(Ev.response(407, "Proxy Authentication Required",
                        new dev.goferry.net.wire.Header("Proxy-Authenticate", "Basic realm=\"corp\"")))));
        assertThat(d.causes()).extracting(Cause::id, Cause::layer).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CauseId.PROXY_AUTH_REQUIRED, Layer.PROXY));
        assertThat(d.causes().getFirst().fixes().getFirst().args())
                .containsExactly("export HTTP_PROXY=http://USER:PASSWORD@proxy.corp.example:3128");
    }

    @Test
    void aWildcardPatternIsListedButNeverProbedOrBlamed() {
        Net net = Net.of("GOPRIVATE", "*.corp.example");
        Target wildcard = new Target(Target.idOf(dev.goferry.doctor.target.TargetKind.VCS_NOT_PROBEABLE, "*.corp.example"),
                dev.goferry.doctor.target.TargetKind.VCS_NOT_PROBEABLE, "*.corp.example", java.util.Optional.empty(), "", 0,
                Recorded.direct(), java.util.Optional.empty(), Message.of("doctor.why.vcs-wildcard", "*.corp.example", "GOPRIVATE"));
        Diagnosis d = Diagnoser.diagnose(net.context(), List.of(Ev.healthy(net.goproxy(PGO)).build(),
                dev.goferry.doctor.evidence.TargetEvidence.none(wildcard)));
        assertThat(d.healthy()).isTrue();
        assertThat(d.targets().get(1).findings()).extracting(Finding::status).containsExactly(Status.SKIPPED);
        assertThat(d.targets().get(1).findings().getFirst().detail()).isEqualTo("pattern *.corp.example names no host");
    }

    @Test
    void anInterceptedDatabaseIsTheInterceptionNotSumdbUnreachable() {
        Net net = Net.of();
        Diagnosis d = Diagnoser.diagnose(net.context(), all(Ev.healthy(net.goproxy(PGO)),
                Ev.healthy(net.sumdb()).tls(new TlsVerdict.UnknownAuthority("CN=Sophos SSL CA", "-"),
                        Ev.cert("CN=sum.golang.org", "CN=Sophos SSL CA", List.of("sum.golang.org")))));
        assertThat(d.causeIds()).containsExactly(CauseId.TLS_INTERCEPTED);
    }

    @Test
    void aLoopbackOnlyMachineIsNotOfflineForATargetOnLoopback() {
        Net net = Net.of("GOPROXY", "http://127.0.0.1:8081").local(Recorded.offline());
        Diagnosis d = Diagnoser.diagnose(net.context(), all(Ev.healthy(net.target(dev.goferry.doctor.target.TargetKind.GOPROXY,
                "http://127.0.0.1:8081", "http://127.0.0.1:8081/golang.org/x/text/@v/list")).resolves("127.0.0.1")
                .tcpFails(new TcpOutcome.Refused("Connection refused", ms(1)))));
        assertThat(d.causeIds()).containsExactly(CauseId.TCP_REFUSED);
    }
}
