package dev.goferry.net;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TimelineTest {

    private final Endpoint proxy = Endpoint.https("proxy.golang.org", 443);
    /** Each reading advances by 10 ms more than the previous step, so every phase gets a distinct duration. */
    private final AtomicLong now = new AtomicLong();
    private final RecordingProbeListener recorder = new RecordingProbeListener(() -> now.getAndAdd(10_000_000));

    @Test
    void successfulFetchPairsEveryPhase() throws Exception {
        InetSocketAddress addr = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 443);
        recorder.dnsStart(proxy, "proxy.golang.org.");
        recorder.dnsEnd(proxy, "proxy.golang.org.", List.of(addr.getAddress()));
        recorder.connectStart(proxy, addr);
        recorder.connectEnd(proxy, addr, new InetSocketAddress(addr.getAddress(), 50000));
        recorder.tlsStart(proxy, "proxy.golang.org");
        recorder.tlsEnd(proxy, "TLSv1.3", "TLS_AES_128_GCM_SHA256");
        recorder.requestSent(proxy, "GET", "/");
        recorder.firstByte(proxy);
        recorder.responseEnd(proxy, 42);

        Timeline t = recorder.timeline();

        assertThat(t.phases()).extracting(PhaseTiming::phase, PhaseTiming::succeeded, PhaseTiming::duration)
                .containsExactly(
                        tuple(Phase.DNS, true, Duration.ofMillis(10)),
                        tuple(Phase.CONNECT, true, Duration.ofMillis(10)),
                        tuple(Phase.TLS, true, Duration.ofMillis(10)),
                        tuple(Phase.WAIT, true, Duration.ofMillis(10)),
                        tuple(Phase.BODY, true, Duration.ofMillis(10)));
        assertThat(t.unfinished()).isEmpty();
        assertThat(t.unmatched()).isEmpty();
    }

    @Test
    void repeatedAttemptsArePairedByAddress() throws Exception {
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 443);
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("::1"), 443);
        recorder.connectStart(proxy, v6);
        recorder.connectStart(proxy, v4);       // interleaved, as with Happy Eyeballs
        recorder.connectEnd(proxy, v4, v4);
        recorder.connectFailed(proxy, v6, "connection refused");

        Timeline t = Timeline.of(recorder.events());

        assertThat(t.of(Phase.CONNECT)).extracting(PhaseTiming::detail, PhaseTiming::succeeded, PhaseTiming::duration)
                .containsExactly(
                        tuple(v4.toString(), true, Duration.ofMillis(10)),
                        tuple(v6.toString(), false, Duration.ofMillis(30)));
        assertThat(t.total(proxy, Phase.CONNECT)).isEqualTo(Duration.ofMillis(40));
    }

    @Test
    void responseFailedBeforeFirstByteFailsWaitAndOpenStartsAreUnfinished() {
        recorder.tlsStart(proxy, "proxy.golang.org");
        recorder.tlsEnd(proxy, "TLSv1.3", "x");
        recorder.requestSent(proxy, "GET", "/");
        recorder.responseFailed(proxy, "read timed out");
        recorder.dnsStart(proxy, "other.");

        Timeline t = Timeline.of(recorder.events());

        assertThat(t.phases()).extracting(PhaseTiming::phase, PhaseTiming::succeeded)
                .containsExactly(tuple(Phase.TLS, true), tuple(Phase.WAIT, false));
        assertThat(t.unfinished()).singleElement().isInstanceOf(ProbeEvent.DnsStart.class);
    }

    @Test
    void endWithoutStartIsKeptAsUnmatched() {
        recorder.tlsEnd(proxy, "TLSv1.3", "x");
        assertThat(Timeline.of(recorder.events()).unmatched()).singleElement().isInstanceOf(ProbeEvent.TlsEnd.class);
    }
}
