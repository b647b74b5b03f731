package dev.goferry.doctor.diagnosis;

import dev.goferry.doctor.Durations;
import dev.goferry.doctor.Layer;
import dev.goferry.doctor.Status;
import dev.goferry.doctor.evidence.DnsEvidence;
import dev.goferry.doctor.evidence.FileProxyEvidence;
import dev.goferry.doctor.evidence.LocalEvidence;
import dev.goferry.doctor.evidence.TargetEvidence;
import dev.goferry.doctor.evidence.ThroughputSample;
import dev.goferry.doctor.protocol.ProtocolVerdict;
import dev.goferry.doctor.target.Target;
import dev.goferry.doctor.target.TargetKind;
import dev.goferry.gomod.httpproxy.ProxyDecision;
import dev.goferry.gomod.httpproxy.ProxyEnvironment;
import dev.goferry.gomod.httpproxy.ProxySetting;
import dev.goferry.gomod.module.PrefixPatterns;
import dev.goferry.net.Phase;
import dev.goferry.net.dns.DnsOutcome;
import dev.goferry.net.dns.DnsQuery;
import dev.goferry.net.dns.GoResolution;
import dev.goferry.net.http.HttpOutcome;
import dev.goferry.net.http.HttpProbeReport;
import dev.goferry.net.proxy.ConnectOutcome;
import dev.goferry.net.tcp.TcpAttempt;
import dev.goferry.net.tcp.TcpOutcome;
import dev.goferry.net.tls.CertificateInfo;
import dev.goferry.net.tls.TlsOutcome;
import dev.goferry.net.tls.TlsVerdict;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Judges one target's evidence layer by layer: a finding per examined layer, the root candidate
 * (the lowest failing layer; layers above it are shown but their problems are consequences), and
 * warnings that do not fail the target. Pure: reads records, touches nothing.
 */
final class TargetJudge {

    /**
     * How far off the clock skew can be: Date headers have one-second resolution and arrive a round
     * trip late, so a certificate issued the second the servers' clock shows must still count as valid
     * by that clock.
     */
    private static final Duration SKEW_PRECISION = Duration.ofSeconds(2);

    /**
     * The judgement of one target.
     *
     * @param findings one per examined layer, lowest first
     * @param root     the root-cause candidate, when a layer failed
     * @param warnings candidates of severity WARN below the root's layer
     */
    record Judgement(List<Finding> findings, Optional<Candidate> root, List<Candidate> warnings) {}

    private final DiagnosisContext ctx;
    private final TargetEvidence ev;
    private final Target t;
    private final Optional<HttpProbeReport> walk;
    private final List<Finding> findings = new ArrayList<>();
    private final List<Candidate> warnings = new ArrayList<>();
    private Candidate root;
    private Candidate suspicion;

    private TargetJudge(DiagnosisContext ctx, TargetEvidence ev) {
        this.ctx = ctx;
        this.ev = ev;
        this.t = ev.target();
        this.walk = ev.walk();
    }

    static Judgement judge(DiagnosisContext ctx, TargetEvidence ev) {
        return new TargetJudge(ctx, ev).run();
    }

    private Judgement run() {
        switch (t.kind()) {
            case VCS_NOT_PROBEABLE -> findings.add(Finding.skipped(Layer.LOCAL, "pattern " + t.base() + " names no host"));
            case FILE_PROXY -> file();
            default -> network();
        }
        if (suspicion != null && root != null && root.layer().compareTo(Layer.DNS) > 0) {
            root = suspicion;  // the name led to the wrong server: what failed above is its consequence
        }
        Layer cut = root == null ? Layer.THROUGHPUT : root.layer();
        List<Candidate> w = warnings.stream().filter(c -> root == null || c.layer().compareTo(cut) < 0).toList();
        return new Judgement(findings, Optional.ofNullable(root), w);
    }

    private void network() {
        if (walk.isEmpty() && ev.dns().isEmpty() && ev.tcp().isEmpty()) {
            findings.add(Finding.skipped(Layer.DNS, "not probed"));
            return;
        }
        if (badProxyDecision() || !dns() || !tcp() || !proxy()) {
            return;
        }
        tls();
        http();
        throughput();
    }

    // ---------------------------------------------------------------------------------- LOCAL

    private void file() {
        Optional<FileProxyEvidence> f = ev.file();
        if (f.isEmpty()) {
            findings.add(Finding.skipped(Layer.LOCAL, "not checked"));
            return;
        }
        FileProxyEvidence e = f.get();
        if (e.usable()) {
            findings.add(Finding.ok(Layer.LOCAL, Optional.empty(), e.path()
                    + e.probeFile().map(p -> e.probeFileExists() ? " (" + p + ")" : " (no " + p + ")").orElse("")));
            return;
        }
        String why = e.problem().orElse(!e.exists() ? "no such file or directory" : !e.directory()
                ? "not a directory" : "permission denied");
        fail(Finding.fail(Layer.LOCAL, Optional.empty(), why, CauseId.GOPROXY_FILE_UNREADABLE),
                Candidate.fail(CauseId.GOPROXY_FILE_UNREADABLE, t, List.of(e.path()), e.path() + ": " + why));
    }

    // ---------------------------------------------------------------------------------- DNS

    /** Go fails before dialling: the proxy variable makes an error or a URL with no usable host. */
    private boolean badProxyDecision() {
        String evidence = null;
        List<String> key = null;
        if (t.proxy() instanceof ProxyDecision.Error e) {
            evidence = e.message();
            key = List.of("REQUEST_METHOD");
        } else if (t.proxy() instanceof ProxyDecision.Proxy p) {
            String host = p.proxy().hostname();
            if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || "/%\\\"<>".indexOf(c) >= 0)
                    || !List.of("http", "https", "socks5", "socks5h").contains(p.proxy().scheme())) {
                evidence = p.variable() + " gives proxy URL " + p.proxy().redacted() + ": no usable host";
                key = List.of(p.variable().name());
            }
        }
        if (evidence == null) {
            return false;
        }
        fail(Finding.fail(Layer.PROXY, Optional.empty(), evidence, CauseId.PROXY_MISCONFIGURED),
                Candidate.fail(CauseId.PROXY_MISCONFIGURED, t, key, evidence));
        return true;
    }

    private boolean dns() {
        Optional<DnsEvidence> d = ev.dns();
        Optional<GoResolution> go = d.flatMap(DnsEvidence::go);
        String name = d.map(DnsEvidence::name).or(() -> walk.map(HttpProbeReport::dialedHost)).orElse(t.host());
        if (go.map(g -> g.source() == GoResolution.Source.LITERAL).orElse(false) || isLiteral(name)) {
            findings.add(Finding.ok(Layer.DNS, Optional.empty(), name + " (literal)"));
            return true;
        }
        List<InetAddress> addrs = go.map(GoResolution::addresses).orElseGet(
                () -> walk.map(HttpProbeReport::addresses).orElse(List.of()));
        Optional<String> err = walk.flatMap(HttpProbeReport::dnsError);
        Optional<Duration> elapsed = dnsElapsed(go);
        if (addrs.isEmpty()) {
            if (go.isEmpty() && err.isEmpty()) {
                findings.add(Finding.skipped(Layer.DNS, "not probed"));
                return !ev.tcp().isEmpty();
            }
            List<DnsQuery> queries = new ArrayList<>(go.map(GoResolution::queries).orElse(List.of()));
            queries.addAll(d.map(DnsEvidence::configured).orElse(List.of()));
            CauseId id = classifyDns(queries, err);
            List<String> servers = servers(queries, id);
            List<String> evidence = new ArrayList<>();
            evidence.add(err.orElseGet(() -> "lookup " + name + " on " + String.join(", ", servers) + ": "
                    + switch (id) {
                        case DNS_NXDOMAIN -> "no such host";
                        case DNS_SERVFAIL -> "server misbehaving";
                        default -> "i/o timeout";
                    }));
            d.ifPresent(e -> publicLine(e).ifPresent(evidence::add));
            Candidate c = t.proxied()
                    ? viaProxy(evidence)
                    : direct(id, List.of(String.join(", ", servers)), evidence);
            fail(Finding.fail(Layer.DNS, elapsed, evidence.getFirst(), id), c);
            return false;
        }
        String detail = join(addrs.stream().map(Names::text).toList(), 4)
                + (go.map(g -> g.source() == GoResolution.Source.HOSTS_FILE).orElse(false) ? " (hosts file)" : "");
        if (!t.proxied() && d.isPresent()) {
            suspect(name, addrs, d.get(), go);
        }
        findings.add(suspicion == null ? Finding.ok(Layer.DNS, elapsed, detail)
                : Finding.warn(Layer.DNS, elapsed, detail, suspicion.id()));
        return true;
    }

    /** A public name answered with addresses it cannot have, or none of the public resolvers' addresses. */
    private void suspect(String name, List<InetAddress> addrs, DnsEvidence d, Optional<GoResolution> go) {
        List<InetAddress> pub = d.publicAddresses();
        boolean publicName = Names.isWellKnownPublic(name) || pub.stream().anyMatch(a -> !Names.isBogon(a));
        if (!publicName) {
            return;
        }
        boolean hostsFile = go.map(g -> g.source() == GoResolution.Source.HOSTS_FILE).orElse(false)
                || ctx.local().map(LocalEvidence::hostsEntries).orElse(List.of()).stream()
                        .anyMatch(h -> h.name().equalsIgnoreCase(name) && !h.addresses().isEmpty());
        boolean bogon = addrs.stream().anyMatch(Names::isBogon);
        boolean disjoint = !pub.isEmpty() && addrs.stream().noneMatch(pub::contains);
        if (!bogon && !disjoint) {
            return;
        }
        CauseId id = hostsFile ? CauseId.DNS_HOSTS_OVERRIDE : CauseId.DNS_HIJACKED;
        String line = name + ": " + (hostsFile ? "/etc/hosts" : "system resolver") + " → "
                + join(addrs.stream().map(Names::text).toList(), 4) + "; public resolvers → "
                + (pub.isEmpty() ? "not asked" : join(pub.stream().map(Names::text).toList(), 4));
        suspicion = Candidate.fail(id, t, List.of(), line);
    }

    private static CauseId classifyDns(List<DnsQuery> queries, Optional<String> err) {
        if (queries.isEmpty()) {
            String e = err.orElse("").toLowerCase(Locale.ROOT);
            return e.contains("no such host") || e.contains("nxdomain") ? CauseId.DNS_NXDOMAIN
                    : e.contains("misbehaving") || e.contains("servfail") ? CauseId.DNS_SERVFAIL : CauseId.DNS_TIMEOUT;
        }
        boolean nx = false;
        boolean fail = false;
        boolean answeredEmpty = true;
        for (DnsQuery q : queries) {
            switch (q.outcome()) {
                case DnsOutcome.NxDomain n -> nx = true;
                case DnsOutcome.ServFail s -> fail = true;
                case DnsOutcome.Refused r -> fail = true;
                case DnsOutcome.OtherRcode o -> fail = true;
                case DnsOutcome.Answer a -> { }
                case DnsOutcome.Timeout to -> answeredEmpty = false;
                case DnsOutcome.NetworkError ne -> answeredEmpty = false;
            }
        }
        if (nx || answeredEmpty && !fail) {
            return CauseId.DNS_NXDOMAIN;  // Go: NXDOMAIN, and NOERROR with no records, both "no such host"
        }
        return fail ? CauseId.DNS_SERVFAIL : CauseId.DNS_TIMEOUT;
    }

    /** The servers whose answers made the verdict, as {@code host:port}, sorted. */
    private static List<String> servers(List<DnsQuery> queries, CauseId id) {
        Set<String> out = new java.util.TreeSet<>();
        for (DnsQuery q : queries) {
            boolean matches = switch (q.outcome()) {
                case DnsOutcome.NxDomain n -> id == CauseId.DNS_NXDOMAIN;
                case DnsOutcome.Answer a -> id == CauseId.DNS_NXDOMAIN;
                case DnsOutcome.ServFail s -> id == CauseId.DNS_SERVFAIL;
                case DnsOutcome.Refused r -> id == CauseId.DNS_SERVFAIL;
                case DnsOutcome.OtherRcode o -> id == CauseId.DNS_SERVFAIL;
                case DnsOutcome.Timeout to -> id == CauseId.DNS_TIMEOUT;
                case DnsOutcome.NetworkError ne -> id == CauseId.DNS_TIMEOUT;
            };
            if (matches) {
                out.add(address(q.server()));
            }
        }
        return List.copyOf(out);
    }

    private static Optional<String> publicLine(DnsEvidence d) {
        if (d.publicResolvers().isEmpty()) {
            return Optional.empty();
        }
        List<InetAddress> pub = d.publicAddresses();
        Set<String> asked = d.publicResolvers().stream().map(q -> q.server().getAddress().getHostAddress())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return Optional.of("public resolvers (" + String.join(", ", asked) + ") → "
                + (pub.isEmpty() ? "no address" : join(pub.stream().map(Names::text).toList(), 4)));
    }

    private Optional<Duration> dnsElapsed(Optional<GoResolution> go) {
        if (go.isPresent() && !go.get().queries().isEmpty()) {
            return Optional.of(go.get().queries().stream().map(q -> q.outcome().elapsed())
                    .reduce(Duration.ZERO, Duration::plus));
        }
        return walk.map(w -> w.timeline().of(Phase.DNS).stream().map(p -> p.duration())
                .reduce(Duration.ZERO, Duration::plus)).filter(x -> !x.isZero());
    }

    // ---------------------------------------------------------------------------------- TCP

    private boolean tcp() {
        List<TcpAttempt> attempts = ev.tcpAttempts();
        if (attempts.isEmpty()) {
            findings.add(Finding.skipped(Layer.TCP, "not probed"));
            return walk.flatMap(HttpProbeReport::tls).isPresent() || walk.flatMap(HttpProbeReport::http).isPresent();
        }
        List<TcpAttempt> connected = attempts.stream().filter(a -> a.outcome() instanceof TcpOutcome.Connected).toList();
        if (!connected.isEmpty()) {
            TcpAttempt first = connected.getFirst();
            String detail = address(first.target()) + (t.proxied() ? " (proxy)" : "")
                    + (connected.size() < attempts.size() ? " (" + connected.size() + "/" + attempts.size() + " connected)" : "");
            List<TcpAttempt> v6 = attempts.stream().filter(a -> a.target().getAddress() instanceof Inet6Address).toList();
            boolean v6Broken = !v6.isEmpty() && v6.stream().noneMatch(a -> a.outcome() instanceof TcpOutcome.Connected)
                    && connected.stream().anyMatch(a -> !(a.target().getAddress() instanceof Inet6Address));
            if (v6Broken) {
                Candidate c = new Candidate(CauseId.IPV6_BROKEN, Layer.TCP, Status.WARN, t, List.of(),
                        List.of(goDialText(v6.getFirst())));
                warnings.add(c);
                findings.add(Finding.warn(Layer.TCP, Optional.of(first.outcome().elapsed()), detail + "; IPv6 fails",
                        CauseId.IPV6_BROKEN));
            } else {
                findings.add(Finding.ok(Layer.TCP, Optional.of(first.outcome().elapsed()), detail));
            }
            return true;
        }
        CauseId id = CauseId.TCP_TIMEOUT;
        if (attempts.stream().anyMatch(a -> a.outcome() instanceof TcpOutcome.Refused)) {
            id = CauseId.TCP_REFUSED;
        } else if (attempts.stream().anyMatch(a -> a.outcome() instanceof TcpOutcome.Reset)) {
            id = CauseId.TCP_RESET;
        } else if (attempts.stream().anyMatch(a -> a.outcome() instanceof TcpOutcome.Unreachable)) {
            id = CauseId.TCP_UNREACHABLE;
        }
        List<String> evidence = new ArrayList<>();
        Set<InetSocketAddress> seen = new LinkedHashSet<>();
        for (TcpAttempt a : attempts) {
            if (seen.add(a.target()) && seen.size() <= 4) {
                evidence.add((t.proxied() ? "proxyconnect tcp: " : "") + goDialText(a));
            }
        }
        Duration longest = attempts.stream().map(a -> a.outcome().elapsed()).max(Duration::compareTo).orElseThrow();
        Candidate c = t.proxied() ? viaProxy(evidence) : direct(id, List.of(), evidence);
        fail(Finding.fail(Layer.TCP, Optional.of(longest), evidence.getFirst(), id), c);
        return false;
    }

    /** Go's text for a failed dial, as {@code net.OpError} prints it. */
    private static String goDialText(TcpAttempt a) {
        String why = switch (a.outcome()) {
            case TcpOutcome.Connected c -> "connected";
            case TcpOutcome.Refused r -> "connect: connection refused";
            case TcpOutcome.TimedOut to -> "i/o timeout";
            case TcpOutcome.Unreachable u -> u.message().toLowerCase(Locale.ROOT).contains("network")
                    ? "connect: network is unreachable" : "connect: no route to host";
            case TcpOutcome.Reset r -> "connect: connection reset by peer";
            case TcpOutcome.Other o -> o.message();
        };
        return "dial tcp " + address(a.target()) + ": " + why;
    }

    /**
     * A direct connection failed: it is the plain cause, unless the proxy variables explain why
     * Go went direct at all (NO_PROXY, only HTTP_PROXY set, a value Go could not use).
     */
    private Candidate direct(CauseId id, List<String> key, List<String> evidence) {
        ProxyEnvironment env = ctx.settings().httpProxies();
        String scheme = t.scheme();
        Optional<ProxySetting> setting = scheme.equals("https") ? env.httpsProxy()
                : scheme.equals("http") ? env.httpProxy() : Optional.empty();
        List<String> ev2 = new ArrayList<>(evidence);
        if (t.proxy() instanceof ProxyDecision.Direct d) {
            if (d.reason() == ProxyDecision.DirectReason.NO_PROXY_RULE && setting.flatMap(ProxySetting::used).isPresent()) {
                String entry = d.detail().orElse("");
                ev2.add("NO_PROXY entry \"" + entry + "\" matches " + t.host() + ", so go does not use "
                        + setting.get().variable() + "=" + setting.get().maskedValue());
                return new Candidate(CauseId.PROXY_BYPASSED, Layer.PROXY, Status.FAIL, t,
                        List.of(entry, setting.get().maskedUsed().orElse(setting.get().maskedValue())), ev2);
            }
            if (d.reason() == ProxyDecision.DirectReason.NO_PROXY_VARIABLE && d.detail().isPresent()) {
                ev2.add(d.detail().get());
                return new Candidate(CauseId.PROXY_MISCONFIGURED, Layer.PROXY, Status.FAIL, t,
                        List.of(setting.map(s -> s.variable().name()).orElse("HTTPS_PROXY")), ev2);
            }
            if (scheme.equals("https") && d.reason() == ProxyDecision.DirectReason.NO_PROXY_VARIABLE
                    && env.httpsProxy().isEmpty() && env.httpProxy().flatMap(ProxySetting::used).isPresent()) {
                ProxySetting http = env.httpProxy().get();
                ev2.add(http.variable() + "=" + http.maskedValue() + " is set, HTTPS_PROXY is not: https goes direct");
                return new Candidate(CauseId.PROXY_MISSING_HTTPS, Layer.PROXY, Status.FAIL, t,
                        List.of(http.maskedValue()), ev2);
            }
        }
        return new Candidate(id, id.layer(), Status.FAIL, t, key, ev2);
    }

    /** The proxy itself could not be resolved or reached. */
    private Candidate viaProxy(List<String> evidence) {
        ProxyDecision.Proxy p = (ProxyDecision.Proxy) t.proxy();
        return new Candidate(CauseId.PROXY_UNREACHABLE, Layer.PROXY, Status.FAIL, t,
                List.of(p.proxy().redacted(), p.variable().name()), evidence);
    }

    // ---------------------------------------------------------------------------------- PROXY

    private boolean proxy() {
        if (!(t.proxy() instanceof ProxyDecision.Proxy p)) {
            return true;
        }
        Optional<ConnectOutcome> c = walk.flatMap(HttpProbeReport::proxyConnect);
        if (c.isEmpty()) {
            return true;
        }
        String proxy = p.proxy().redacted();
        String get = "Get \"" + t.url().map(Object::toString).orElse(t.base()) + "\": ";
        Optional<Duration> elapsed = Optional.of(c.get().elapsed());
        switch (c.get()) {
            case ConnectOutcome.Established e -> {
                findings.add(Finding.ok(Layer.PROXY, elapsed, "CONNECT 200 via " + proxy));
                return true;
            }
            case ConnectOutcome.Forbidden f -> proxyFail(elapsed, CauseId.PROXY_FORBIDDEN, List.of(proxy),
                    get + "Forbidden", "CONNECT " + t.host() + ":" + t.port() + " via " + proxy + ": 403 " + f.reason());
            case ConnectOutcome.AuthenticationRequired a -> {
                String scheme = a.challenges().isEmpty() ? "Basic" : a.challenges().getFirst().scheme();
                List<String> evidence = new ArrayList<>(List.of(get + "Proxy Authentication Required"));
                a.challenges().forEach(ch -> evidence.add("Proxy-Authenticate: " + ch.scheme()
                        + ch.realm().map(r -> " realm=\"" + r + "\"").orElse("")));
                if (a.sentCredentials()) {
                    evidence.add("the credentials in " + p.variable() + " were sent and rejected");
                }
                proxyFail(elapsed, CauseId.PROXY_AUTH_REQUIRED, List.of(proxy, scheme, p.variable().name()),
                        evidence.toArray(String[]::new));
            }
            case ConnectOutcome.OtherStatus o -> proxyFail(elapsed, CauseId.PROXY_UPSTREAM_FAILED,
                    List.of(proxy, String.valueOf(o.status())), get + o.reason(),
                    "CONNECT " + t.host() + ":" + t.port() + " via " + proxy + ": " + o.status() + " " + o.reason());
            case ConnectOutcome.ClosedWithoutReply cl -> proxyFail(elapsed, CauseId.PROXY_MISCONFIGURED,
                    List.of(p.variable().name()), get + "unexpected EOF",
                    proxy + " closed the connection without answering CONNECT (" + cl.bytesReceived() + " bytes)");
            case ConnectOutcome.Malformed m -> proxyFail(elapsed, CauseId.PROXY_MISCONFIGURED,
                    List.of(p.variable().name()), proxy + " is not an HTTP proxy: it answered \"" + m.firstLine() + "\"");
            case ConnectOutcome.TimedOut to -> proxyFail(elapsed, CauseId.PROXY_UNREACHABLE,
                    List.of(proxy, p.variable().name()), proxy + " did not answer CONNECT in " + Durations.human(to.elapsed()));
            case ConnectOutcome.NetworkError ne -> proxyFail(elapsed, CauseId.PROXY_UNREACHABLE,
                    List.of(proxy, p.variable().name()), "proxyconnect tcp: " + ne.message());
        }
        return false;
    }

    private void proxyFail(Optional<Duration> elapsed, CauseId id, List<String> key, String... evidence) {
        fail(Finding.fail(Layer.PROXY, elapsed, evidence[0], id),
                new Candidate(id, Layer.PROXY, Status.FAIL, t, key, List.of(evidence)));
    }

    // ---------------------------------------------------------------------------------- TLS

    private void tls() {
        Optional<TlsOutcome> o = walk.flatMap(HttpProbeReport::tls);
        if (o.isEmpty()) {
            return;
        }
        Optional<Duration> elapsed = Optional.of(o.get().elapsed());
        switch (o.get()) {
            case TlsOutcome.Completed c -> verdict(c, elapsed);
            case TlsOutcome.Failed f -> {
                String text = f.alert().map(a -> "remote error: tls: " + a.replace('_', ' ')).orElse(f.message());
                tlsFail(elapsed, CauseId.TLS_HANDSHAKE_FAILURE, List.of(), text);
            }
            case TlsOutcome.TimedOut to -> tlsFail(elapsed, CauseId.TLS_HANDSHAKE_FAILURE, List.of(),
                    "net/http: TLS handshake timeout");
        }
    }

    private void verdict(TlsOutcome.Completed c, Optional<Duration> elapsed) {
        List<CertificateInfo> chain = c.session().chain();
        String session = c.session().protocol();
        final String unknown = "tls: failed to verify certificate: x509: certificate signed by unknown authority";
        switch (c.verdict()) {
            case TlsVerdict.Verified v -> {
                String anchor = v.path().isEmpty() ? "" : cn(v.path().getLast().subject());
                Optional<String> box = chain.stream().map(CertificateInfo::issuer)
                        .filter(i -> Names.middlebox(i).isPresent()).map(TargetJudge::cn).findFirst();
                findings.add(Finding.ok(Layer.TLS, elapsed, session + ", " + anchor
                        + box.map(b -> " (inspected by " + b + ", trusted)").orElse("")));
            }
            case TlsVerdict.UnknownAuthority u -> {
                String issuer = chain.isEmpty() ? cn(u.issuer()) : cn(chain.getLast().issuer());
                boolean box = chain.stream().anyMatch(ci -> Names.middlebox(ci.issuer()).isPresent()
                        || Names.middlebox(ci.subject()).isPresent()) || Names.middlebox(u.issuer()).isPresent();
                CauseId id = box || Names.isWellKnownPublic(t.host()) ? CauseId.TLS_INTERCEPTED : CauseId.TLS_UNTRUSTED;
                tlsFail(elapsed, id, List.of(issuer), unknown, "chain: " + chainText(chain));
            }
            case TlsVerdict.NotValidAtTime n -> {
                String text = "tls: failed to verify certificate: x509: certificate has expired or is not yet valid: "
                        + "current time " + n.now() + " is " + (n.expired() ? "after " + n.notAfter() : "before " + n.notBefore());
                Optional<Duration> skew = ctx.significantSkew();
                if (skew.isPresent()) {
                    var corrected = n.now().minus(skew.get());
                    if (!corrected.isBefore(n.notBefore().minus(SKEW_PRECISION))
                            && !corrected.isAfter(n.notAfter().plus(SKEW_PRECISION))) {
                        tlsFail(elapsed, CauseId.TLS_CLOCK_SKEW, List.of(LocalJudge.signed(skew.get())), text,
                                "local clock minus servers' Date headers: " + LocalJudge.signed(skew.get()));
                        return;
                    }
                }
                tlsFail(elapsed, CauseId.TLS_EXPIRED, List.of(), text, "certificate: " + cn(n.subject())
                        + ", valid " + n.notBefore() + " to " + n.notAfter());
            }
            case TlsVerdict.HostnameMismatch h -> {
                List<String> names = new ArrayList<>(h.dnsNames());
                names.addAll(h.ipAddresses());
                String text = h.legacyCommonNameOnly()
                        ? "x509: certificate relies on legacy Common Name field, use SANs instead"
                        : names.isEmpty() ? "x509: certificate is not valid for any names, but wanted to match " + h.host()
                        : "x509: certificate is valid for " + String.join(", ", names) + ", not " + h.host();
                tlsFail(elapsed, CauseId.TLS_HOSTNAME_MISMATCH, List.of(), "tls: failed to verify certificate: " + text,
                        "chain: " + chainText(chain));
            }
            case TlsVerdict.IncompatibleUsage i -> tlsFail(elapsed, CauseId.TLS_UNTRUSTED, List.of(cn(i.subject())),
                    "tls: failed to verify certificate: x509: certificate specifies an incompatible key usage");
            case TlsVerdict.NoCertificate n -> tlsFail(elapsed, CauseId.TLS_UNTRUSTED, List.of("-"),
                    "tls: server sent no certificate");
        }
    }

    private void tlsFail(Optional<Duration> elapsed, CauseId id, List<String> key, String... evidence) {
        fail(Finding.fail(Layer.TLS, elapsed, evidence[0], id),
                new Candidate(id, id.layer(), Status.FAIL, t, key, List.of(evidence)));
    }

    private static String chainText(List<CertificateInfo> chain) {
        if (chain.isEmpty()) {
            return "(none presented)";
        }
        return chain.stream().map(c -> cn(c.subject())).collect(Collectors.joining(" ← "))
                + " (issued by " + cn(chain.getLast().issuer()) + ")";
    }

    /** {@return the CN of a DN, or the DN when it has none} */
    static String cn(String dn) {
        for (String part : dn.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "CN=", 0, 3)) {
                return p.substring(3).replace("\"", "");
            }
        }
        return dn;
    }

    // ---------------------------------------------------------------------------------- HTTP

    private void http() {
        Optional<HttpOutcome> o = walk.flatMap(HttpProbeReport::http);
        if (o.isEmpty()) {
            return;
        }
        String url = t.url().map(Object::toString).orElse(t.base());
        switch (o.get()) {
            case HttpOutcome.Response r -> response(r, url);
            case HttpOutcome.TimedOut to -> httpFail(Optional.of(to.elapsed()), CauseId.HTTP_SERVER_ERROR,
                    List.of("timeout"), "Get \"" + url + "\": net/http: timeout awaiting response headers");
            case HttpOutcome.ClosedBeforeResponse cl -> httpFail(Optional.of(cl.elapsed()), CauseId.HTTP_SERVER_ERROR,
                    List.of("EOF"), "Get \"" + url + "\": EOF");
            case HttpOutcome.Malformed m -> httpFail(Optional.empty(), CauseId.HTTP_UNEXPECTED_CONTENT,
                    List.of("not-http"), "Get \"" + url + "\": malformed HTTP response \"" + m.firstLine() + "\"");
            case HttpOutcome.NetworkError ne -> {
                boolean reset = ne.message().toLowerCase(Locale.ROOT).contains("reset");
                httpFail(Optional.empty(), reset ? CauseId.TCP_RESET : CauseId.HTTP_SERVER_ERROR,
                        reset ? List.of() : List.of("network error"),
                        "Get \"" + url + "\": " + (reset ? "read: connection reset by peer" : ne.message()));
            }
        }
    }

    private void response(HttpOutcome.Response r, String url) {
        int s = r.status();
        Optional<Duration> ttfb = Optional.of(r.timeToFirstByte());
        String status = s + (r.reason().isEmpty() ? "" : " " + r.reason());
        String reading = "reading " + url + ": " + status;
        if (s >= 200 && s < 300) {
            findings.add(Finding.ok(Layer.HTTP, ttfb, status));
            protocol();
            bodyEnd(r, url);
            return;
        }
        if (s >= 300 && s < 400) {
            String location = r.location().orElse("");
            if (url.startsWith("https:") && location.regionMatches(true, 0, "http:", 0, 5)) {
                httpFail(ttfb, CauseId.HTTP_UNEXPECTED_CONTENT, List.of("redirect-to-http"),
                        "redirected from secure URL " + url + " to insecure URL " + location);
            } else {
                findings.add(Finding.ok(Layer.HTTP, ttfb, status + " → " + location));
            }
            return;
        }
        if (s == 407 && t.proxy() instanceof ProxyDecision.Proxy p) {
            String scheme = r.headers().stream().filter(h -> h.name().equalsIgnoreCase("Proxy-Authenticate"))
                    .map(h -> ConnectOutcome.Challenge.parse(h.value()).scheme()).findFirst().orElse("Basic");
            httpFail(ttfb, CauseId.PROXY_AUTH_REQUIRED, List.of(p.proxy().redacted(), scheme, p.variable().name()),
                    reading);
            return;
        }
        if (s == 404 || s == 410) {
            if (t.kind() == TargetKind.SUMDB_VIA_PROXY) {
                findings.add(Finding.ok(Layer.HTTP, ttfb, status + " (not served here: go asks the database directly)"));
                return;
            }
            Optional<String> module = t.module();
            if ((t.kind() == TargetKind.GOPROXY || t.kind() == TargetKind.TOOLCHAIN_MODULE) && module.isPresent()
                    && Names.looksPrivate(module.get()) && Names.isPublicProxy(t.host())
                    && !PrefixPatterns.matches(ctx.settings().gonoproxy(), module.get())) {
                httpFail(ttfb, CauseId.GOPROXY_PRIVATE_LEAK, List.of(module.get(), t.host()), reading,
                        module.get() + " is not matched by GONOPROXY=\"" + ctx.settings().gonoproxy() + "\"");
                return;
            }
            httpFail(ttfb, CauseId.HTTP_NOT_FOUND, List.of(String.valueOf(s)), reading);
            return;
        }
        if (s == 401 || s == 403 || s == 451 || s == 429) {
            httpFail(ttfb, CauseId.HTTP_FORBIDDEN, List.of(String.valueOf(s)), reading);
            return;
        }
        httpFail(ttfb, CauseId.HTTP_SERVER_ERROR, List.of(String.valueOf(s)), reading);
    }

    private void httpFail(Optional<Duration> elapsed, CauseId id, List<String> key, String... evidence) {
        Layer layer = id == CauseId.HTTP_UNEXPECTED_CONTENT || id == CauseId.TCP_RESET ? Layer.HTTP : id.layer();
        fail(Finding.fail(layer, elapsed, evidence[0], id),
                new Candidate(id, id.layer(), Status.FAIL, t, key, List.of(evidence)));
    }

    // ---------------------------------------------------------------------------------- PROTOCOL

    private void protocol() {
        if (ev.protocol().isEmpty()) {
            return;
        }
        String url = t.url().map(Object::toString).orElse(t.base());
        switch (ev.protocol().get()) {
            case ProtocolVerdict.Valid v -> findings.add(Finding.ok(Layer.PROTOCOL, Optional.empty(), v.summary()));
            case ProtocolVerdict.Unexpected u -> fail(
                    Finding.fail(Layer.PROTOCOL, Optional.empty(), u.problem() + ": " + u.excerpt(),
                            CauseId.HTTP_UNEXPECTED_CONTENT),
                    Candidate.fail(CauseId.HTTP_UNEXPECTED_CONTENT, t, List.of(u.problem()),
                            url + ": 200 with " + u.problem() + ": " + u.excerpt()));
        }
    }

    // ---------------------------------------------------------------------------------- THROUGHPUT

    private void bodyEnd(HttpOutcome.Response r, String url) {
        String got = r.bodyBytes() + " bytes in " + Durations.human(r.bodyTime());
        switch (r.bodyEnd()) {
            case STALLED, DEADLINE -> fail(Finding.fail(Layer.THROUGHPUT, Optional.of(r.bodyTime()),
                            "body " + r.bodyEnd().name().toLowerCase(Locale.ROOT) + " after " + got, CauseId.NETWORK_SLOW),
                    Candidate.fail(CauseId.NETWORK_SLOW, t, List.of(), url + ": body "
                            + r.bodyEnd().name().toLowerCase(Locale.ROOT) + " after " + got));
            case CLOSED_EARLY, ERROR -> fail(Finding.fail(Layer.THROUGHPUT, Optional.of(r.bodyTime()),
                            "connection lost after " + got, CauseId.TCP_RESET),
                    Candidate.fail(CauseId.TCP_RESET, t, List.of(), "Get \"" + url + "\": unexpected EOF after " + got
                            + r.bodyError().map(e -> " (" + e + ")").orElse("")));
            case COMPLETE, NONE, CAPPED -> { }
        }
    }

    /** The smallest complete download whose rate is judged. */
    static final long MEANINGFUL_BYTES = 64 * 1024;

    /**
     * Stalls are a failure (go's own transfers hang the same way). Otherwise the rate decides: under
     * the threshold a download cut by the time box fails, a complete one is a warning; a download
     * cut by the time box at a good rate is fine (the object was just larger than the budget).
     */
    private void throughput() {
        Optional<ThroughputSample> s = ev.throughput();
        if (s.isEmpty()) {
            return;
        }
        ThroughputSample x = s.get();
        String detail = x.bytes() + " bytes in " + Durations.human(x.elapsed()) + " ("
                + Durations.rate(x.bytesPerSecond()) + ")" + (x.stalls() > 0 ? ", " + x.stalls() + " stalls" : "")
                + (x.complete() ? "" : ", cut short");
        String line = x.url() + ": " + detail;
        Optional<Duration> elapsed = Optional.of(x.elapsed());
        // A small object that arrived whole says nothing about the rate: its time is mostly latency.
        boolean slow = x.bytesPerSecond() < ctx.thresholds().slowBytesPerSecond()
                && !(x.complete() && x.bytes() < MEANINGFUL_BYTES);
        if (x.stalls() > 0 || slow && !x.complete()) {
            fail(Finding.fail(Layer.THROUGHPUT, elapsed, detail, CauseId.NETWORK_SLOW),
                    Candidate.fail(CauseId.NETWORK_SLOW, t, List.of(), line));
        } else if (slow) {
            warnings.add(new Candidate(CauseId.NETWORK_SLOW, Layer.THROUGHPUT, Status.WARN, t, List.of(), List.of(line)));
            findings.add(Finding.warn(Layer.THROUGHPUT, elapsed, detail, CauseId.NETWORK_SLOW));
        } else {
            findings.add(Finding.ok(Layer.THROUGHPUT, elapsed, detail));
        }
    }

    // ---------------------------------------------------------------------------------- helpers

    private void fail(Finding finding, Candidate candidate) {
        findings.add(finding);
        if (root == null) {
            root = candidate;
        }
    }

    static String address(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    private static boolean isLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
    }

    static String join(List<String> items, int max) {
        if (items.size() <= max) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, max)) + " (+" + (items.size() - max) + ")";
    }
}
