package dev.goferry.doctor.diagnosis;

import static dev.goferry.doctor.diagnosis.Recorded.Ev;
import static dev.goferry.doctor.diagnosis.Recorded.Net;
import static dev.goferry.doctor.diagnosis.Recorded.all;
import static dev.goferry.doctor.diagnosis.Recorded.ms;

import dev.goferry.net.tcp.TcpOutcome;
import dev.goferry.net.tls.TlsVerdict;
import java.util.List;

/** A recorded run for the renderer tests: one blocked proxy, an intercepted database, a working mirror. */
public final class Sample {

    private Sample() {}

    public static Diagnosis diagnosis() {
        Net net = Net.of("GOPROXY", "https://proxy.golang.org,direct");
        return Diagnoser.diagnose(net.context(), all(
                Ev.healthy(net.goproxy("https://proxy.golang.org")).tcpFails(new TcpOutcome.TimedOut(ms(10000))),
                Ev.healthy(net.sumdb()).tls(new TlsVerdict.UnknownAuthority("CN=Zscaler Root CA", "no path"),
                        Ev.cert("CN=sum.golang.org", "CN=Zscaler Root CA", List.of("sum.golang.org"))),
                Ev.healthy(net.mirror("https://goproxy.cn"))));
    }

    /** A proxy whose zip download stalled twice and was cut short by the time box. */
    public static Diagnosis stalled() {
        Net net = Net.of();
        return Diagnoser.diagnose(net.context(), all(Ev.healthy(net.goproxy("https://proxy.golang.org"))
                .throughput(150_000, java.time.Duration.ofSeconds(4), 2, false)));
    }

    public static Diagnosis healthy() {
        Net net = Net.of();
        return Diagnoser.diagnose(net.context(), all(Ev.healthy(net.goproxy("https://proxy.golang.org")),
                Ev.healthy(net.sumdb())));
    }
}
