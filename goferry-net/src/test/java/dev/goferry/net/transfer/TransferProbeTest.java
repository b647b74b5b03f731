package dev.goferry.net.transfer;

import dev.goferry.net.ProbeListener;
import dev.goferry.net.dns.Resolver;
import dev.goferry.net.http.HttpOutcome;
import dev.goferry.net.http.HttpProbe;
import dev.goferry.net.http.Limits;
import dev.goferry.net.lab.Fault;
import dev.goferry.net.lab.FaultServer;
import dev.goferry.net.lab.Loopback;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded downloads from a scripted loopback server: the byte cap, the time box, the Range asked
 * for, and stalls counted without stopping the transfer. Pauses are far from the stall threshold
 * (0 or 700 ms against 200 ms), so the counts do not depend on the machine's speed.
 */
class TransferProbeTest {

    private static final Duration STALL = Duration.ofMillis(400);
    private static final Duration NONE = Duration.ZERO;
    private static final Duration PAUSE = Duration.ofMillis(1200);

    private final TransferProbe probe = new TransferProbe(HttpProbe.system(Resolver.fixed(Map.of(
            "127.0.0.1", List.of(Loopback.v4())))), System::nanoTime);

    static String head(long length) {
        return "HTTP/1.1 200 OK\r\nContent-Type: application/zip\r\nContent-Length: " + length + "\r\n\r\n";
    }

    /**
     * @param fault    what the server does
     * @param budget   the download's budget
     * @param bytes    body bytes the probe should report
     * @param stalls   stalls it should count
     * @param complete whether the body should end as planned
     * @param range    the Range header the server should see, or empty for none
     */
    record Case(String name, Fault fault, TransferProbe.Budget budget, long bytes, int stalls, boolean complete,
                Optional<String> range) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        TransferProbe.Budget box = new TransferProbe.Budget(1 << 20, Duration.ofSeconds(5), STALL, false);
        return Stream.of(
                new Case("whole object at once", new Fault.Paced(head(65536), 65536, List.of(NONE)), box,
                        65536, 0, true, Optional.empty()),
                new Case("stalls once, then resumes to the end", new Fault.Paced(head(3 * 16384), 16384,
                        List.of(NONE, PAUSE, NONE)), box, 3 * 16384, 1, true, Optional.empty()),
                new Case("stalls twice", new Fault.Paced(head(3 * 16384), 16384, List.of(PAUSE, PAUSE, NONE)), box,
                        3 * 16384, 2, true, Optional.empty()),
                new Case("byte cap reached, Range asked", new Fault.Paced(head(1 << 20), 1 << 20, List.of(NONE)),
                        new TransferProbe.Budget(100_000, Duration.ofSeconds(5), STALL, true), 100_000, 0, true,
                        Optional.of("bytes=0-99999")),
                new Case("silent after 1000 bytes until the time box", new Fault.StallAfter(head(1 << 20), 1000),
                        new TransferProbe.Budget(1 << 20, Duration.ofMillis(900), STALL, false), 1000, 1, false,
                        Optional.empty()),
                // The box counts from the download's start: a response head later than the box leaves
                // the body no time, so a caller fitting the download before a deadline is not overrun.
                new Case("response head after the time box", new Fault.LateReply(Duration.ofMillis(1000),
                        head(1 << 20) + "x".repeat(1000)), new TransferProbe.Budget(1 << 20, Duration.ofMillis(600), STALL,
                        false), 0, 0, false, Optional.empty()))
                .map(Arguments::of);
    }

    @Test
    void followsARedirectToTheObjectAsGoDoes() throws Exception {
        try (FaultServer cdn = new FaultServer(new Fault.Paced(head(65536), 65536, List.of(NONE)));
             FaultServer mirror = new FaultServer(new Fault.Reply("HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:"
                     + cdn.address().getPort() + "/blob/zip\r\nContent-Length: 0\r\n\r\n"))) {
            URI url = URI.create("http://127.0.0.1:" + mirror.address().getPort() + "/m/@v/v1.0.0.zip");

            Transfer t = probe.download(url, Optional.empty(), List.of(),
                    Limits.GO_DEFAULTS.withAllTimeouts(Duration.ofSeconds(5)),
                    new TransferProbe.Budget(1 << 20, Duration.ofSeconds(5), STALL, true), ProbeListener.NONE);

            assertThat(t.redirects()).containsExactly(URI.create("http://127.0.0.1:" + cdn.address().getPort()
                    + "/blob/zip"));
            assertThat(t.bytes()).isEqualTo(65536);
            assertThat(t.complete()).isTrue();
            assertThat(cdn.requests()).singleElement().satisfies(r -> assertThat(r)
                    .startsWith("GET /blob/zip HTTP/1.1\r\n").contains("\r\nRange: bytes=0-1048575\r\n"));
        }
    }

    @Test
    void aRedirectLoopStopsAfterTheLimit() throws Exception {
        try (FaultServer loop = new FaultServer(new Fault.Reply("HTTP/1.1 302 Found\r\nLocation: /again\r\n"
                + "Content-Length: 0\r\n\r\n"))) {
            URI url = URI.create("http://127.0.0.1:" + loop.address().getPort() + "/m/@v/v1.0.0.zip");

            Transfer t = probe.download(url, Optional.empty(), List.of(),
                    Limits.GO_DEFAULTS.withAllTimeouts(Duration.ofSeconds(5)),
                    new TransferProbe.Budget(1 << 20, Duration.ofSeconds(5), STALL, false), ProbeListener.NONE);

            assertThat(t.redirects()).hasSize(TransferProbe.MAX_REDIRECTS);
            assertThat(t.response()).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(302));
            assertThat(t.complete()).as("a 302 body is not the object, but its framing ended").isTrue();
            assertThat(loop.requests()).hasSize(TransferProbe.MAX_REDIRECTS + 1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void downloadsWithinItsBudget(Case c) throws Exception {
        try (FaultServer server = new FaultServer(c.fault())) {
            URI url = URI.create("http://127.0.0.1:" + server.address().getPort() + "/m/@v/v1.0.0.zip");
            Transfer t = probe.download(url, Optional.empty(), List.of(),
                    Limits.GO_DEFAULTS.withAllTimeouts(Duration.ofSeconds(5)), c.budget(), ProbeListener.NONE);

            assertThat(t.response()).as("%s: response", c).isPresent();
            assertThat(t.bytes()).as("%s: bytes", c).isEqualTo(c.bytes());
            assertThat(t.stalls()).as("%s: stalls", c).isEqualTo(c.stalls());
            assertThat(t.complete()).as("%s: complete (body end %s)", c, t.response().get().bodyEnd())
                    .isEqualTo(c.complete());
            assertThat(t.response().get().bodyBytes()).as("%s: the exchange's own count", c).isEqualTo(c.bytes());
            if (!c.complete()) {
                assertThat(t.response().get().bodyEnd()).as("%s: cut by the time box", c)
                        .isEqualTo(HttpOutcome.BodyEnd.DEADLINE);
            }
            assertThat(server.requests()).as("%s: requests", c).hasSize(1);
            String request = server.requests().getFirst();
            assertThat(request).as("%s: request line", c).startsWith("GET /m/@v/v1.0.0.zip HTTP/1.1\r\n");
            if (c.range().isPresent()) {
                assertThat(request).as("%s: Range", c).contains("\r\nRange: " + c.range().get() + "\r\n");
            } else {
                assertThat(request).as("%s: no Range", c).doesNotContain("Range:");
            }
        }
    }
}
