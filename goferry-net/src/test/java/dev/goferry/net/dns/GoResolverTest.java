package dev.goferry.net.dns;

import dev.goferry.net.Endpoint;
import dev.goferry.net.ProbeEvent;
import dev.goferry.net.RecordingProbeListener;
import dev.goferry.net.lab.Dnsmasq;
import dev.goferry.net.lab.Loopback;
import dev.goferry.net.lab.ScriptedDns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Resolution like Go's pure-Go resolver against a real dnsmasq and a silent server, both on port 53
 * (resolv.conf has no port syntax) of their own random 127.64.0.0/10 addresses.
 */
class GoResolverTest {

    @TempDir
    static Path scratch;
    static Dnsmasq dnsmasq;
    static DatagramSocket silent;

    @BeforeAll
    static void start() throws Exception {
        dnsmasq = Dnsmasq.start(scratch, new InetSocketAddress(Loopback.randomV4(), 53), List.of(
                "--address=/goproxy.corp.test/127.0.0.20", "--address=/proxy.golang.org/127.0.0.21",
                "--address=/nx.test/"));
        silent = new DatagramSocket(new InetSocketAddress(Loopback.randomV4(), 53));
    }

    @AfterAll
    static void stop() {
        if (dnsmasq != null) {
            dnsmasq.close();
        }
        if (silent != null) {
            silent.close();
        }
    }

    private static String dns() {
        return dnsmasq.ip().getHostAddress();
    }

    private static String quiet() {
        return silent.getLocalAddress().getHostAddress();
    }

    private static GoResolver resolver(String resolvConf, String hosts) {
        return new GoResolver(ResolverFiles.ofText(resolvConf, hosts, "box"), DnsClient.system());
    }

    private static List<String> trail(GoResolution r) {
        return r.queries().stream().map(q -> q.type() + " " + q.name() + " @" + q.server().getAddress().getHostAddress()
                + " " + q.outcome().getClass().getSimpleName()).toList();
    }

    @Test
    void hostsFileWinsWithoutAnyQuery() {
        GoResolution r = resolver("nameserver " + dns() + "\n", "127.0.0.99 proxy.golang.org\n")
                .resolveLikeGo("proxy.golang.org");

        assertThat(r.source()).isEqualTo(GoResolution.Source.HOSTS_FILE);
        assertThat(r.queries()).isEmpty();
        assertThat(r.addresses()).map(InetAddress::getHostAddress).containsExactly("127.0.0.99");
    }

    @Test
    void ipLiteralIsNotLookedUp() {
        GoResolution r = resolver("nameserver " + dns() + "\n", "").resolveLikeGo("127.0.0.5");

        assertThat(r.source()).isEqualTo(GoResolution.Source.LITERAL);
        assertThat(r.queries()).isEmpty();
    }

    @Test
    void singleLabelTriesSearchDomainFirst() {
        RecordingProbeListener events = new RecordingProbeListener(System::nanoTime);
        Endpoint e = Endpoint.http("goproxy", 8080);

        GoResolution r = resolver("nameserver " + dns() + "\nsearch corp.test\n", "")
                .resolveLikeGo("goproxy", e, events);

        assertThat(r.names()).containsExactly("goproxy.corp.test.", "goproxy.");
        assertThat(r.addresses()).map(InetAddress::getHostAddress).containsExactly("127.0.0.20");
        assertThat(trail(r)).containsExactly(
                "A goproxy.corp.test. @" + dns() + " Answer",
                "AAAA goproxy.corp.test. @" + dns() + " Refused",
                "AAAA goproxy.corp.test. @" + dns() + " Refused"); // Refused: next server (itself, attempt 2)
        assertThat(events.events()).extracting(ev -> ev.getClass().getSimpleName(), ProbeEvent::detail)
                .containsExactly(tuple("DnsStart", "goproxy.corp.test."), tuple("DnsEnd", "goproxy.corp.test."));
    }

    @Test
    void nxdomainStopsAtTheFirstServerAndMovesToTheNextName() {
        GoResolution r = resolver("nameserver " + dns() + "\nnameserver " + quiet() + "\nsearch nx.test\n"
                + "options timeout:1 attempts:1\n", "").resolveLikeGo("x.nx.test");

        assertThat(r.names()).containsExactly("x.nx.test.", "x.nx.test.nx.test.");
        assertThat(r.addresses()).isEmpty();
        assertThat(trail(r)).containsExactly(
                "A x.nx.test. @" + dns() + " NxDomain",
                "AAAA x.nx.test. @" + dns() + " NxDomain",
                "A x.nx.test.nx.test. @" + dns() + " NxDomain",
                "AAAA x.nx.test.nx.test. @" + dns() + " NxDomain");
    }

    @Test
    void silentFirstServerTimesOutThenTheSecondAnswers() {
        GoResolution r = resolver("nameserver " + quiet() + "\nnameserver " + dns() + "\n"
                + "options timeout:1 attempts:1 single-request\n", "").resolveLikeGo("proxy.golang.org");

        assertThat(r.addresses()).map(InetAddress::getHostAddress).containsExactly("127.0.0.21");
        assertThat(trail(r)).containsExactly(
                "A proxy.golang.org. @" + quiet() + " Timeout",
                "A proxy.golang.org. @" + dns() + " Answer",
                "AAAA proxy.golang.org. @" + quiet() + " Timeout",
                "AAAA proxy.golang.org. @" + dns() + " Refused");
    }

    @Test
    void servfailMovesToTheNextServer() throws Exception {
        try (ScriptedDns servfail = new ScriptedDns(new InetSocketAddress(Loopback.randomV4(), 53), 2, true)) {
            String bad = servfail.address().getAddress().getHostAddress();
            GoResolution r = resolver("nameserver " + bad + "\nnameserver " + dns() + "\n"
                    + "options timeout:1 attempts:1 single-request\n", "").resolveLikeGo("proxy.golang.org.");

            assertThat(trail(r)).containsExactly(
                    "A proxy.golang.org. @" + bad + " ServFail",
                    "A proxy.golang.org. @" + dns() + " Answer",
                    "AAAA proxy.golang.org. @" + bad + " ServFail",
                    "AAAA proxy.golang.org. @" + dns() + " Refused");
            assertThat(r.addresses()).map(InetAddress::getHostAddress).containsExactly("127.0.0.21");
        }
    }

    @Test
    void attemptsRepeatTheServerRound() {
        GoResolution r = resolver("nameserver " + quiet() + "\noptions timeout:1 attempts:2 single-request\n", "")
                .resolveLikeGo("proxy.golang.org.");

        assertThat(trail(r)).containsExactly(
                "A proxy.golang.org. @" + quiet() + " Timeout",
                "A proxy.golang.org. @" + quiet() + " Timeout",
                "AAAA proxy.golang.org. @" + quiet() + " Timeout",
                "AAAA proxy.golang.org. @" + quiet() + " Timeout");
        assertThat(r.addresses()).isEmpty();
    }

    @Test
    void rotateStartsEachLookupOneServerFurther() {
        GoResolver resolver = resolver("nameserver " + dns() + "\nnameserver " + quiet() + "\n"
                + "options timeout:1 attempts:1 rotate single-request\n", "");

        GoResolution first = resolver.resolveLikeGo("nx.test.");
        GoResolution second = resolver.resolveLikeGo("nx.test.");

        assertThat(first.queries().getFirst().server().getAddress().getHostAddress()).isEqualTo(dns());
        assertThat(second.queries().getFirst().server().getAddress().getHostAddress()).isEqualTo(quiet());
    }
}
