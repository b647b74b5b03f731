package dev.goferry.doctor.fix;

import dev.goferry.doctor.Layer;
import dev.goferry.doctor.Message;
import dev.goferry.doctor.Status;
import dev.goferry.doctor.diagnosis.Cause;
import dev.goferry.doctor.diagnosis.CauseId;
import dev.goferry.doctor.diagnosis.Diagnosis;
import dev.goferry.doctor.diagnosis.TargetReport;
import dev.goferry.doctor.target.TargetKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, from one run's diagnosis alone, which settings {@code --fix} may change. A fix is
 * applicable only when the same run holds the evidence that it works: the diagnosis suggested an
 * alternative mirror (it does so only for one it saw answer the protocol correctly, and only for
 * causes a mirror gets around), or it saw a public proxy answer 404 for a private path. Everything
 * else stays the user's decision. Pure: no I/O.
 */
public final class FixPlanner {

    private FixPlanner() {}

    /** The diagnosis' message key for "use this working module mirror". */
    static final String MIRROR_GOPROXY = "cause.fix.mirror.goproxy";
    /** The diagnosis' message key for "use this working checksum database mirror". */
    static final String MIRROR_SUMDB = "cause.fix.mirror.sumdb";

    /** Causes whose only quick way out turns verification off: named and refused. */
    private static final Set<CauseId> TLS_SHORTCUT = Set.of(CauseId.TLS_UNTRUSTED, CauseId.TLS_INTERCEPTED,
            CauseId.TLS_EXPIRED, CauseId.TLS_HOSTNAME_MISMATCH);

    /**
     * {@return one proposal per cause of {@code diagnosis}, in cause order; none when it is healthy}
     *
     * @param goprivate the GOPRIVATE value in force, extended (never replaced) by a GOPRIVATE fix
     */
    public static List<FixProposal> plan(Diagnosis diagnosis, String goprivate) {
        if (diagnosis.healthy()) {
            return List.of();
        }
        Optional<String> mirror = working(diagnosis, TargetKind.MIRROR);
        Optional<String> sumdbMirror = working(diagnosis, TargetKind.SUMDB_MIRROR);
        Map<String, String> chosen = new LinkedHashMap<>();  // variable -> value already proposed
        List<FixProposal> out = new ArrayList<>();
        for (Cause c : diagnosis.causes()) {
            FixProposal p = propose(c, diagnosis, mirror, sumdbMirror, goprivate);
            if (p instanceof FixProposal.Apply a) {
                ApplicableFix f = a.fix();
                Optional<String> veto = Safety.veto(f.variable(), f.value(), current(f.variable(), goprivate));
                if (veto.isPresent()) {
                    p = new FixProposal.Refused(c.id(), f.assignment(), veto.get(), hosts(c));
                } else if (chosen.containsKey(f.variable()) && !chosen.get(f.variable()).equals(f.value())) {
                    p = new FixProposal.Manual(c.id());  // two causes want different values: the user decides
                } else {
                    chosen.put(f.variable(), f.value());
                }
            }
            out.add(p);
        }
        return out;
    }

    private static FixProposal propose(Cause c, Diagnosis d, Optional<String> mirror, Optional<String> sumdbMirror,
                                       String goprivate) {
        List<String> keys = c.fixes().stream().map(Message::key).toList();
        if (keys.contains(MIRROR_GOPROXY) && mirror.isPresent()) {
            return new FixProposal.Apply(new ApplicableFix(c.id(), "GOPROXY", mirror.get() + ",direct",
                    targetId(d, TargetKind.MIRROR, mirror.get())));
        }
        if (keys.contains(MIRROR_SUMDB) && sumdbMirror.isPresent()) {
            return new FixProposal.Apply(new ApplicableFix(c.id(), "GOSUMDB", sumdbMirror.get(),
                    targetId(d, TargetKind.SUMDB_MIRROR, sumdbMirror.get())));
        }
        if (c.id() == CauseId.GOPROXY_PRIVATE_LEAK && c.explanation().args().size() > 1 && !c.targets().isEmpty()) {
            String host = c.explanation().args().get(1).split("/", 2)[0];
            String value = goprivate.isEmpty() ? host : goprivate + "," + host;
            return new FixProposal.Apply(new ApplicableFix(c.id(), "GOPRIVATE", value, c.targets().getFirst()));
        }
        if (c.id() == CauseId.SUMDB_UNREACHABLE) {
            return new FixProposal.Refused(c.id(), "GOSUMDB=off", "fix.unsafe.gosumdb-off", hosts(c));
        }
        if (TLS_SHORTCUT.contains(c.id())) {
            return new FixProposal.Refused(c.id(), "GOINSECURE=" + String.join(",", c.hosts()),
                    "fix.unsafe.goinsecure", hosts(c));
        }
        return new FixProposal.Manual(c.id());
    }

    /**
     * The first alternative of {@code kind} that worked end to end, in report order: the same rule
     * the diagnosis uses to pick the mirror its fix text names (HTTP answered, protocol checked,
     * nothing failed).
     */
    private static Optional<String> working(Diagnosis d, TargetKind kind) {
        return d.targets().stream().filter(r -> r.target().kind() == kind).filter(FixPlanner::worked)
                .map(r -> r.target().base()).findFirst();
    }

    private static boolean worked(TargetReport r) {
        return r.findings().stream().anyMatch(f -> f.layer() == Layer.HTTP && f.status() == Status.OK)
                && r.findings().stream().noneMatch(f -> f.status() == Status.FAIL);
    }

    private static String targetId(Diagnosis d, TargetKind kind, String base) {
        return d.targets().stream().map(TargetReport::target).filter(t -> t.kind() == kind && t.base().equals(base))
                .map(t -> t.id()).findFirst().orElseThrow();
    }

    private static String current(String variable, String goprivate) {
        return variable.equals("GOPRIVATE") || variable.equals("GONOSUMDB") ? goprivate : "";
    }

    private static String hosts(Cause c) {
        return String.join(", ", c.hosts());
    }
}
