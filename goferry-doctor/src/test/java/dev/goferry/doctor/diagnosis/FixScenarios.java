package dev.goferry.doctor.diagnosis;

import static dev.goferry.doctor.diagnosis.Recorded.Ev;
import static dev.goferry.doctor.diagnosis.Recorded.Net;
import static dev.goferry.doctor.diagnosis.Recorded.all;
import static dev.goferry.doctor.diagnosis.Recorded.ms;

import dev.goferry.doctor.target.TargetKind;
import dev.goferry.net.tcp.TcpOutcome;
import java.util.ArrayList;
import java.util.List;

/** Recorded runs for the fix planner's tests, diagnosed by the real {@link Diagnoser}. */
public final class FixScenarios {

    private FixScenarios() {}

    /** The module proxy refuses connections; {@code mirrorWorks} says whether the probed alternative answered. */
    public static Diagnosis refusedProxy(boolean mirrorWorks) {
        Net net = Net.of("GOPROXY", "https://goproxy.example.com");
        Ev mirror = Ev.healthy(net.mirror("https://mirror.example.net"));
        if (!mirrorWorks) {
            mirror.status(502, "Bad Gateway");
        }
        return Diagnoser.diagnose(net.context(), all(
                Ev.healthy(net.goproxy("https://goproxy.example.com")).tcpFails(new TcpOutcome.Refused(
                        "connect: connection refused", ms(1))), mirror));
    }

    /**
     * The checksum database refuses connections while the module proxy works; with
     * a non-empty {@code sumdbMirror} (a GOSUMDB value), that alternative was probed and answered.
     */
    public static Diagnosis unreachableSumdb(String sumdbMirror) {
        Net net = Net.of("GOPROXY", "https://goproxy.example.com,direct");
        List<Ev> evs = new ArrayList<>(List.of(Ev.healthy(net.goproxy("https://goproxy.example.com")),
                Ev.healthy(net.sumdb()).tcpFails(new TcpOutcome.Refused("connect: connection refused", ms(1)))));
        if (!sumdbMirror.isEmpty()) {
            String host = sumdbMirror.contains(" ") ? sumdbMirror.substring(sumdbMirror.indexOf(' ') + 1)
                    : "https://" + sumdbMirror;
            evs.add(Ev.healthy(net.target(TargetKind.SUMDB_MIRROR, sumdbMirror, host + "/latest")));
        }
        return Diagnoser.diagnose(net.context(), all(evs.toArray(Ev[]::new)));
    }

    /** The public proxy answers 404 for a private module not covered by GOPRIVATE (already {@code goprivate}). */
    public static Diagnosis privateLeak(String module, String goprivate) {
        Net net = Net.of("GOPROXY", "https://proxy.golang.org", "GOPRIVATE", goprivate);
        return Diagnoser.diagnose(net.context(), all(
                Ev.healthy(net.goproxyFor("https://proxy.golang.org", module)).status(404, "Not Found")));
    }

    /** A proxy behind a TLS-intercepting middlebox, and nothing else. */
    public static Diagnosis intercepted() {
        return Sample.diagnosis();
    }
}
