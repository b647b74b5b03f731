package dev.goferry.doctor.diagnosis;

import dev.goferry.doctor.Durations;
import dev.goferry.doctor.Layer;
import dev.goferry.doctor.Message;
import dev.goferry.doctor.Status;
import dev.goferry.doctor.evidence.LocalEvidence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Judges the machine-wide LOCAL evidence: interfaces, default routes, resolv.conf, the clock. */
final class LocalJudge {

    private LocalJudge() {}

    static List<Finding> findings(DiagnosisContext ctx) {
        if (ctx.local().isEmpty()) {
            return List.of();
        }
        LocalEvidence l = ctx.local().get();
        List<Finding> out = new ArrayList<>();
        List<String> up = l.interfaces().stream().filter(i -> i.up() && !i.loopback())
                .map(i -> i.name() + (i.addresses().isEmpty() ? "" : " (" + TargetJudge.join(
                        i.addresses().stream().map(Names::text).toList(), 2) + ")")).toList();
        out.add(up.isEmpty()
                ? Finding.fail(Layer.LOCAL, Optional.empty(), "interfaces: only loopback is up", CauseId.NET_OFFLINE)
                : Finding.ok(Layer.LOCAL, Optional.empty(), "interfaces: " + String.join(", ", up)));
        String routes = "default route: IPv4 " + l.defaultRouteV4().orElse("none") + ", IPv6 "
                + l.defaultRouteV6().orElse("none");
        out.add(l.anyDefaultRoute() ? Finding.ok(Layer.LOCAL, Optional.empty(), routes)
                : Finding.fail(Layer.LOCAL, Optional.empty(), routes, CauseId.NET_OFFLINE));
        l.resolvConf().ifPresent(rc -> out.add(rc.readError().isPresent()
                ? new Finding(Layer.LOCAL, Status.WARN, Optional.empty(), "resolv.conf: " + rc.readError().get()
                        + "; go uses 127.0.0.1:53 and [::1]:53", Optional.empty())
                : Finding.ok(Layer.LOCAL, Optional.empty(), "resolv.conf: nameserver " + String.join(", ",
                        rc.servers().stream().map(TargetJudge::address).toList())
                        + (rc.search().isEmpty() ? "" : "; search " + String.join(" ", rc.search())))));
        for (LocalEvidence.HostsEntry h : l.hostsEntries()) {
            out.add(new Finding(Layer.LOCAL, Status.OK, Optional.empty(), "/etc/hosts: " + h.name() + " → "
                    + String.join(", ", h.addresses().stream().map(Names::text).toList()), Optional.empty()));
        }
        Optional<Duration> skew = l.clockSkew();
        if (skew.isPresent()) {
            out.add(ctx.significantSkew().isPresent()
                    ? Finding.warn(Layer.LOCAL, Optional.empty(), "clock: " + signed(skew.get())
                            + " against servers' Date headers", CauseId.TLS_CLOCK_SKEW)
                    : Finding.ok(Layer.LOCAL, Optional.empty(), "clock: " + signed(skew.get())
                            + " against servers' Date headers"));
        }
        return out;
    }

    static List<String> offlineEvidence(LocalEvidence l) {
        List<String> out = new ArrayList<>();
        List<String> up = l.interfaces().stream().filter(LocalEvidence.NetInterface::up)
                .map(LocalEvidence.NetInterface::name).toList();
        out.add("interfaces up: " + (up.isEmpty() ? "none" : String.join(", ", up))
                + (l.anyInterfaceUp() ? "" : " (loopback only)"));
        out.add("default route: IPv4 " + l.defaultRouteV4().orElse("none") + ", IPv6 " + l.defaultRouteV6().orElse("none"));
        return out;
    }

    /** A clock off by more than the threshold is worth a warning even before it breaks a handshake. */
    static List<Cause> clockCause(DiagnosisContext ctx, List<Cause> causes, Fixes fixes) {
        Optional<Duration> skew = ctx.significantSkew();
        if (skew.isEmpty() || causes.stream().anyMatch(c -> c.id() == CauseId.TLS_CLOCK_SKEW)) {
            return List.of();
        }
        List<String> lines = ctx.local().orElseThrow().clock().stream().map(c -> c.host() + ": Date " + c.server()
                + ", local " + c.local()).limit(Group.MAX_EVIDENCE).toList();
        String s = signed(skew.get());
        return List.of(new Cause(CauseId.TLS_CLOCK_SKEW, Layer.LOCAL, Status.WARN, List.of(), List.of(), lines,
                Message.of(CauseId.TLS_CLOCK_SKEW.explainKey(), Group.hostList(ctx.local().orElseThrow().clock().stream()
                        .map(LocalEvidence.ClockSample::host).distinct().toList()), s),
                fixes.of(CauseId.TLS_CLOCK_SKEW, List.of(s), List.of())));
    }

    static String signed(Duration d) {
        return (d.isNegative() ? "" : "+") + Durations.human(d);
    }
}
