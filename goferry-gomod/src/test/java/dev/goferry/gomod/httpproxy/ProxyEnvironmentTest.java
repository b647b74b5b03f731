package dev.goferry.gomod.httpproxy;

import static dev.goferry.gomod.httpproxy.ProxyDecisionConformanceTest.env;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decisions carry the reason (direct) or the variable (proxy) goferry shows; the verdicts
 * themselves are checked against the real go in {@link ProxyDecisionConformanceTest}.
 */
class ProxyEnvironmentTest {

    static Stream<Arguments> decisions() {
        // environment, URL, expected decision rendered by describe()
        return Stream.of(
                Arguments.of(env("HTTPS_PROXY=p:1"), "ftp://x/", "DIRECT NOT_HTTP_SCHEME"),
                Arguments.of(env("HTTP_PROXY=p:1"), "https://x/", "DIRECT NO_PROXY_VARIABLE"),
                Arguments.of(env("HTTPS_PROXY=http://%zz"), "https://x/", "DIRECT NO_PROXY_VARIABLE invalid proxy address"
                        + " \"http://%zz\": parse \"http://%zz\": invalid URL escape \"%zz\""),
                Arguments.of(env("HTTPS_PROXY=p:1"), "https://localhost:8443/", "DIRECT LOCALHOST"),
                Arguments.of(env("HTTPS_PROXY=p:1"), "https://127.9.9.9/", "DIRECT LOOPBACK"),
                Arguments.of(env("HTTPS_PROXY=p:1"), "https://[::1]:443/", "DIRECT LOOPBACK"),
                Arguments.of(env("HTTPS_PROXY=p:1", "NO_PROXY=a.com,.corp.io"), "https://x.corp.io/",
                        "DIRECT NO_PROXY_RULE .corp.io"),
                Arguments.of(env("HTTPS_PROXY=p:1", "no_proxy=*.corp.io"), "https://x.corp.io/",
                        "DIRECT NO_PROXY_RULE *.corp.io"),
                Arguments.of(env("HTTPS_PROXY=p:1", "NO_PROXY=10.0.0.0/8"), "https://10.1.1.1/",
                        "DIRECT NO_PROXY_RULE 10.0.0.0/8"),
                Arguments.of(env("HTTPS_PROXY=p:1", "NO_PROXY=x,*"), "https://y/", "DIRECT NO_PROXY_RULE *"),
                Arguments.of(env("HTTPS_PROXY=p:1"), "https://a b/",
                        "DIRECT UNPARSABLE parse \"https://a b/\": invalid character \" \" in host name"),
                Arguments.of(env("HTTPS_PROXY=p:1"), "http://a[b/", "DIRECT NO_PROXY_VARIABLE"),
                Arguments.of(env("HTTP_PROXY=p:1"), "http://a[b/",
                        "DIRECT UNPARSABLE address a[b:80: unexpected '[' in address"),
                Arguments.of(env("HTTPS_PROXY=p:1", "https_proxy=q:2"), "https://x/", "PROXY http://p:1 HTTPS_PROXY"),
                Arguments.of(env("HTTPS_PROXY=", "https_proxy=q:2"), "https://x/", "PROXY http://q:2 https_proxy"),
                Arguments.of(env("http_proxy=q:2"), "http://x/", "PROXY http://q:2 http_proxy"),
                Arguments.of(env("HTTP_PROXY=p:1", "REQUEST_METHOD=GET"), "http://x/",
                        "ERROR refusing to use HTTP_PROXY value in CGI environment; see golang.org/s/cgihttpproxy"),
                Arguments.of(env("HTTP_PROXY=http://%zz", "REQUEST_METHOD=GET"), "http://x/",
                        "DIRECT NO_PROXY_VARIABLE invalid proxy address \"http://%zz\": parse \"http://%zz\":"
                                + " invalid URL escape \"%zz\""),
                Arguments.of(env("HTTPS_PROXY=p:1", "REQUEST_METHOD=GET"), "https://x/", "PROXY http://p:1 HTTPS_PROXY"));
    }

    @ParameterizedTest(name = "{1} with {0}")
    @MethodSource("decisions")
    void decidesWithReason(Map<String, String> env, String url, String want) {
        ProxyDecision d = ProxyEnvironment.from(env, ProxyRules.LATEST).decide(url);
        assertThat(describe(d)).as("decide(%s) with %s", url, env).isEqualTo(want);
    }

    @Test
    void decidesJavaUris() {
        ProxyEnvironment pe = ProxyEnvironment.from(env("HTTPS_PROXY=p:1", "NO_PROXY=my_host.corp"), ProxyRules.LATEST);
        // URI.getHost() is null for this host; Go and goferry read it anyway
        assertThat(URI.create("https://my_host.corp/").getHost()).isNull();
        assertThat(describe(pe.decide(URI.create("https://my_host.corp/")))).isEqualTo("DIRECT NO_PROXY_RULE my_host.corp");
        assertThat(describe(pe.decide(URI.create("https://proxy.golang.org/x/@v/list"))))
                .isEqualTo("PROXY http://p:1 HTTPS_PROXY");
    }

    @Test
    void takesAGoVersion() {
        Map<String, String> env = env("HTTPS_PROXY=socks5h://p:1080");
        assertThat(describe(ProxyEnvironment.from(env, "go1.19.8").decide("https://x/")))
                .isEqualTo("PROXY http://socks5h://p:1080 HTTPS_PROXY");
        assertThat(describe(ProxyEnvironment.from(env, "go1.24.4").decide("https://x/")))
                .isEqualTo("PROXY socks5h://p:1080 HTTPS_PROXY");
    }

    @Test
    void recordsWhereEachValueCameFrom() {
        ProxyEnvironment pe = ProxyEnvironment.from(env("HTTP_PROXY=", "http_proxy=h:1", "HTTPS_PROXY=s:2",
                "no_proxy=a", "REQUEST_METHOD=HEAD"), ProxyRules.LATEST);
        assertThat(pe.httpProxy()).get().extracting(ProxySetting::variable).isEqualTo(ProxyVariable.http_proxy);
        assertThat(pe.httpsProxy()).get().extracting(ProxySetting::variable).isEqualTo(ProxyVariable.HTTPS_PROXY);
        assertThat(pe.noProxy()).contains(Map.entry(ProxyVariable.no_proxy, "a"));
        assertThat(pe.cgi()).contains("HEAD");
        assertThat(ProxyEnvironment.from(Map.of(), ProxyRules.LATEST).httpsProxy()).isEmpty();
    }

    static Stream<Arguments> proxyValues() {
        // rules, value, URL Go uses (redacted) or empty, retried with http://
        ProxyRules old = ProxyRules.forGoVersion("go1.19.8");
        return Stream.of(
                Arguments.of(ProxyRules.LATEST, "proxy.corp:3128", Optional.of("http://proxy.corp:3128"), true),
                Arguments.of(ProxyRules.LATEST, "localhost", Optional.of("http://localhost"), true),
                Arguments.of(ProxyRules.LATEST, "socks5h://p:1080", Optional.of("socks5h://p:1080"), false),
                Arguments.of(old, "socks5h://p:1080", Optional.of("http://socks5h://p:1080"), true),
                Arguments.of(old, "socks5://p", Optional.of("socks5://p"), false),
                Arguments.of(ProxyRules.LATEST, "http://u:pw@p:1", Optional.of("http://u:xxxxx@p:1"), false),
                Arguments.of(ProxyRules.LATEST, "http://bad host:1", Optional.of("http://http://bad%20host:1"), true),
                Arguments.of(ProxyRules.LATEST, "http://%zz", Optional.empty(), false),
                Arguments.of(ProxyRules.LATEST, "::", Optional.of("http://::"), true));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("proxyValues")
    void parsesProxyValuesAsParseProxy(ProxyRules rules, String value, Optional<String> used, boolean retried) {
        ProxySetting s = ProxySetting.parse(ProxyVariable.HTTPS_PROXY, value, rules);
        assertThat(s.maskedUsed()).as("used for %s", value).isEqualTo(used);
        assertThat(s.retriedWithHttp()).as("retried for %s", value).isEqualTo(retried);
        assertThat(s.error().isPresent()).as("error for %s", value).isEqualTo(used.isEmpty());
    }

    @Test
    void swallowedErrorIsGos() {
        assertThat(ProxySetting.parse(ProxyVariable.HTTPS_PROXY, "http://%zz", ProxyRules.LATEST).error())
                .contains("invalid proxy address \"http://%zz\": parse \"http://%zz\": invalid URL escape \"%zz\"");
    }

    static String describe(ProxyDecision d) {
        return switch (d) {
            case ProxyDecision.Direct x -> ("DIRECT " + x.reason() + x.detail().map(s -> " " + s).orElse(""));
            case ProxyDecision.Proxy p -> "PROXY " + p.proxy().redacted() + " " + p.variable();
            case ProxyDecision.Error e -> "ERROR " + e.message();
        };
    }
}
