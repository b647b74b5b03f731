package dev.goferry.gomod.httpproxy;

import static dev.goferry.gomod.httpproxy.ProxyDecisionConformanceTest.env;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The places where Go 1.19.8 and 1.24.4 decide differently, pinned: each row states both real
 * answers, and goferry must give the same under each release's {@link ProxyRules}. If a future
 * client moves, this table says where.
 */
class ProxyVersionDifferencesTest {

    static Stream<Arguments> differences() {
        // environment, URL, Go 1.19 answer, Go 1.24 answer
        return Stream.of(
                Arguments.of(env("HTTPS_PROXY=socks5h://p:1080"), "https://x/",
                        "PROXY http://socks5h://p:1080", "PROXY socks5h://p:1080"),
                Arguments.of(env("HTTP_PROXY=foo://h:1"), "http://x/", "PROXY http://foo://h:1", "PROXY foo://h:1"),
                Arguments.of(env("HTTPS_PROXY=p:1"), "https://[::00001]/", "DIRECT", "PROXY http://p:1"),
                Arguments.of(env("HTTPS_PROXY=p:1"), "https://[::1%25eth0]/", "PROXY http://p:1", "DIRECT"),
                Arguments.of(env("HTTPS_PROXY=p:1", "NO_PROXY=example.com"), "https://[fe80::1%25eth0.example.com]/",
                        "DIRECT", "PROXY http://p:1"),
                Arguments.of(env("HTTPS_PROXY=p:1", "NO_PROXY=.x.io"), "https://[fe80::1%25.x.io]/",
                        "DIRECT", "PROXY http://p:1"),
                Arguments.of(env("HTTPS_PROXY=p:1", "NO_PROXY=2001:db8::00001"), "https://[2001:db8::1]/",
                        "DIRECT", "PROXY http://p:1"),
                Arguments.of(env("HTTPS_PROXY=p:1", "NO_PROXY=2001:db8::1"), "https://[2001:db8::1%25en0]/",
                        "PROXY http://p:1", "DIRECT"));
    }

    @ParameterizedTest(name = "{1} with {0}")
    @MethodSource("differences")
    void releasesDifferAndGoferryFollowsEach(Map<String, String> env, String url, String go119, String go124) {
        for (GoClient go : GoClients.all()) {
            String want = go.minor() <= 19 ? go119 : go124;
            List<String> real = GoPrograms.run(GoPrograms.build(go, "proxydecide"), env, List.of(url));
            assertThat(real).as("%s: real answer for %s with %s", go.version(), url, env).containsExactly(want);
            ProxyEnvironment pe = ProxyEnvironment.from(env, ProxyRules.forGoVersion(go.version()));
            assertThat(ProxyDecisionConformanceTest.goferry(pe, url)).as("%s: goferry for %s", go.version(), url)
                    .isEqualTo(want);
        }
    }
}
