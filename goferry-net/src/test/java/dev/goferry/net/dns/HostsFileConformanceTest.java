package dev.goferry.net.dns;

import dev.goferry.net.lab.GoEnv;
import dev.goferry.net.lab.Loopback;
import dev.goferry.net.lab.SealedGo;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks {@link HostsFile} against the real go command: go fetches from
 * {@code GOPROXY=http://<name>:<closed port>} with the hosts file below; its error names the
 * address it dialled ("dial tcp 127.0.0.7:…") when the file gave one, or the DNS look-up
 * ("lookup <name>") when it did not.
 */
class HostsFileConformanceTest {

    private static final String HOSTS = """
            127.0.0.1 localhost
            127.0.0.7 mirror.test   # trailing comment
            127.0.0.8 MiXeD.Test
            127.0.0.9 glued.test#comment-glued
            # 127.0.0.10 commented.test
            0127.0.0.11 zero.test
            127.0.0.12 dotted.test.
            127.0.0.13\ttabbed.test\talias.test
            """;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (GoClient go : GoClients.all()) {
            for (String name : List.of("mirror.test", "mixed.test", "glued.test", "commented.test", "zero.test",
                    "dotted.test", "alias.test")) {
                out.add(Arguments.of(go, name));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void goDialsWhatTheHostsFileGives(GoClient go, String name, @TempDir Path scratch) throws Exception {
        List<InetAddress> predicted = HostsFile.parse(HOSTS).lookup(name);
        int port = Loopback.freePort();
        Map<String, String> env = GoEnv.of(go, scratch);
        env.putAll(Map.of("GOPROXY", "http://" + name + ":" + port, "GODEBUG", "netdns=go"));

        String out = SealedGo.run(go, scratch, "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n", HOSTS, env,
                "mod", "download", "-json", "example.com/m@v1.0.0");

        if (predicted.isEmpty()) {
            assertThat(out).as("%s for %s: no hosts entry, so DNS", go.version(), name).contains("lookup " + name);
        } else {
            assertThat(out).as("%s for %s", go.version(), name)
                    .contains("dial tcp " + predicted.getFirst().getHostAddress() + ":" + port);
        }
    }
}
