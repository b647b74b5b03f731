package dev.goferry.doctor.diagnosis;

import dev.goferry.doctor.Layer;
import dev.goferry.doctor.Message;
import dev.goferry.doctor.Status;
import dev.goferry.doctor.evidence.LocalEvidence;
import dev.goferry.doctor.evidence.TargetEvidence;
import dev.goferry.doctor.target.Target;
import dev.goferry.doctor.target.TargetKind;
import dev.goferry.gomod.env.SumDbSetting;
import dev.goferry.gomod.goproxy.ProxyEntry;
import dev.goferry.gomod.goproxy.ProxyList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pure diagnosis step: evidence in, findings and root causes out; no network, no clock.
 *
 * <ol>
 *   <li>Each target is judged layer by layer ({@code TargetJudge}); its lowest failing layer is its
 *       root candidate, problems of layers above are consequences and only shown in the table.</li>
 *   <li>A machine with no interface up or no default route, whose targets all fail at DNS or TCP,
 *       gets exactly one cause: {@code net.offline}.</li>
 *   <li>Settings alone can be causes: {@code goproxy.off}, {@code goproxy.invalid},
 *       {@code sumdb.disabled}, {@code sumdb.invalid}.</li>
 *   <li>Cross-target rules: an unknown issuer seen on several hosts is {@code tls.intercepted};
 *       the checksum database failing while module proxies work is {@code sumdb.unreachable};
 *       a {@code ,} GOPROXY entry failing with a later entry working adds {@code goproxy.no-fallback}.</li>
 *   <li>Candidates with the same id and key become one cause naming all their targets; alternative
 *       mirrors never cause anything, they only feed fixes, and only when they worked.</li>
 * </ol>
 */
public final class Diagnoser {

    private Diagnoser() {}

    /** Judges {@code evidence} under {@code ctx}, every target's layers having finished. */
    public static Diagnosis diagnose(DiagnosisContext ctx, List<TargetEvidence> evidence) {
        return diagnose(ctx, evidence, Set.of());
    }

    /**
     * Judges {@code evidence} under {@code ctx}; {@code unfinished} names the targets the deadline cut
     * off. Nothing found in what finished is not health then: the verdict is {@code doctor.incomplete}.
     */
    public static Diagnosis diagnose(DiagnosisContext ctx, List<TargetEvidence> evidence, Set<String> unfinished) {
        List<Finding> local = LocalJudge.findings(ctx);
        List<Target> targets = evidence.stream().map(TargetEvidence::target).toList();
        Map<Target, TargetJudge.Judgement> judged = new LinkedHashMap<>();
        for (TargetEvidence e : evidence) {
            judged.put(e.target(), TargetJudge.judge(ctx, e));
        }
        Fixes fixes = new Fixes(ctx, working(judged));

        if (offline(ctx, judged, evidence)) {
            List<Target> affected = targets.stream().filter(t -> t.kind().inUse() && t.kind().probed()).toList();
            List<String> evidenceLines = LocalJudge.offlineEvidence(ctx.local().orElseThrow());
            Cause c = new Cause(CauseId.NET_OFFLINE, Layer.LOCAL, Status.FAIL, ids(affected), hosts(affected),
                    evidenceLines, Message.of(CauseId.NET_OFFLINE.explainKey(), Group.hostList(hosts(affected)),
                            String.valueOf(affected.size())), fixes.of(CauseId.NET_OFFLINE, List.of(), affected));
            List<TargetReport> reports = new ArrayList<>();
            judged.forEach((t, j) -> reports.add(new TargetReport(t, j.findings(),
                    affected.contains(t) ? Optional.of(CauseId.NET_OFFLINE) : Optional.empty())));
            return new Diagnosis(local, reports, List.of(c));
        }

        Map<Target, Candidate> roots = new LinkedHashMap<>();
        List<Candidate> warnings = new ArrayList<>();
        judged.forEach((t, j) -> {
            j.root().ifPresent(r -> roots.put(t, r));
            warnings.addAll(j.warnings());
        });
        intercepted(roots);
        sumdb(ctx, judged, roots);
        List<Candidate> candidates = new ArrayList<>(roots.values());
        candidates.addAll(noFallback(ctx, judged, roots));
        candidates.addAll(warnings);
        candidates.removeIf(c -> !c.target().kind().inUse());

        List<Cause> causes = new ArrayList<>(settings(ctx, fixes));
        causes.addAll(Group.of(candidates, fixes));
        causes.addAll(LocalJudge.clockCause(ctx, causes, fixes));
        causes.sort(Comparator.comparing(Cause::layer).thenComparing(c -> c.severity() != Status.FAIL));
        List<Target> cutOff = targets.stream().filter(t -> unfinished.contains(t.id())).toList();
        if (causes.isEmpty() && !cutOff.isEmpty()) {
            causes.add(new Cause(CauseId.DOCTOR_INCOMPLETE, Layer.LOCAL, Status.WARN, ids(cutOff), hosts(cutOff),
                    ids(cutOff).stream().map(id -> id + ": still running at the deadline").toList(), Message.of(CauseId.DOCTOR_INCOMPLETE.explainKey(), Group.hostList(hosts(cutOff)),
                            String.valueOf(cutOff.size())),
                    List.of(Fixes.factFree(CauseId.DOCTOR_INCOMPLETE).orElseThrow())));
        }
        if (causes.isEmpty()) {
            List<Target> probed = targets.stream().filter(t -> t.kind().inUse()).toList();
            causes.add(new Cause(CauseId.HEALTHY, Layer.LOCAL, Status.OK, ids(probed), hosts(probed), List.of(),
                    Message.of(CauseId.HEALTHY.explainKey(), Group.hostList(hosts(probed)), String.valueOf(probed.size())),
                    List.of(Message.of(CauseId.HEALTHY.fixKey()))));
        }
        List<TargetReport> reports = new ArrayList<>();
        judged.forEach((t, j) -> reports.add(new TargetReport(t, j.findings(),
                Optional.ofNullable(roots.get(t)).filter(c -> t.kind().inUse()).map(Candidate::id))));
        return new Diagnosis(local, reports, causes);
    }

    /**
     * No interface up or no default route, and no target got past TCP. A target dialled on a
     * loopback address needs no route, so its failure is its own (a lab on loopback is not offline).
     */
    private static boolean offline(DiagnosisContext ctx, Map<Target, TargetJudge.Judgement> judged,
                                   List<TargetEvidence> evidence) {
        Optional<LocalEvidence> local = ctx.local();
        if (local.isEmpty() || local.get().anyInterfaceUp() && local.get().anyDefaultRoute()) {
            return false;
        }
        boolean loopbackTarget = evidence.stream().anyMatch(e -> !e.tcpAttempts().isEmpty() && e.tcpAttempts().stream()
                .allMatch(a -> a.target().getAddress() != null && a.target().getAddress().isLoopbackAddress()));
        if (loopbackTarget) {
            return false;
        }
        for (var e : judged.entrySet()) {
            if (!e.getKey().kind().probed() || !e.getKey().kind().inUse()) {
                continue;
            }
            Optional<Candidate> root = e.getValue().root();
            boolean low = root.map(r -> r.layer() == Layer.DNS || r.layer() == Layer.TCP
                    || r.id() == CauseId.PROXY_UNREACHABLE || r.id() == CauseId.PROXY_BYPASSED
                    || r.id() == CauseId.PROXY_MISSING_HTTPS).orElse(false);
            boolean unprobed = e.getValue().findings().stream().allMatch(f -> f.status() == Status.SKIPPED);
            if (!low && !unprobed) {
                return false;
            }
        }
        return true;
    }

    /** An unknown issuer presenting certificates for two or more hosts is a middlebox, not a server's own CA. */
    private static void intercepted(Map<Target, Candidate> roots) {
        Map<String, Set<String>> hostsByIssuer = new HashMap<>();
        roots.values().stream().filter(c -> c.id() == CauseId.TLS_UNTRUSTED || c.id() == CauseId.TLS_INTERCEPTED)
                .forEach(c -> hostsByIssuer.computeIfAbsent(c.key().getFirst(), k -> new LinkedHashSet<>())
                        .add(c.target().host()));
        roots.replaceAll((t, c) -> c.id() == CauseId.TLS_UNTRUSTED && hostsByIssuer.get(c.key().getFirst()).size() > 1
                ? c.as(CauseId.TLS_INTERCEPTED, c.key()) : c);
    }

    /** Failures particular to the database's own host (not shared network causes) become sumdb.unreachable. */
    private static final Set<CauseId> SUMDB_OWN = Set.of(CauseId.DNS_NXDOMAIN, CauseId.DNS_TIMEOUT, CauseId.DNS_SERVFAIL,
            CauseId.TCP_REFUSED, CauseId.TCP_TIMEOUT, CauseId.TCP_RESET, CauseId.TCP_UNREACHABLE,
            CauseId.TLS_HANDSHAKE_FAILURE, CauseId.HTTP_FORBIDDEN, CauseId.HTTP_NOT_FOUND, CauseId.HTTP_SERVER_ERROR,
            CauseId.PROXY_FORBIDDEN, CauseId.PROXY_UPSTREAM_FAILED);

    /**
     * The checksum database's host fails while a module proxy works and no proxy serves the
     * database: go downloads modules, then fails verifying them. The layer stays where it failed.
     */
    private static void sumdb(DiagnosisContext ctx, Map<Target, TargetJudge.Judgement> judged,
                              Map<Target, Candidate> roots) {
        boolean moduleProxyWorks = judged.keySet().stream().anyMatch(t -> t.kind() == TargetKind.GOPROXY
                && !roots.containsKey(t) && judged.get(t).findings().stream().anyMatch(f -> f.status() == Status.OK));
        boolean servedByProxy = judged.keySet().stream().anyMatch(t -> t.kind() == TargetKind.SUMDB_VIA_PROXY
                && !roots.containsKey(t) && judged.get(t).findings().stream()
                        .anyMatch(f -> f.layer() == Layer.HTTP && f.status() == Status.OK && f.detail().startsWith("2")));
        if (!moduleProxyWorks || servedByProxy) {
            return;
        }
        String name = ctx.settings().sumdb() instanceof SumDbSetting.Database d ? d.name() : "";
        roots.replaceAll((t, c) -> t.kind() == TargetKind.SUMDB_DIRECT && SUMDB_OWN.contains(c.id())
                ? new Candidate(CauseId.SUMDB_UNREACHABLE, c.layer(), Status.FAIL, t,
                        List.of(name.isEmpty() ? t.host() : name), c.evidence())
                : c);
    }

    /**
     * A GOPROXY entry followed by {@code ,} fails with something other than 404/410 while a later
     * entry works: go stops at the broken one and never reaches the working one.
     */
    private static List<Candidate> noFallback(DiagnosisContext ctx, Map<Target, TargetJudge.Judgement> judged,
                                              Map<Target, Candidate> roots) {
        ProxyList list = ctx.settings().proxies();
        List<ProxyEntry> entries = list.entries();
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof ProxyEntry.ProxyUrl p) || p.fallBackOnError()) {
                continue;
            }
            Optional<Target> failing = goproxyTarget(judged, p.url());
            if (failing.isEmpty() || !roots.containsKey(failing.get())
                    || roots.get(failing.get()).id() == CauseId.HTTP_NOT_FOUND
                    || roots.get(failing.get()).id() == CauseId.GOPROXY_PRIVATE_LEAK
                    || roots.get(failing.get()).id() == CauseId.NETWORK_SLOW) {
                continue;  // go falls back on 404/410; it never gives up on a slow download, it waits
            }
            for (int j = i + 1; j < entries.size(); j++) {
                Optional<String> works = switch (entries.get(j)) {
                    case ProxyEntry.ProxyUrl later -> goproxyTarget(judged, later.url())
                            .filter(t -> !roots.containsKey(t) && judged.get(t).findings().stream()
                                    .anyMatch(f -> f.status() == Status.OK))
                            .map(t -> later.url());
                    case ProxyEntry.Direct d -> judged.keySet().stream().filter(t -> t.kind() == TargetKind.VCS_PUBLIC
                            && !roots.containsKey(t)).findFirst().map(t -> "direct");
                    case ProxyEntry.Off o -> Optional.empty();
                    case ProxyEntry.NoProxy n -> Optional.empty();
                };
                if (works.isPresent()) {
                    out.add(new Candidate(CauseId.GOPROXY_NO_FALLBACK, CauseId.GOPROXY_NO_FALLBACK.layer(), Status.FAIL,
                            failing.get(), List.of(p.url(), works.get()),
                            List.of("GOPROXY=" + ctx.goproxy(), p.url() + ": " + roots.get(failing.get()).id().id()
                                    + " (not 404/410, so go stops here)", works.get() + ": works")));
                    break;
                }
            }
        }
        return out;
    }

    private static Optional<Target> goproxyTarget(Map<Target, TargetJudge.Judgement> judged, String base) {
        return judged.keySet().stream().filter(t -> t.kind() == TargetKind.GOPROXY && t.base().equals(base)).findFirst();
    }

    /** Causes that follow from the settings alone, whatever the network does. */
    private static List<Cause> settings(DiagnosisContext ctx, Fixes fixes) {
        List<Cause> out = new ArrayList<>();
        ProxyList list = ctx.settings().proxies();
        if (list.error().isPresent()) {
            out.add(setting(CauseId.GOPROXY_INVALID, Status.FAIL, fixes, "GOPROXY=" + ctx.goproxy(),
                    ctx.goproxy(), list.error().get()));
        } else if (list.entries().stream().filter(e -> !(e instanceof ProxyEntry.NoProxy)).findFirst()
                .map(e -> e instanceof ProxyEntry.Off).orElse(false)) {
            out.add(setting(CauseId.GOPROXY_OFF, Status.FAIL, fixes, "GOPROXY=" + ctx.goproxy(), ctx.goproxy(),
                    "module lookup disabled by GOPROXY=off"));
        }
        switch (ctx.settings().sumdb()) {
            case SumDbSetting.Off off -> out.add(setting(CauseId.SUMDB_DISABLED, Status.WARN, fixes,
                    "GOSUMDB=" + ctx.gosumdb(), ctx.gosumdb(), "checksum database disabled by GOSUMDB=off"));
            case SumDbSetting.Invalid inv -> out.add(setting(CauseId.SUMDB_INVALID, Status.FAIL, fixes,
                    "GOSUMDB=" + ctx.gosumdb(), ctx.gosumdb(), inv.goError()));
            case SumDbSetting.Database db -> { }
        }
        return out;
    }

    private static Cause setting(CauseId id, Status severity, Fixes fixes, String line, String value, String goError) {
        return new Cause(id, id.layer(), severity, List.of(), List.of(), List.of(line, goError),
                Message.of(id.explainKey(), "", value, goError), fixes.of(id, List.of(value), List.of()));
    }

    /** The alternatives this run saw working end to end, in evidence order. */
    private static Fixes.Working working(Map<Target, TargetJudge.Judgement> judged) {
        Optional<String> mirror = Optional.empty();
        Optional<String> sumdbMirror = Optional.empty();
        for (var e : judged.entrySet()) {
            TargetJudge.Judgement j = e.getValue();
            boolean works = j.root().isEmpty() && j.findings().stream().anyMatch(f -> f.layer() == Layer.HTTP
                    && f.status() == Status.OK) && j.findings().stream().noneMatch(f -> f.status() == Status.FAIL);
            if (!works) {
                continue;
            }
            if (e.getKey().kind() == TargetKind.MIRROR && mirror.isEmpty()) {
                mirror = Optional.of(e.getKey().base());
            } else if (e.getKey().kind() == TargetKind.SUMDB_MIRROR && sumdbMirror.isEmpty()) {
                sumdbMirror = Optional.of(e.getKey().base());
            }
        }
        return new Fixes.Working(mirror, sumdbMirror);
    }

    static List<String> ids(List<Target> targets) {
        return targets.stream().map(Target::id).toList();
    }

    static List<String> hosts(List<Target> targets) {
        return targets.stream().map(t -> t.host().isEmpty() ? t.base() : t.host()).distinct().toList();
    }
}
