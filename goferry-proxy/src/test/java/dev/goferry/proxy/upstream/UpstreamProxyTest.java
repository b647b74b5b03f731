package dev.goferry.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goferry.proxy.Lab;
import dev.goferry.proxy.ScriptedUpstream;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import dev.goferry.testkit.RecordingForwardProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upstream requests through an HTTP proxy whose URL carries credentials send the same
 * {@code Proxy-Authorization} the real go command sends through that proxy; a proxy the JDK
 * client cannot speak stops the server at start-up with a message naming the setting.
 */
class UpstreamProxyTest {

    static final String UPSTREAM = "http://modules.corp.example:8081";
    static final String PATH = "/example.com/m/@v/list";

    @TempDir
    Path scratch;

    static Stream<Arguments> credentials() {
        List<String> userinfo = List.of("user:secret", "user", "us%40er:p%3Ass%20word", "user:");
        return GoClients.withEach(userinfo);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("credentials")
    void proxyCredentialsAreSentAsGoSendsThem(GoClient go, String userinfo) throws Exception {
        try (ScriptedUpstream up = new ScriptedUpstream(p -> ScriptedUpstream.Answer.text(200, "v1.0.0\n"));
             RecordingForwardProxy proxy = RecordingForwardProxy.forwardingTo(Integer.parseInt(up.url().replaceAll(".*:", "")))) {
            String proxyUrl = "http://" + userinfo + "@127.0.0.1:" + proxy.port();
            try (Lab.Running goferry = Lab.start(Files.createDirectories(scratch.resolve("data")), UPSTREAM, Map.of(),
                    Map.of("HTTP_PROXY", proxyUrl))) {
                assertThat(Lab.get(goferry.url(), PATH).statusCode()).as("goferry through %s", userinfo).isEqualTo(200);
            }
            Map<String, String> env = new HashMap<>(go.baseEnvironment(scratch));
            env.put("GOPROXY", UPSTREAM);
            env.put("GOSUMDB", "off");
            env.put("GOFLAGS", "-modcacherw");
            env.put("HTTP_PROXY", proxyUrl);
            Path work = Files.createDirectories(scratch.resolve("work"));
            GoClient.GoResult r = go.run(work, env, 60, "list", "-m", "-versions", "example.com/m");
            // goferry's one request, then go's (the list, then an .info for retractions).
            assertThat(proxy.requests()).as("go %s: %s", go.version(), r.stderr()).hasSizeGreaterThanOrEqualTo(2);
            Optional<String> fromGoferry = Optional.ofNullable(proxy.requests().get(0).headers().get("proxy-authorization"));
            Optional<String> fromGo = Optional.ofNullable(proxy.requests().get(1).headers().get("proxy-authorization"));
            assertThat(proxy.requests().get(1).target()).as("go %s asked the proxy for", go.version()).isEqualTo(UPSTREAM + PATH);
            assertThat(fromGo).as("go %s sends credentials of %s", go.version(), userinfo).isPresent();
            assertThat(fromGoferry).as("goferry's Proxy-Authorization for %s, as go %s's", userinfo, go.version())
                    .isEqualTo(fromGo);
        }
    }

    static Stream<Arguments> unusableProxies() {
        return Stream.of(
                Arguments.of("https://modules.corp.example", Map.of("HTTPS_PROXY", "socks5://127.0.0.1:1080"), "socks5://127.0.0.1:1080"),
                Arguments.of("https://modules.corp.example", Map.of("HTTPS_PROXY", "https://u:pw@127.0.0.1:3128"), "https://u:xxxxx@127.0.0.1:3128"),
                Arguments.of("http://modules.corp.example", Map.of("HTTP_PROXY", "socks5h://127.0.0.1:1080"), "socks5h://127.0.0.1:1080"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("unusableProxies")
    void aProxyTheClientCannotSpeakStopsTheStart(String upstream, Map<String, String> env, String shown) {
        String variable = env.keySet().iterator().next();
        assertThatThrownBy(() -> Lab.start(scratch, upstream, Map.of(), env).close())
                .as("%s=%s", variable, env.get(variable))
                .isInstanceOf(UpstreamPlan.InvalidUpstreamException.class)
                .hasMessageContaining("requests to " + upstream)
                .hasMessageContaining("proxy " + shown + " from " + variable)
                .hasMessageNotContaining(":pw@");
    }
}
