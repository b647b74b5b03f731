package dev.goferry.net.dns;

import dev.goferry.net.lab.Dnsmasq;
import dev.goferry.net.lab.GoEnv;
import dev.goferry.net.lab.Loopback;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
        Assumptions.assumeTrue(GoClient.isolated(), "needs root and unshare to give go its own resolv.conf");
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
        Path view = Files.createDirectories(scratch.resolve("view"));
        Files.writeString(view.resolve("resolv.conf"), resolvConf);
        Files.writeString(view.resolve("hosts"), "127.0.0.1 localhost\n");
        Path work = Files.createDirectories(scratch.resolve("work"));
        Map<String, String> env = GoEnv.of(go, scratch);
        env.putAll(Map.of("GOPROXY", goproxy, "GODEBUG", "netdns=go", "GO111MODULE", "on"));
        List<String> cmd = List.of("unshare", "--mount", "sh", "-c",
                "mount --bind \"$0/resolv.conf\" /etc/resolv.conf && mount --bind \"$0/hosts\" /etc/hosts"
                        + " && exec \"$@\"", view.toString(),
                go.binary().toString(), "mod", "download", "-json", "example.com/m@v1.0.0");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(scratch.resolve("go.out").toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("go mod download did not finish in 60 s: "
                    + Files.readString(scratch.resolve("go.out"), StandardCharsets.UTF_8));
        }
    }
}
