package dev.goferry.net.dns;

import dev.goferry.net.lab.Dnsmasq;
import dev.goferry.net.lab.GoEnv;
import dev.goferry.net.lab.Loopback;
import dev.goferry.net.lab.SealedGo;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks {@link NameList} and {@link ResolvConfParser} against the real go command: go runs in a
 * private mount namespace whose /etc/resolv.conf is the case's text pointing at a real dnsmasq
 * (port 53 on a random loopback address), with {@code GOPROXY=http://<host>:<closed port>}; the
 * names dnsmasq logs, in order, are the names Go tried. dnsmasq answers none of them (REFUSED), so
 * Go walks its whole list.
 */
class GoNameListConformanceTest {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        String[][] table = {
                // name, resolv.conf options part (nameserver is added), host
                {"single label, search list", "search a.test b.test\n", "goproxy"},
                {"dotted name, ndots default", "search a.test\n", "goproxy.lab"},
                {"dotted name, ndots:5 (Kubernetes-style)", "search a.test b.test\noptions ndots:5\n", "goproxy.lab"},
                {"domain then search: the last wins", "domain d.test\nsearch s.test\n", "goproxy"},
                {"search then domain: the last wins", "search s.test\ndomain d.test\n", "goproxy"},
                {"rooted-ish: ndots:0", "search a.test\noptions ndots:0\n", "goproxy"},
        };
        for (GoClient client : GoClients.all()) {
            for (String[] row : table) {
                out.add(Arguments.of(client, row[0], row[1], row[2]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void goQueriesTheNamesNameListPredicts(GoClient go, String name, String options, String host,
                                          @TempDir Path scratch) throws Exception {
        try (Dnsmasq dnsmasq = Dnsmasq.start(scratch, new InetSocketAddress(Loopback.randomV4(), 53), List.of())) {
            String resolvConf = "nameserver " + dnsmasq.ip().getHostAddress() + "\n" + options
                    + "options timeout:1 attempts:1\n";
            List<String> predicted = NameList.of(host,
                    ResolvConfParser.parse(resolvConf, ResolverFiles.ofText(null, null, "box")));

            runGo(go, scratch, resolvConf, "http://" + host + ":" + Loopback.freePort());

            LinkedHashSet<String> asked = new LinkedHashSet<>();
            for (String line : dnsmasq.queries()) {      // "query[A] goproxy.a.test from 127.x.y.z"
                asked.add(line.split(" ")[1] + ".");
            }
            assertThat(List.copyOf(asked)).as("%s: names %s asked for %s", name, go.version(), host)
                    .containsExactlyElementsOf(predicted);
        }
    }

    private static void runGo(GoClient go, Path scratch, String resolvConf, String goproxy)
            throws IOException, InterruptedException {
        Map<String, String> env = GoEnv.of(go, scratch);
        env.putAll(Map.of("GOPROXY", goproxy, "GODEBUG", "netdns=go", "GO111MODULE", "on"));
        SealedGo.run(go, scratch, resolvConf, "127.0.0.1 localhost\n", env,
                "mod", "download", "-json", "example.com/m@v1.0.0");
    }
}
