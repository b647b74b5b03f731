package dev.goferry.install.mirrors;

import dev.goferry.gomod.semver.Semver;
import dev.goferry.install.download.ProxyRouting;
import dev.goferry.install.index.GoVersion;
import dev.goferry.install.index.IndexClient;
import dev.goferry.install.index.Release;
import dev.goferry.install.index.ReleaseFile;
import dev.goferry.gomod.sumdb.note.NoteException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Probes every mirror of the chosen kinds at once, each on its own virtual thread, under one
 * deadline: a probe still running then is reported as timed out, never waited for. Then judges
 * freshness against the freshest correct answer and ranks each kind: working mirrors first (ok
 * before stale), fastest first by the estimated time to fetch the sample (latency + sample /
 * throughput; latency alone for checksum databases), then the rest by how they failed.
 */
public final class MirrorProber {

    /** Hears of each finished probe; called from probe threads, so it must be thread-safe and quick. */
    @FunctionalInterface
    public interface Progress {
        void finished(Mirror mirror, int done, int total);

        Progress NONE = (mirror, done, total) -> { };
    }

    private final ProxyRouting routing;
    private final ProbeSettings settings;

    public MirrorProber(ProxyRouting routing, ProbeSettings settings) {
        this.routing = routing;
        this.settings = settings;
    }

    /** The release index's newest archive for the platform, and the one before it. */
    private record Targets(ReleaseFile newest, Optional<ReleaseFile> previous) {}

    /** Probes the catalog's mirrors of {@code kinds} and ranks them. */
    public MirrorRanking probe(MirrorCatalog catalog, Set<MirrorKind> kinds, Progress progress) throws InterruptedException {
        long deadline = System.nanoTime() + settings.deadline().toNanos();
        ProbeHttp http = new ProbeHttp(routing, settings.deadline(), settings.userAgent());
        List<Mirror> mirrors = catalog.mirrors().stream().filter(m -> kinds.contains(m.kind())).toList();
        Map<Mirror, ProbeOutcome> outcomes = new LinkedHashMap<>();
        Optional<String> indexProblem = Optional.empty();
        Optional<String> indexNewest = Optional.empty();
        AtomicInteger done = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Targets> targets = pool.submit(() -> targets(catalog));
            Optional<SumdbProbe> sumdb;
            Optional<String> keyProblem = Optional.empty();
            try {
                sumdb = Optional.of(new SumdbProbe(http, catalog.sumdbKey()));
            } catch (NoteException e) {
                sumdb = Optional.empty();
                keyProblem = Optional.of("sumdb.key \"" + catalog.sumdbKey() + "\": " + e.getMessage());
            }
            GoproxyProbe goproxy = new GoproxyProbe(http, catalog.referenceModule(), settings);
            Map<Mirror, Future<ProbeOutcome>> running = new LinkedHashMap<>();
            for (Mirror m : mirrors) {
                Optional<SumdbProbe> db = sumdb;
                Optional<String> why = keyProblem;
                running.put(m, pool.submit(() -> {
                    try {
                        return switch (m.kind()) {
                            case GOPROXY -> goproxy.probe(m);
                            case SUMDB -> db.isPresent() ? db.get().probe(m) : new ProbeOutcome.NotChecked(why.orElse(""));
                            case RELEASE -> {
                                Targets t;
                                try {
                                    t = targets.get();
                                } catch (ExecutionException e) {
                                    yield new ProbeOutcome.NotChecked(e.getCause().getMessage());
                                }
                                yield new ReleaseProbe(http, t.newest(), t.previous(), settings.sampleBytes()).probe(m);
                            }
                        };
                    } finally {
                        progress.finished(m, done.incrementAndGet(), mirrors.size());
                    }
                }));
            }
            for (Map.Entry<Mirror, Future<ProbeOutcome>> e : running.entrySet()) {
                outcomes.put(e.getKey(), await(e.getValue(), deadline));
            }
            if (kinds.contains(MirrorKind.RELEASE)) {
                try {
                    Targets t = targets.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    indexNewest = Optional.of(t.newest().version());
                } catch (ExecutionException e) {
                    indexProblem = Optional.of(e.getCause().getMessage());
                } catch (TimeoutException e) {
                    indexProblem = Optional.of("release index: no answer before the deadline");
                }
            }
            targets.cancel(true);
            pool.shutdownNow();
        }
        return judge(mirrors, outcomes, indexNewest, indexProblem);
    }

    private static ProbeOutcome await(Future<ProbeOutcome> future, long deadline) throws InterruptedException {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | CancellationException e) {
            future.cancel(true);
            return new ProbeOutcome.TimedOut();
        } catch (ExecutionException e) {
            return new ProbeOutcome.Broken(Optional.empty(), "probe failed: " + e.getCause());
        }
    }

    private Targets targets(MirrorCatalog catalog) throws Exception {
        IndexClient index = new IndexClient(routing, settings.deadline(), settings.userAgent());
        List<ReleaseFile> archives = new ArrayList<>();
        List<Release> stable = index.fetch(catalog.indexUrls(), Optional.empty()).index().releases().stream()
                .filter(Release::stable)
                .filter(r -> r.goVersion().isPresent())
                .sorted(Comparator.comparing((Release r) -> r.goVersion().get()).reversed())
                .toList();
        for (Release r : stable) {
            r.archiveFor(settings.goos(), settings.goarch()).ifPresent(archives::add);
            if (archives.size() == 2) {
                break;
            }
        }
        if (archives.isEmpty()) {
            throw new IllegalStateException("release index: no stable release has an archive for "
                    + settings.goos() + "/" + settings.goarch());
        }
        return new Targets(archives.getFirst(), archives.size() > 1 ? Optional.of(archives.get(1)) : Optional.empty());
    }

    static MirrorRanking judge(List<Mirror> mirrors, Map<Mirror, ProbeOutcome> outcomes, Optional<String> indexNewest,
                               Optional<String> indexProblem) {
        Map<MirrorKind, String> freshest = new EnumMap<>(MirrorKind.class);
        indexNewest.ifPresent(v -> freshest.put(MirrorKind.RELEASE, v));
        for (Mirror m : mirrors) {
            if (outcomes.get(m) instanceof ProbeOutcome.Answered a) {
                freshest.merge(m.kind(), a.newest(), (x, y) -> newer(m.kind(), x, y) ? x : y);
            }
        }
        List<MirrorReport> reports = new ArrayList<>();
        for (MirrorKind kind : MirrorKind.values()) {
            List<MirrorReport> ofKind = new ArrayList<>();
            for (Mirror m : mirrors) {
                if (m.kind() == kind) {
                    ofKind.add(report(m, outcomes.get(m), Optional.ofNullable(freshest.get(kind))));
                }
            }
            ofKind.sort(Comparator.comparing(MirrorReport::status).thenComparingDouble(MirrorProber::cost));
            for (int i = 0; i < ofKind.size(); i++) {
                MirrorReport r = ofKind.get(i);
                reports.add(new MirrorReport(r.mirror(), i + 1, r.status(), r.latency(), r.throughput(), r.newest(), r.detail(),
                        r.toolchain()));
            }
        }
        return new MirrorRanking(reports, freshest, indexProblem);
    }

    private static MirrorReport report(Mirror m, ProbeOutcome outcome, Optional<String> freshest) {
        return switch (outcome) {
            case ProbeOutcome.Answered a -> {
                boolean stale = freshest.isPresent() && newer(m.kind(), freshest.get(), a.newest())
                        && !freshest.get().equals(a.newest());
                yield new MirrorReport(m, 0, stale ? MirrorStatus.STALE : MirrorStatus.OK, Optional.of(a.latency()),
                        a.throughput(), Optional.of(a.newest()),
                        stale ? Optional.of("behind: knows " + a.newest() + ", the freshest answer is " + freshest.get()
                                + a.note().map(n -> " (" + n + ")").orElse("")) : a.note(), a.toolchain());
            }
            case ProbeOutcome.Broken b -> new MirrorReport(m, 0, MirrorStatus.BROKEN, b.latency(), OptionalDouble.empty(),
                    Optional.empty(), Optional.of(b.reason()), Optional.empty());
            case ProbeOutcome.Unreachable u -> new MirrorReport(m, 0, MirrorStatus.UNREACHABLE, Optional.empty(),
                    OptionalDouble.empty(), Optional.empty(), Optional.of(u.reason()), Optional.empty());
            case ProbeOutcome.TimedOut t -> new MirrorReport(m, 0, MirrorStatus.TIMED_OUT, Optional.empty(),
                    OptionalDouble.empty(), Optional.empty(), Optional.of("no verdict before the deadline"), Optional.empty());
            case ProbeOutcome.NotChecked n -> new MirrorReport(m, 0, MirrorStatus.NOT_CHECKED, Optional.empty(),
                    OptionalDouble.empty(), Optional.empty(), Optional.of(n.reason()), Optional.empty());
        };
    }

    /** {@return whether {@code a} is at least as new as {@code b}} for the kind's notion of "newest" */
    private static boolean newer(MirrorKind kind, String a, String b) {
        return switch (kind) {
            case GOPROXY -> Semver.compare(a, b) >= 0;
            case SUMDB -> Long.parseLong(a) >= Long.parseLong(b);
            case RELEASE -> GoVersion.parse(a).flatMap(x -> GoVersion.parse(b).map(y -> x.compareTo(y) >= 0)).orElse(true);
        };
    }

    /**
     * {@return the estimated seconds to fetch a 1 MiB sample: latency plus transfer at the measured
     * rate}; latency alone when no throughput was measured; mirrors without an answer sort last
     */
    private static double cost(MirrorReport r) {
        double latency = r.latency().map(d -> d.toNanos() / 1e9).orElse(Double.MAX_VALUE / 4);
        double transfer = r.throughput().isPresent() ? (1 << 20) / Math.max(1, r.throughput().getAsDouble()) : 0;
        return latency + transfer;
    }

}
