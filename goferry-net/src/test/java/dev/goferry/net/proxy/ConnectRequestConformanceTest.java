package dev.goferry.net.proxy;

import dev.goferry.net.Endpoint;
import dev.goferry.net.ProbeListener;
import dev.goferry.net.lab.Fault;
import dev.goferry.net.lab.FaultServer;
import dev.goferry.net.lab.GoEnv;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that {@link ConnectProbe} asks a proxy for a tunnel with the very request head the real
 * go command sends ({@code HTTPS_PROXY} with and without userinfo), and that both see a 403 or 407
 * the same way: the probe as evidence, Go as the status text it prints.
 */
class ConnectRequestConformanceTest {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (GoClient go : GoClients.all()) {
            out.add(Arguments.of(go, "", "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n", "Forbidden"));
            out.add(Arguments.of(go, "u%40corp:p%3Ass@",
                    "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\n"
                            + "Content-Length: 0\r\n\r\n", "Proxy Authentication Required"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: userinfo \"{1}\"")
    @MethodSource("cases")
    void probeSendsWhatGoSends(GoClient go, String userinfo, String reply, String goText, @TempDir Path dir)
            throws Exception {
        String goRequest;
        String goOutput;
        try (FaultServer proxy = new FaultServer(new Fault.Reply(reply))) {
            Map<String, String> env = GoEnv.of(go, dir);
            env.put("GOPROXY", "https://proxy.example.test");
            env.put("HTTPS_PROXY", "http://" + userinfo + "127.0.0.1:" + proxy.address().getPort());
            GoClient.GoResult r = go.run(Files.createDirectories(dir.resolve("work")), env, Map.of(), 60,
                    "mod", "download", "-json", "example.com/m@v1.0.0");
            goOutput = r.stdout() + r.stderr();
            assertThat(proxy.requests()).as("%s asked the proxy", go.version()).isNotEmpty();
            goRequest = proxy.requests().getFirst();
        }
        String probeRequest;
        ConnectOutcome outcome;
        try (FaultServer proxy = new FaultServer(new Fault.Reply(reply))) {
            Socket socket = new Socket();
            socket.connect(proxy.address(), 2000);
            ConnectProbe.Result r = ConnectProbe.system().connect(Endpoint.https("proxy.example.test", 443), socket,
                    ProxyUrl.parse("http://" + userinfo + "127.0.0.1:" + proxy.address().getPort()),
                    "proxy.example.test", 443, Duration.ofSeconds(5), ProbeListener.NONE);
            outcome = r.outcome();
            probeRequest = proxy.requests().getFirst();
        }

        assertThat(lines(probeRequest)).as("CONNECT head vs %s", go.version())
                .containsExactlyInAnyOrderElementsOf(lines(goRequest));
        assertThat(probeRequest.lines().findFirst()).isEqualTo(goRequest.lines().findFirst());
        assertThat(goOutput).as("%s output", go.version()).contains(goText);
        assertThat(outcome).isInstanceOf(userinfo.isEmpty() ? ConnectOutcome.Forbidden.class
                : ConnectOutcome.AuthenticationRequired.class);
    }

    private static List<String> lines(String head) {
        return head.lines().filter(l -> !l.isEmpty()).toList();
    }
}
