package dev.goferry.net.dns;

import dev.goferry.net.lab.Dnsmasq;
import dev.goferry.net.lab.Loopback;
import dev.goferry.net.lab.ScriptedDns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Direct queries against a real dnsmasq on loopback, and against a server that never answers. */
class DnsClientTest {

    @TempDir
    static Path scratch;
    static Dnsmasq dnsmasq;
    private final DnsClient client = DnsClient.system();

    @BeforeAll
    static void startDnsmasq() {
        List<String> options = new ArrayList<>(List.of("--address=/good.test/127.0.0.10", "--address=/nx.test/",
                "--address=/both.test/127.0.0.11", "--address=/both.test/::11"));
        for (int i = 1; i <= 120; i++) {
            options.add("--address=/big.test/127.0.1." + i);
        }
        dnsmasq = Dnsmasq.start(scratch, new InetSocketAddress(Loopback.v4(), Loopback.freePort()), options);
    }

    @AfterAll
    static void stopDnsmasq() {
        if (dnsmasq != null) {
            dnsmasq.close();
        }
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("good.test", QueryType.A, DnsOutcome.Answer.class, List.of("127.0.0.10")),
                Arguments.of("good.test.", QueryType.A, DnsOutcome.Answer.class, List.of("127.0.0.10")),
                Arguments.of("both.test", QueryType.AAAA, DnsOutcome.Answer.class, List.of("0:0:0:0:0:0:0:11")),
                Arguments.of("good.test", QueryType.AAAA, DnsOutcome.Refused.class, List.of()),
                Arguments.of("nx.test", QueryType.A, DnsOutcome.NxDomain.class, List.of()),
                Arguments.of("nx.test", QueryType.AAAA, DnsOutcome.NxDomain.class, List.of()),
                Arguments.of("unknown.test", QueryType.A, DnsOutcome.Refused.class, List.of()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource
    void answers(String name, QueryType type, Class<? extends DnsOutcome> want, List<String> addresses) {
        DnsQuery q = client.query(dnsmasq.address(), name, type, Duration.ofSeconds(3), false);

        assertThat(q.outcome()).as("query(%s %s) outcome", name, type).isInstanceOf(want);
        assertThat(q.name()).isEqualTo(name.endsWith(".") ? name : name + ".");
        assertThat(q.transport()).isEqualTo(DnsTransport.UDP);
        if (q.outcome() instanceof DnsOutcome.Answer a) {
            assertThat(a.addresses()).map(java.net.InetAddress::getHostAddress).containsExactlyElementsOf(addresses);
            assertThat(a.records()).as("ttl (dnsmasq --local-ttl=300)").allSatisfy(r -> assertThat(r.ttlSeconds()).isEqualTo(300));
            assertThat(a.rcode()).isEqualTo("NOERROR");
        }
    }

    @Test
    void truncatedUdpReplyIsRepeatedOverTcp() {
        DnsQuery q = client.query(dnsmasq.address(), "big.test", QueryType.A, Duration.ofSeconds(3), false);

        assertThat(q.truncatedOverUdp()).isTrue();
        assertThat(q.transport()).isEqualTo(DnsTransport.TCP);
        assertThat(q.outcome()).isInstanceOfSatisfying(DnsOutcome.Answer.class,
                a -> assertThat(a.records()).hasSize(120));
    }

    @Test
    void tcpOnlyAsUseVcDoes() {
        DnsQuery q = client.query(dnsmasq.address(), "good.test", QueryType.A, Duration.ofSeconds(3), true);

        assertThat(q.transport()).isEqualTo(DnsTransport.TCP);
        assertThat(q.truncatedOverUdp()).isFalse();
        assertThat(q.outcome()).isInstanceOf(DnsOutcome.Answer.class);
    }

    static Stream<Arguments> scripted() {
        return Stream.of(
                Arguments.of(2, true, DnsOutcome.ServFail.class),
                Arguments.of(4, true, DnsOutcome.OtherRcode.class),
                Arguments.of(0, false, DnsOutcome.Answer.class));
    }

    @ParameterizedTest(name = "rcode {0}, RA {1}")
    @MethodSource
    void scripted(int rcode, boolean ra, Class<? extends DnsOutcome> want) throws Exception {
        try (ScriptedDns server = new ScriptedDns(new InetSocketAddress(Loopback.v4(), 0), rcode, ra)) {
            DnsQuery q = client.query(server.address(), "any.test", QueryType.A, Duration.ofSeconds(2), false);

            assertThat(q.outcome()).as("rcode %s", rcode).isInstanceOf(want);
            if (q.outcome() instanceof DnsOutcome.OtherRcode o) {
                assertThat(o.rcode()).isEqualTo(rcode);
                assertThat(o.name()).isEqualTo("NOTIMP");
            }
            if (q.outcome() instanceof DnsOutcome.Answer a) {   // a lame referral: no records, neither AA nor RA
                assertThat(a.records()).isEmpty();
                assertThat(a.authoritative()).isFalse();
                assertThat(a.recursionAvailable()).isFalse();
                assertThat(GoResolver.ends(a)).as("Go moves on after a lame referral").isFalse();
            }
        }
    }

    @Test
    void silentServerTimesOut() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(Loopback.v4(), 0))) {
            InetSocketAddress server = new InetSocketAddress(Loopback.v4(), silent.getLocalPort());

            DnsQuery q = client.query(server, "good.test", QueryType.A, Duration.ofMillis(500), false);

            assertThat(q.outcome()).isInstanceOf(DnsOutcome.Timeout.class);
        }
    }

    @Test
    void closedUdpPortIsEvidenceNotAnException() throws Exception {
        int port;
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(Loopback.v4(), 0))) {
            port = s.getLocalPort();
        }
        DnsQuery q = client.query(new InetSocketAddress(Loopback.v4(), port), "good.test", QueryType.A,
                Duration.ofMillis(500), false);

        // Linux reports ICMP port unreachable on a connected UDP socket; dnsjava may surface it as an
        // error or let the query run into its deadline. Either is a failed exchange, never an answer.
        assertThat(q.outcome()).isInstanceOfAny(DnsOutcome.NetworkError.class, DnsOutcome.Timeout.class);
    }

    @Test
    void closedTcpPortIsANetworkError() {
        int port = Loopback.freePort();
        DnsQuery q = client.query(new InetSocketAddress(Loopback.v4(), port), "good.test", QueryType.A,
                Duration.ofSeconds(2), true);

        assertThat(q.outcome()).isInstanceOfSatisfying(DnsOutcome.NetworkError.class,
                e -> assertThat(e.message()).containsIgnoringCase("refused"));
    }
}
