package dev.goferry.doctor.diagnosis;

import dev.goferry.doctor.Message;
import dev.goferry.doctor.evidence.DnsEvidence;
import dev.goferry.doctor.evidence.FileProxyEvidence;
import dev.goferry.doctor.evidence.LocalEvidence;
import dev.goferry.doctor.evidence.TargetEvidence;
import dev.goferry.doctor.evidence.ThroughputSample;
import dev.goferry.doctor.protocol.ProtocolVerdict;
import dev.goferry.doctor.target.Target;
import dev.goferry.doctor.target.TargetKind;
import dev.goferry.gomod.env.GoVcsRules;
import dev.goferry.gomod.env.SumDbSetting;
import dev.goferry.gomod.goproxy.ProxyList;
import dev.goferry.gomod.httpproxy.ProxyDecision;
import dev.goferry.gomod.httpproxy.ProxyEnvironment;
import dev.goferry.gomod.route.RouteSettings;
import dev.goferry.gomod.route.VcsPolicy;
import dev.goferry.net.Timeline;
import dev.goferry.net.dns.AddressRecord;
import dev.goferry.net.dns.DnsOutcome;
import dev.goferry.net.dns.DnsQuery;
import dev.goferry.net.dns.DnsTransport;
import dev.goferry.net.dns.GoResolution;
import dev.goferry.net.dns.QueryType;
import dev.goferry.net.dns.ResolvConf;
import dev.goferry.net.http.HttpOutcome;
import dev.goferry.net.http.HttpProbeReport;
import dev.goferry.net.proxy.ConnectOutcome;
import dev.goferry.net.proxy.ProxyUrl;
import dev.goferry.net.tcp.TcpAttempt;
import dev.goferry.net.tcp.TcpOutcome;
import dev.goferry.net.tls.CertificateInfo;
import dev.goferry.net.tls.TlsOutcome;
import dev.goferry.net.tls.TlsSession;
import dev.goferry.net.tls.TlsVerdict;
import dev.goferry.net.wire.Header;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recorded evidence, built the way the goferry-net probes record it, for table-driven diagnosis
 * tests: a {@link Net} is one machine's settings and environment; {@link Ev} is one target's
 * evidence, healthy until a layer is broken (breaking a layer removes the layers above it, as
 * the probe would not have reached them).
 */
final class Recorded {

    private Recorded() {}

    static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    static final InetSocketAddress RESOLVER = sock("10.0.0.53", 53);
    static final InetSocketAddress PUBLIC_DNS = sock("223.5.5.5", 53);

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);  // literals only: never a look-up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    static InetSocketAddress sock(String literal, int port) {
        return new InetSocketAddress(ip(literal), port);
    }

    static Duration ms(long n) {
        return Duration.ofMillis(n);
    }

    /** A deterministic public-looking address per host (no network involved). */
    static String addressOf(String host) {
        int h = Math.abs(host.hashCode());
        return "142.250." + (h % 200 + 1) + "." + (h / 200 % 200 + 1);
    }

    static ResolvConf resolvConf() {
        return new ResolvConf(List.of(RESOLVER), List.of(), 1, Duration.ofSeconds(5), 2, false, false, false, false,
                false, Optional.empty());
    }

    static LocalEvidence online() {
        return new LocalEvidence(List.of(iface("lo", true, true, "127.0.0.1"), iface("eth0", true, false, "10.0.0.5")),
                Optional.of("10.0.0.1 dev eth0"), Optional.empty(), Optional.of(resolvConf()), List.of(), List.of());
    }

    static LocalEvidence offline() {
        return new LocalEvidence(List.of(iface("lo", true, true, "127.0.0.1"), iface("eth0", false, false)),
                Optional.empty(), Optional.empty(), Optional.of(resolvConf()), List.of(), List.of());
    }

    static LocalEvidence.NetInterface iface(String name, boolean up, boolean loopback, String... addrs) {
        return new LocalEvidence.NetInterface(name, up, loopback, java.util.Arrays.stream(addrs).map(Recorded::ip).toList());
    }

    /** One machine: environment (GOPROXY, proxies, …) and LOCAL evidence. */
    static final class Net {
        final Map<String, String> env = new HashMap<>();
        LocalEvidence local = online();

        static Net of(String... keyValues) {
            Net n = new Net();
            for (int i = 0; i < keyValues.length; i += 2) {
                n.env.put(keyValues[i], keyValues[i + 1]);
            }
            return n;
        }

        Net local(LocalEvidence l) {
            this.local = l;
            return this;
        }

        String get(String key, String def) {
            return env.getOrDefault(key, def);
        }

        ProxyEnvironment proxies() {
            return ProxyEnvironment.from(env, "go1.24.4");
        }

        DiagnosisContext context() {
            String goproxy = get("GOPROXY", "https://proxy.golang.org,direct");
            String goprivate = get("GOPRIVATE", "");
            String gonoproxy = get("GONOPROXY", goprivate);
            String gosumdb = get("GOSUMDB", "sum.golang.org");
            RouteSettings rs = new RouteSettings(ProxyList.parse(goproxy, gonoproxy, false), goprivate, gonoproxy,
                    get("GONOSUMDB", goprivate), "", SumDbSetting.parse(gosumdb),
                    new VcsPolicy(GoVcsRules.parse(""), goprivate), proxies());
            return new DiagnosisContext(rs, goproxy, gosumdb, Optional.ofNullable(local),
                    DiagnosisContext.Thresholds.DEFAULT);
        }

        /** A target of {@code kind} probing {@code url}, with the proxy decision Go would make. */
        Target target(TargetKind kind, String base, String url) {
            URI u = URI.create(url);
            int port = u.getPort() > 0 ? u.getPort() : u.getScheme().equals("https") ? 443 : 80;
            return new Target(Target.idOf(kind, base), kind, base, Optional.of(u), u.getHost(), port,
                    proxies().decide(url), Optional.empty(), Message.of("doctor.why." + kind.id(), "1", "1"));
        }

        Target goproxy(String base) {
            return target(TargetKind.GOPROXY, base, base + "/golang.org/x/text/@v/list");
        }

        Target goproxyFor(String base, String module) {
            Target t = goproxy(base);
            return new Target(t.id(), t.kind(), t.base(), t.url().map(u -> URI.create(base + "/" + module + "/@v/list")),
                    t.host(), t.port(), t.proxy(), Optional.of(module), t.why());
        }

        Target sumdb() {
            return target(TargetKind.SUMDB_DIRECT, "sum.golang.org", "https://sum.golang.org/latest");
        }

        Target sumdbViaProxy(String proxyBase) {
            return target(TargetKind.SUMDB_VIA_PROXY, proxyBase, proxyBase + "/sumdb/sum.golang.org/supported");
        }

        Target releaseIndex() {
            return target(TargetKind.RELEASE_INDEX, "https://go.dev/dl/", "https://go.dev/dl/?mode=json");
        }

        Target mirror(String base) {
            return target(TargetKind.MIRROR, base, base + "/golang.org/x/text/@v/list");
        }

        Target user(String url) {
            return target(TargetKind.USER, url, url);
        }
    }

    /** One target's evidence, healthy unless broken. */
    static final class Ev {
        final Target t;
        String name;
        GoResolution.Source source = GoResolution.Source.DNS;
        List<DnsQuery> queries = new ArrayList<>();
        List<DnsQuery> publicQueries = new ArrayList<>();
        List<InetAddress> addresses = new ArrayList<>();
        Optional<String> dnsError = Optional.empty();
        List<TcpAttempt> tcp = new ArrayList<>();
        Optional<ConnectOutcome> connect = Optional.empty();
        Optional<TlsOutcome> tls = Optional.empty();
        Optional<HttpOutcome> http = Optional.empty();
        Optional<ProtocolVerdict> protocol = Optional.empty();
        Optional<ThroughputSample> throughput = Optional.empty();
        Optional<FileProxyEvidence> file = Optional.empty();
        boolean probed = true;

        private Ev(Target t) {
            this.t = t;
            this.name = t.proxyUrl().map(p -> URI.create(p).getHost()).orElse(t.host());
            String addr = t.proxied() ? "10.0.0.8" : addressOf(name);
            resolves(addr);
            tcp.add(new TcpAttempt(new InetSocketAddress(ip(addr), t.proxied() ? Math.max(80, URI.create(t.proxyUrl().get()).getPort()) : t.port()),
                    1, new TcpOutcome.Connected(sock("10.0.0.5", 40000), ms(20))));
            if (t.proxied() && t.scheme().equals("https")) {
                connect = Optional.of(new ConnectOutcome.Established("Connection established", List.of(), ms(5)));
            }
            if (t.scheme().equals("https")) {
                tls = Optional.of(verified());
            }
            http = Optional.of(response(200, "OK"));
            protocol = Optional.of(new ProtocolVerdict.Valid("3 versions"));
        }

        static Ev healthy(Target t) {
            return new Ev(t);
        }

        static Ev unprobed(Target t) {
            Ev e = new Ev(t);
            e.probed = false;
            return e;
        }

        TlsOutcome verified() {
            CertificateInfo leaf = cert("CN=" + t.host(), "CN=WE2,O=Google Trust Services", List.of(t.host()));
            CertificateInfo root = cert("CN=GTS Root R4,O=Google Trust Services LLC", "CN=GTS Root R4,O=Google Trust Services LLC", List.of());
            return new TlsOutcome.Completed(session(List.of(leaf)), new TlsVerdict.Verified(List.of(leaf, root)), ms(30));
        }

        TlsSession session(List<CertificateInfo> chain) {
            return new TlsSession("TLSv1.3", "TLS_AES_128_GCM_SHA256", Optional.of("http/1.1"), chain, List.of());
        }

        static CertificateInfo cert(String subject, String issuer, List<String> names) {
            return new CertificateInfo(subject, issuer, NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(60)),
                    names, List.of(), "00");
        }

        static HttpOutcome.Response response(int status, String reason, Header... headers) {
            return new HttpOutcome.Response("HTTP/1.1", status, reason, List.of(headers), Optional.empty(), 42,
                    HttpOutcome.BodyEnd.COMPLETE, Optional.empty(), ms(40), ms(2));
        }

        // -------------------------------------------------------------- DNS

        Ev resolves(String... addrs) {
            addresses = new ArrayList<>(java.util.Arrays.stream(addrs).map(Recorded::ip).toList());
            queries = new ArrayList<>(List.of(new DnsQuery(RESOLVER, name + ".", QueryType.A, DnsTransport.UDP, false,
                    new DnsOutcome.Answer(addresses.stream().map(a -> new AddressRecord(name + ".", a, 300)).toList(),
                            List.of(), false, true, ms(8)))));
            return this;
        }

        Ev publicAnswers(String... addrs) {
            publicQueries = new ArrayList<>(List.of(new DnsQuery(PUBLIC_DNS, name + ".", QueryType.A, DnsTransport.UDP,
                    false, new DnsOutcome.Answer(java.util.Arrays.stream(addrs)
                            .map(a -> new AddressRecord(name + ".", ip(a), 300)).toList(), List.of(), false, true, ms(30)))));
            return this;
        }

        Ev hostsFile(String... addrs) {
            resolves(addrs);
            source = GoResolution.Source.HOSTS_FILE;
            queries = new ArrayList<>();
            return this;
        }

        /** Every query to the system resolver ends with {@code outcome}: nothing resolves. */
        Ev dnsFails(DnsOutcome outcome) {
            addresses = new ArrayList<>();
            queries = new ArrayList<>(List.of(
                    new DnsQuery(RESOLVER, name + ".", QueryType.A, DnsTransport.UDP, false, outcome),
                    new DnsQuery(RESOLVER, name + ".", QueryType.AAAA, DnsTransport.UDP, false, outcome)));
            tcp = new ArrayList<>();
            return above(Layer0.DNS);
        }

        Ev nxdomain() {
            return dnsFails(new DnsOutcome.NxDomain(false, ms(12)));
        }

        // -------------------------------------------------------------- TCP

        /** Every connect ends with {@code outcome}. */
        Ev tcpFails(TcpOutcome outcome) {
            List<TcpAttempt> out = new ArrayList<>();
            for (InetAddress a : addresses) {
                for (int i = 1; i <= 2; i++) {
                    out.add(new TcpAttempt(new InetSocketAddress(a, tcp.getFirst().target().getPort()), i, outcome));
                }
            }
            tcp = out;
            return above(Layer0.TCP);
        }

        /** An IPv6 address that never connects next to the IPv4 one that does. */
        Ev ipv6Broken() {
            InetAddress v6 = ip("2607:f8b0:4005:80c::2011");
            addresses.add(v6);
            tcp.add(0, new TcpAttempt(new InetSocketAddress(v6, t.port()), 1, new TcpOutcome.TimedOut(ms(300))));
            return this;
        }

        // -------------------------------------------------------------- PROXY, TLS, HTTP, …

        Ev connect(ConnectOutcome outcome) {
            connect = Optional.of(outcome);
            return outcome instanceof ConnectOutcome.Established ? this : above(Layer0.PROXY);
        }

        /** A completed handshake whose chain Go judges {@code verdict}; HTTP behind it is still probed. */
        Ev tls(TlsVerdict verdict, CertificateInfo... chain) {
            tls = Optional.of(new TlsOutcome.Completed(session(List.of(chain)), verdict, ms(30)));
            return this;
        }

        Ev tlsFails(TlsOutcome outcome) {
            tls = Optional.of(outcome);
            return above(Layer0.TLS);
        }

        Ev http(HttpOutcome outcome) {
            http = Optional.of(outcome);
            if (!(outcome instanceof HttpOutcome.Response r) || r.status() < 200 || r.status() > 299) {
                protocol = Optional.empty();
            }
            return this;
        }

        Ev status(int status, String reason) {
            return http(response(status, reason));
        }

        Ev protocol(ProtocolVerdict v) {
            protocol = Optional.of(v);
            return this;
        }

        Ev throughput(long bytes, Duration elapsed, int stalls, boolean complete) {
            throughput = Optional.of(new ThroughputSample(t.url().orElseThrow(), bytes, elapsed, stalls, complete));
            return this;
        }

        Ev file(FileProxyEvidence f) {
            file = Optional.of(f);
            return this;
        }

        private enum Layer0 { DNS, TCP, PROXY, TLS }

        private Ev above(Layer0 layer) {
            if (layer.compareTo(Layer0.PROXY) < 0) {
                connect = Optional.empty();
            }
            if (layer.compareTo(Layer0.TLS) < 0) {
                tls = Optional.empty();
            }
            http = Optional.empty();
            protocol = Optional.empty();
            throughput = Optional.empty();
            return this;
        }

        TargetEvidence build() {
            if (!probed) {
                return TargetEvidence.none(t);
            }
            if (t.kind() == TargetKind.FILE_PROXY) {
                return new TargetEvidence(t, Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                        Optional.empty(), file);
            }
            GoResolution go = new GoResolution(name, source, resolvConf(), List.of(name + "."), queries, addresses);
            DnsEvidence dns = new DnsEvidence(name, Optional.of(go), List.of(), publicQueries);
            Optional<ProxyUrl> proxy = t.proxyUrl().map(ProxyUrl::parse);
            boolean connected = tcp.stream().anyMatch(a -> a.outcome() instanceof TcpOutcome.Connected);
            List<TcpAttempt> walkConnects = connected
                    ? List.of(tcp.stream().filter(a -> a.outcome() instanceof TcpOutcome.Connected).findFirst().orElseThrow())
                    : tcp;
            HttpProbeReport walk = new HttpProbeReport(t.url().orElseThrow(), proxy, name, addresses, dnsError,
                    walkConnects, connected ? connect : Optional.empty(), connected ? tls : Optional.empty(),
                    connected ? http : Optional.empty(), Timeline.of(List.of()));
            return new TargetEvidence(t, Optional.of(dns), tcp, Optional.of(walk), protocol, throughput, Optional.empty());
        }
    }

    static List<TargetEvidence> all(Ev... evs) {
        return java.util.Arrays.stream(evs).map(Ev::build).toList();
    }

    static ProxyDecision direct() {
        return new ProxyDecision.Direct(ProxyDecision.DirectReason.NO_PROXY_VARIABLE, Optional.empty());
    }
}
