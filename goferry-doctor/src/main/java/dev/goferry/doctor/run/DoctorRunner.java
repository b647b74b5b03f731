package dev.goferry.doctor.run;

import dev.goferry.doctor.Layer;
import dev.goferry.doctor.diagnosis.Diagnoser;
import dev.goferry.doctor.diagnosis.DiagnosisContext;
import dev.goferry.doctor.evidence.DnsEvidence;
import dev.goferry.doctor.evidence.FileProxyEvidence;
import dev.goferry.doctor.evidence.LocalEvidence;
import dev.goferry.doctor.evidence.TargetEvidence;
import dev.goferry.doctor.evidence.ThroughputSample;
import dev.goferry.doctor.protocol.BodySample;
import dev.goferry.doctor.protocol.ProtocolCheck;
import dev.goferry.doctor.protocol.ProtocolValidator;
import dev.goferry.doctor.protocol.ProtocolVerdict;
import dev.goferry.doctor.target.Target;
import dev.goferry.doctor.target.TargetKind;
import dev.goferry.doctor.target.TargetOptions;
import dev.goferry.doctor.target.TargetPlanner;
import dev.goferry.gomod.env.SumDbSetting;
import dev.goferry.gomod.route.RouteSettings;
import dev.goferry.net.Endpoint;
import dev.goferry.net.ProbeListener;
import dev.goferry.net.dns.DnsClient;
import dev.goferry.net.dns.DnsQuery;
import dev.goferry.net.dns.GoResolution;
import dev.goferry.net.dns.GoResolver;
import dev.goferry.net.dns.HostsFile;
import dev.goferry.net.dns.QueryType;
import dev.goferry.net.dns.ResolvConf;
import dev.goferry.net.dns.ResolvConfParser;
import dev.goferry.net.dns.Resolver;
import dev.goferry.net.dns.ResolverFiles;
import dev.goferry.net.http.HttpExchange;
import dev.goferry.net.http.HttpOutcome;
import dev.goferry.net.http.HttpProbe;
import dev.goferry.net.http.HttpProbeReport;
import dev.goferry.net.http.Limits;
import dev.goferry.net.proxy.ConnectProbe;
import dev.goferry.net.proxy.ProxyUrl;
import dev.goferry.net.tcp.SocketConnector;
import dev.goferry.net.tcp.TcpAttempt;
import dev.goferry.net.tcp.TcpOutcome;
import dev.goferry.net.tcp.TcpProbe;
import dev.goferry.net.tls.ChainVerifier;
import dev.goferry.net.tls.TlsProbe;
import dev.goferry.net.transfer.TransferProbe;
import dev.goferry.net.wire.Header;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Runs the doctor: every target's layers in parallel on virtual threads under one overall
 * deadline, then the pure diagnosis. The run never outlasts {@link RunOptions#timeout()}: at the
 * deadline what is still running is cancelled and reported as unfinished, and the diagnosis judges
 * the evidence that arrived. goferry-net gathers, {@link Diagnoser} judges; this class only wires.
 */
public final class DoctorRunner {

    /**
     * The runner's contact with the machine, each replaceable in tests.
     *
     * @param files     resolv.conf, hosts and hostname as Go reads them
     * @param connector opens TCP connections (always behind {@code guard})
     * @param guard     vets every address before a connect or a DNS query
     * @param dns       sends DNS queries (only after {@code guard} allowed the server)
     * @param local     interfaces and default routes
     * @param wall      the wall clock, for clock samples and certificate validity
     */
    public record Seams(ResolverFiles files, SocketConnector connector, AddressGuard guard, DnsClient dns,
                        LocalSource local, Clock wall) {
        public Seams {
            Objects.requireNonNull(files, "files");
            Objects.requireNonNull(connector, "connector");
            Objects.requireNonNull(guard, "guard");
            Objects.requireNonNull(dns, "dns");
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(wall, "wall");
        }

        /** {@return this machine, with every address allowed} */
        public static Seams system() {
            return new Seams(ResolverFiles.SYSTEM, SocketConnector.SYSTEM, AddressGuard.ALLOW_ALL, DnsClient.system(),
                    LocalSource.SYSTEM, Clock.systemUTC());
        }
    }

    private static final long BODY_CAP = 1024 * 1024;

    private final Seams seams;

    public DoctorRunner(Seams seams) {
        this.seams = Objects.requireNonNull(seams, "seams");
    }

    /**
     * Probes {@code targets} under {@code settings} and diagnoses them; {@code goproxy} and
     * {@code gosumdb} are the effective texts, for messages and fixes. The checksum database
     * reached directly only after the proxies' answers ({@link TargetPlanner#sumdbFallback}) is
     * derived from the settings and the module the targets serve.
     */
    public DoctorRun run(RouteSettings settings, String goproxy, String gosumdb, List<Target> targets,
                         RunOptions options) {
        return run(settings, goproxy, gosumdb, targets, fallbackFor(settings, targets), options);
    }

    /**
     * As {@link #run(RouteSettings, String, String, List, RunOptions)}, with the second-phase
     * target given: {@code sumdbFallback} is probed, within the same deadline, only when the
     * proxies' {@code supported} answers send Go to the database directly ({@link SumDbFallback}).
     */
    public DoctorRun run(RouteSettings settings, String goproxy, String gosumdb, List<Target> targets,
                         Optional<Target> sumdbFallback, RunOptions options) {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        Optional<String> sumdbKey = settings.sumdb() instanceof SumDbSetting.Database db
                ? Optional.of(db.key()) : Optional.empty();
        List<Progress> progress = new ArrayList<>(targets.stream().map(Progress::new).toList());
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        List<TargetEvidence> evidence = new ArrayList<>();
        List<DoctorRun.Unfinished> unfinished = new ArrayList<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Progress p : progress) {
                futures.add(pool.submit(() -> probe(p, settings, options, sumdbKey, deadline)));
            }
            await(futures, deadline);
            Optional<Target> second = sumdbFallback.filter(t -> !Thread.currentThread().isInterrupted()
                    && targets.stream().noneMatch(x -> x.id().equals(t.id()))
                    && SumDbFallback.decide(settings.proxies().entries(), supportedAnswers(progress))
                            == SumDbFallback.Verdict.DIRECT);
            if (second.isPresent()) {
                Progress p = new Progress(second.get());
                progress.add(p);
                await(List.of(pool.submit(() -> probe(p, settings, options, sumdbKey, deadline))), deadline);
            }
            // Read every target's state before cancelling: a cancelled probe would otherwise still
            // record its interrupted layers as if they had finished.
            for (Progress p : progress) {
                evidence.add(p.snapshot());
                List<Layer> left = p.unfinished();
                if (!left.isEmpty()) {
                    unfinished.add(new DoctorRun.Unfinished(p.target.id(), left));
                }
            }
        } finally {
            pool.shutdownNow();  // not close(): the run must not wait for what the deadline cut off
        }
        List<Target> all = progress.stream().map(p -> p.target).toList();
        LocalEvidence local = local(all, progress);
        DiagnosisContext ctx = new DiagnosisContext(settings, goproxy, gosumdb, Optional.of(local),
                new DiagnosisContext.Thresholds(options.throughput().slowBytesPerSecond(),
                        DiagnosisContext.Thresholds.DEFAULT.clockSkew()));
        Set<String> cutOff = unfinished.stream().map(DoctorRun.Unfinished::targetId).collect(Collectors.toSet());
        return new DoctorRun(Diagnoser.diagnose(ctx, evidence, cutOff), evidence, local, unfinished);
    }

    /** The fallback for targets planned without it: the module is the one they serve, else the reference. */
    private static Optional<Target> fallbackFor(RouteSettings settings, List<Target> targets) {
        if (targets.stream().noneMatch(t -> t.kind() == TargetKind.SUMDB_VIA_PROXY)) {
            return Optional.empty();
        }
        Optional<TargetOptions.ModuleVersion> module = targets.stream().flatMap(t -> t.module().stream()).findFirst()
                .map(m -> new TargetOptions.ModuleVersion(m, Optional.empty()));
        return TargetPlanner.sumdbFallback(settings, new TargetOptions(TargetOptions.REFERENCE_MODULE, module,
                Optional.empty(), Optional.empty(), List.of()));
    }

    /** Each proxy's answer to {@code supported}: its status, or empty when no response came; absent when unfinished. */
    private static Map<String, Optional<Integer>> supportedAnswers(List<Progress> progress) {
        Map<String, Optional<Integer>> out = new HashMap<>();
        for (Progress p : progress) {
            if (p.target.kind() == TargetKind.SUMDB_VIA_PROXY && p.walk.isPresent()) {
                out.put(p.target.base(), p.walk.get().http().filter(HttpOutcome.Response.class::isInstance)
                        .map(h -> ((HttpOutcome.Response) h).status()));
            }
        }
        return out;
    }

    private static void await(List<Future<?>> futures, long deadline) {
        for (Future<?> f : futures) {
            long left = deadline - System.nanoTime();
            try {
                f.get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // reported as unfinished
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();  // Ctrl-C: report what is known
                return;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error err) {
                    throw err;  // a guard in a test, or the JVM: never hide it
                }
                throw new IllegalStateException("doctor probe failed: " + e.getCause(), e.getCause());
            }
        }
    }

    private LocalEvidence local(List<Target> targets, List<Progress> progress) {
        Optional<ResolvConf> conf = Optional.of(ResolvConfParser.read(seams.files()));
        HostsFile hosts = HostsFile.read(seams.files());
        List<LocalEvidence.HostsEntry> entries = new ArrayList<>();
        targets.stream().map(Target::host).filter(h -> !h.isEmpty()).distinct().forEach(h -> {
            List<InetAddress> a = hosts.lookup(h);
            if (!a.isEmpty()) {
                entries.add(new LocalEvidence.HostsEntry(h, a));
            }
        });
        List<LocalEvidence.ClockSample> clock = new ArrayList<>();
        progress.forEach(p -> clock.addAll(p.clock));
        return new LocalEvidence(seams.local().interfaces(),
                seams.local().routesV4().flatMap(LocalSource::defaultV4),
                seams.local().routesV6().flatMap(LocalSource::defaultV6), conf, entries, clock);
    }

    private void probe(Progress p, RouteSettings settings, RunOptions options, Optional<String> sumdbKey,
                       long deadline) {
        Target t = p.target;
        if (t.url().isPresent() && t.scheme().equals("file")) {
            p.file = Optional.of(fileProxy(t));
            p.done.add(Layer.HTTP);
            return;
        }
        if (!t.kind().probed() || t.url().isEmpty()) {
            return;
        }
        URI url = t.url().get();
        Optional<ProxyUrl> proxy = t.proxyUrl().map(ProxyUrl::parse);
        String dialHost = proxy.map(ProxyUrl::host).orElse(t.host());
        int dialPort = proxy.map(ProxyUrl::port).orElse(t.port());
        Endpoint endpoint = new Endpoint(t.scheme(), t.host(), t.port());
        Limits limits = Limits.GO_DEFAULTS.withAllTimeouts(min(options.layerTimeout(), Duration.ofSeconds(10)))
                .withBodyCap(BODY_CAP);

        // DNS: as Go resolves it, then each configured server and each public resolver asked directly.
        GoResolution go = new GoResolver(seams.files(), seams.dns()).resolveLikeGo(checkedName(dialHost), endpoint,
                ProbeListener.NONE);
        List<DnsQuery> configured = new ArrayList<>();
        List<DnsQuery> publicQueries = new ArrayList<>();
        if (go.source() == GoResolution.Source.DNS) {
            for (InetSocketAddress server : go.conf().servers()) {
                configured.addAll(ask(server, dialHost, go.conf().timeout()));
            }
            for (InetSocketAddress server : options.publicResolvers()) {
                publicQueries.addAll(ask(server, dialHost, go.conf().timeout()));
            }
        }
        p.dns = Optional.of(new DnsEvidence(dialHost, Optional.of(go), configured, publicQueries));
        p.done.add(Layer.DNS);

        // TCP: every address, several attempts, to the proxy when Go uses one.
        TcpProbe tcp = new TcpProbe(seams.guard().guard(seams.connector()), System::nanoTime);
        if (!go.addresses().isEmpty()) {
            p.tcp = tcp.probe(endpoint, go.addresses(), dialPort, options.tcpAttempts(), limits.connectTimeout(),
                    ProbeListener.NONE);
        }
        p.done.add(Layer.TCP);
        if (!p.tcp.isEmpty() && p.tcp.stream().noneMatch(a -> a.outcome() instanceof TcpOutcome.Connected)) {
            // No address took a connection: the walk would only dial them again and wait as long,
            // running into the deadline and listing layers above TCP as unfinished.
            p.done.addAll(EnumSet.of(Layer.PROXY, Layer.TLS, Layer.HTTP, Layer.PROTOCOL));
            return;
        }

        // The request walked as Go's transport would, on the addresses already resolved.
        Resolver resolved = (host, ep, listener) -> {
            listener.dnsStart(ep, host);
            if (go.addresses().isEmpty()) {
                listener.dnsFailed(ep, host, "no such host");
                throw new UnknownHostException(host);
            }
            listener.dnsEnd(ep, host, go.addresses());
            return go.addresses();
        };
        HttpProbe http = new HttpProbe(resolved, tcp, new ConnectProbe(System::nanoTime),
                new TlsProbe(new ChainVerifier(seams.wall()), System::nanoTime), new HttpExchange(System::nanoTime),
                System::nanoTime);
        HttpProbeReport walk = http.probe("GET", url, proxy, options.roots(), limits, new LayerMarks(p));
        p.walk = Optional.of(walk);
        p.done.addAll(EnumSet.of(Layer.PROXY, Layer.TLS, Layer.HTTP));

        if (walk.http().orElse(null) instanceof HttpOutcome.Response r) {
            Instant now = seams.wall().instant();
            date(r).ifPresent(d -> p.clock.add(new LocalEvidence.ClockSample(t.host(), now, d)));
            if (r.status() >= 200 && r.status() < 300) {
                Body body = body(r);
                p.protocol = Optional.of(ProtocolValidator.validate(ProtocolCheck.of(t),
                        new BodySample(r.status(), header(r, "Content-Type"), body.bytes(), body.truncated()), sumdbKey));
                p.done.add(Layer.PROTOCOL);
                if (options.throughput().enabled() && p.protocol.get() instanceof ProtocolVerdict.Valid) {
                    Optional<ThroughputPlan.Download> d = ThroughputPlan.of(t, body.bytes(), body.truncated());
                    if (d.isPresent()) {
                        p.throughputStarted = true;
                        p.throughput = ThroughputLayer.measure(new TransferProbe(redirectable(resolved, dialHost, tcp),
                                System::nanoTime), d.get(), proxy, options.roots(), limits,
                                options.throughput(), deadline);
                        p.done.add(Layer.THROUGHPUT);
                    }
                }
            }
        }
        p.done.add(Layer.PROTOCOL);
    }

    /**
     * A probe for a download that may be redirected (a mirror sending a zip to its CDN): the host
     * already resolved keeps its addresses, any other is resolved as Go would, behind the guard.
     */
    private HttpProbe redirectable(Resolver resolved, String dialHost, TcpProbe tcp) {
        Resolver likeGo = Resolver.likeGo(new GoResolver(seams.files(), seams.dns()));
        Resolver any = (host, ep, listener) -> host.equals(dialHost) ? resolved.resolve(host, ep, listener)
                : likeGo.resolve(checkedName(host), ep, listener);
        return new HttpProbe(any, tcp, new ConnectProbe(System::nanoTime),
                new TlsProbe(new ChainVerifier(seams.wall()), System::nanoTime), new HttpExchange(System::nanoTime),
                System::nanoTime);
    }

    /** Vets the resolv.conf servers Go's resolver is about to ask, before it asks them. */
    private String checkedName(String host) {
        for (InetSocketAddress server : ResolvConfParser.read(seams.files()).servers()) {
            guardChecked(server);
        }
        return host;
    }

    private List<DnsQuery> ask(InetSocketAddress server, String name, Duration timeout) {
        guardChecked(server);
        String fqdn = name.endsWith(".") ? name : name + ".";
        return List.of(seams.dns().query(server, fqdn, QueryType.A, timeout, false),
                seams.dns().query(server, fqdn, QueryType.AAAA, timeout, false));
    }

    private void guardChecked(InetSocketAddress server) {
        try {
            seams.guard().check(server);
        } catch (IOException e) {
            throw new UncheckedIOException("dns server \"" + server + "\": " + e.getMessage(), e);
        }
    }

    /** A response body as the protocol check reads it: gzip undone, and whether the sample cap cut it. */
    private record Body(byte[] bytes, boolean truncated) {}

    private static Body body(HttpOutcome.Response r) {
        byte[] body = r.bodySample();
        boolean truncated = r.bodyBytes() > body.length;
        if (header(r, "Content-Encoding").map(v -> v.equalsIgnoreCase("gzip")).orElse(false)) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readNBytes(HttpOutcome.Response.SAMPLE_CAP);
            } catch (IOException e) {
                truncated = true;  // a cut gzip stream: judge what decoded so far
            }
        }
        return new Body(body, truncated);
    }

    private static Optional<String> header(HttpOutcome.Response r, String name) {
        return r.headers().stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    private static Optional<Instant> date(HttpOutcome.Response r) {
        try {
            return header(r, "Date").map(d -> ZonedDateTime.parse(d, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static FileProxyEvidence fileProxy(Target t) {
        String base = t.base().substring("file://".length());
        Path dir = Path.of(base);
        Optional<String> probe = t.url().map(u -> u.getPath());
        try {
            boolean exists = Files.exists(dir);
            boolean isDir = Files.isDirectory(dir);
            boolean readable = isDir && Files.isReadable(dir);
            boolean probeExists = probe.map(f -> Files.isRegularFile(Path.of(f))).orElse(false);
            return new FileProxyEvidence(base, exists, isDir, readable, probe, probeExists, Optional.empty());
        } catch (RuntimeException e) {
            return new FileProxyEvidence(base, false, false, false, probe, false, Optional.of(e.toString()));
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** One target's evidence as it arrives; read at the deadline whatever state it is in. */
    private static final class Progress {
        final Target target;
        final Set<Layer> done = ConcurrentHashMap.newKeySet();
        final List<LocalEvidence.ClockSample> clock = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile Optional<DnsEvidence> dns = Optional.empty();
        volatile List<TcpAttempt> tcp = List.of();
        volatile Optional<HttpProbeReport> walk = Optional.empty();
        volatile Optional<ProtocolVerdict> protocol = Optional.empty();
        volatile Optional<FileProxyEvidence> file = Optional.empty();
        volatile Optional<ThroughputSample> throughput = Optional.empty();
        volatile boolean throughputStarted;

        Progress(Target target) {
            this.target = target;
        }

        TargetEvidence snapshot() {
            return new TargetEvidence(target, dns, tcp, walk, protocol, throughput, file);
        }

        /** {@return the layers this target needs and has not finished} */
        List<Layer> unfinished() {
            if (!target.kind().probed()) {
                return List.of();
            }
            if (target.scheme().equals("file")) {
                return done.contains(Layer.HTTP) ? List.of() : List.of(Layer.HTTP);
            }
            List<Layer> needed = new ArrayList<>(List.of(Layer.DNS, Layer.TCP));
            if (target.proxied()) {
                needed.add(Layer.PROXY);
            }
            if (target.scheme().equals("https")) {
                needed.add(Layer.TLS);
            }
            needed.add(Layer.HTTP);
            needed.add(Layer.PROTOCOL);
            if (throughputStarted) {
                needed.add(Layer.THROUGHPUT);
            }
            needed.removeIf(done::contains);
            return needed;
        }
    }

    /** Marks the walk's layers done as its events arrive, so a cut-off run knows how far each got. */
    private record LayerMarks(Progress p) implements ProbeListener {
        @Override
        public void proxyConnectEnd(Endpoint endpoint, int status) {
            p.done.add(Layer.PROXY);
        }

        @Override
        public void proxyConnectFailed(Endpoint endpoint, String reason) {
            p.done.add(Layer.PROXY);
        }

        @Override
        public void tlsEnd(Endpoint endpoint, String protocol, String cipherSuite) {
            p.done.add(Layer.TLS);
        }

        @Override
        public void tlsFailed(Endpoint endpoint, String reason) {
            p.done.add(Layer.TLS);
        }
    }
}
