package dev.goferry.net.tcp;

import dev.goferry.net.Endpoint;
import dev.goferry.net.ProbeEvent;
import dev.goferry.net.RecordingProbeListener;
import dev.goferry.net.lab.FullBacklog;
import dev.goferry.net.lab.Loopback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TcpProbeTest {

    private final TcpProbe probe = TcpProbe.system();
    private final RecordingProbeListener events = RecordingProbeListener.onSystemClock();

    @Test
    void listeningPortConnectsOnV4AndV6() throws Exception {
        try (ServerSocket v4 = new ServerSocket(0, 50, Loopback.v4())) {
            Endpoint e = Endpoint.https("localhost", v4.getLocalPort());
            List<InetAddress> addresses = List.of(Loopback.v4());

            List<TcpAttempt> attempts = probe.probe(e, addresses, v4.getLocalPort(), 2, Duration.ofSeconds(2), events);

            assertThat(attempts).extracting(TcpAttempt::attempt).containsExactly(1, 2);
            assertThat(attempts).allSatisfy(a -> assertThat(a.outcome()).isInstanceOfSatisfying(
                    TcpOutcome.Connected.class, c -> assertThat(c.local().getAddress()).isEqualTo(Loopback.v4())));
            assertThat(events.events()).extracting(ev -> ev.getClass().getSimpleName())
                    .containsExactly("ConnectStart", "ConnectEnd", "ConnectStart", "ConnectEnd");
        }
        InetAddress v6 = InetAddress.getByName("::1");
        try (ServerSocket s6 = new ServerSocket()) {
            try {
                s6.bind(new InetSocketAddress(v6, 0));
            } catch (IOException noV6) {
                org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback here: " + noV6.getMessage());
            }
            Endpoint e = Endpoint.https("::1", s6.getLocalPort());
            List<TcpAttempt> attempts = probe.probe(e, List.of(v6), s6.getLocalPort(), 1, Duration.ofSeconds(2), events);
            assertThat(attempts).singleElement().extracting(TcpAttempt::outcome).isInstanceOf(TcpOutcome.Connected.class);
        }
    }

    @Test
    void closedPortIsRefused() {
        int port = Loopback.freePort();
        Endpoint e = Endpoint.https("127.0.0.1", port);

        List<TcpAttempt> attempts = probe.probe(e, List.of(Loopback.v4()), port, 1, Duration.ofSeconds(2), events);

        assertThat(attempts).singleElement().extracting(TcpAttempt::outcome).isInstanceOf(TcpOutcome.Refused.class);
        assertThat(events.events()).last().isInstanceOf(ProbeEvent.ConnectFailed.class);
    }

    @Test
    void blackholedPortTimesOut() throws Exception {
        try (FullBacklog hole = new FullBacklog()) {
            Endpoint e = Endpoint.https("127.0.0.1", hole.address().getPort());

            TcpProbe.Connection c = probe.connect(e, hole.address(), 1, Duration.ofMillis(500), events);

            assertThat(c.attempt().outcome()).isInstanceOf(TcpOutcome.TimedOut.class);
            assertThat(c.socket()).isEmpty();
        }
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new ConnectException("Connection refused"), TcpOutcome.Refused.class),
                Arguments.of(new SocketTimeoutException("Connect timed out"), TcpOutcome.TimedOut.class),
                Arguments.of(new NoRouteToHostException("No route to host"), TcpOutcome.Unreachable.class),
                Arguments.of(new ConnectException("Network is unreachable"), TcpOutcome.Unreachable.class),
                Arguments.of(new SocketException("Connection reset"), TcpOutcome.Reset.class),
                Arguments.of(new SocketException("Permission denied"), TcpOutcome.Other.class));
    }

    /** The JDK's texts for errno values a loopback test cannot provoke safely (EHOSTUNREACH, ENETUNREACH). */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void failures(IOException e, Class<? extends TcpOutcome> want) {
        assertThat(TcpOutcome.ofFailure(e, Duration.ZERO)).as("ofFailure(%s)", e).isInstanceOf(want);
    }
}
