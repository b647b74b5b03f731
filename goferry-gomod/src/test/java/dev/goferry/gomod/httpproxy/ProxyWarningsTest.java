package dev.goferry.gomod.httpproxy;

import static dev.goferry.gomod.httpproxy.ProxyDecisionConformanceTest.env;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each warning fires for the setting it is about, with the arguments its text shows. */
class ProxyWarningsTest {

    static Stream<Arguments> warnings() {
        return Stream.of(
                Arguments.of(env("NO_PROXY=corp.example.com;10.1.2.3", "HTTPS_PROXY=http://p:3128"),
                        List.of("no-proxy-semicolon NO_PROXY|corp.example.com;10.1.2.3")),
                Arguments.of(env("HTTP_PROXY=http://p:3128"),
                        List.of("https-proxy-missing HTTP_PROXY|http://p:3128")),
                Arguments.of(env("HTTPS_PROXY=\"http://proxy.corp:3128\""),
                        List.of("proxy-quoted HTTPS_PROXY|\"http://proxy.corp:3128\"|http://\"http://proxy.corp:3128%22")),
                Arguments.of(env("HTTPS_PROXY=http://bad host:1"),
                        List.of("proxy-garbled HTTPS_PROXY|http://bad host:1|http://http://bad%20host:1")),
                Arguments.of(env("HTTPS_PROXY=::"), List.of("proxy-garbled HTTPS_PROXY|::|http://::")),
                Arguments.of(env("HTTPS_PROXY=http://p:1;http://q:2"),
                        List.of("proxy-garbled HTTPS_PROXY|http://p:1;http://q:2|http://p:1;http://q:2")),
                Arguments.of(env("HTTPS_PROXY= http://p:1"), List.of("proxy-unusable HTTPS_PROXY| http://p:1|"
                        + "invalid proxy address \" http://p:1\": parse \" http://p:1\": first path segment in URL cannot"
                        + " contain colon")),
                Arguments.of(env("HTTPS_PROXY=http://%zz"), List.of("proxy-unusable HTTPS_PROXY|http://%zz|"
                        + "invalid proxy address \"http://%zz\": parse \"http://%zz\": invalid URL escape \"%zz\"")),
                Arguments.of(env("HTTPS_PROXY=http://a:1", "https_proxy=http://b:2"),
                        List.of("case-conflict HTTPS_PROXY|http://a:1|https_proxy|http://b:2|HTTPS_PROXY")),
                Arguments.of(env("HTTPS_PROXY=", "https_proxy=http://b:2"),
                        List.of("case-conflict HTTPS_PROXY||https_proxy|http://b:2|https_proxy")),
                Arguments.of(env("HTTPS_PROXY=http://u:s3cret@a:1", "https_proxy=http://u:other@a:1"),
                        List.of("case-conflict HTTPS_PROXY|http://u:xxxxx@a:1|https_proxy|http://u:xxxxx@a:1|HTTPS_PROXY")),
                Arguments.of(env("ALL_PROXY=socks5://p:1080"), List.of("all-proxy-ignored ALL_PROXY|socks5://p:1080")),
                Arguments.of(env("HTTPS_PROXY=proxy.corp"), List.of("proxy-no-port HTTPS_PROXY|http://proxy.corp|80")),
                Arguments.of(env("HTTPS_PROXY=https://proxy.corp:8443"),
                        List.of("proxy-https-scheme HTTPS_PROXY|https://proxy.corp:8443")),
                Arguments.of(env("HTTPS_PROXY=http://p:1", "no_proxy=a.com,:1"),
                        List.of("no-proxy-entry-ignored no_proxy|:1")),
                Arguments.of(env("HTTPS_PROXY=http://p:1", "REQUEST_METHOD=GET"), List.of("cgi GET")),
                Arguments.of(env("HTTPS_PROXY=http://u:pw@proxy.corp:3128", "HTTP_PROXY=http://proxy.corp:3128",
                        "NO_PROXY=localhost,.corp.example.com"), List.of()),
                Arguments.of(env("HTTPS_PROXY=[2001:db8::1]:3128", "HTTP_PROXY=my_proxy.corp:8080"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warnings")
    void warnsAboutWhatGoDoesSilently(Map<String, String> env, List<String> want) {
        List<String> got = ProxyEnvironment.from(env, ProxyRules.LATEST).warnings().stream()
                .map(w -> w.id() + " " + String.join("|", w.arguments()))
                .toList();
        assertThat(got).as("warnings of %s", env).isEqualTo(want);
    }

    @Test
    void oldGoGarblesSocks5h() {
        List<String> ids = ProxyEnvironment.from(env("HTTPS_PROXY=socks5h://p:1080"), ProxyRules.forGoVersion("go1.19.8"))
                .warnings().stream().map(w -> w.id() + " " + w.arguments().get(2)).toList();
        assertThat(ids).containsExactly("proxy-garbled http://socks5h://p:1080");
        assertThat(ProxyEnvironment.from(env("HTTPS_PROXY=socks5h://p:1080"), ProxyRules.LATEST).warnings()).isEmpty();
    }

    @Test
    void everyWarningHasCatalogTextWithItsPlaceholders() throws IOException {
        Path dir = Path.of("../goferry-i18n/src/main/resources/dev/goferry/i18n");
        for (String file : List.of("httpproxy.properties", "httpproxy_zh_CN.properties")) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8)) {
                p.load(r);
            }
            for (String id : ProxyWarnings.IDS) {
                assertThat(p.getProperty("httpproxy.warn." + id)).as("%s in %s", id, file).isNotBlank();
            }
            assertThat(p.stringPropertyNames()).as("keys of %s", file).hasSize(ProxyWarnings.IDS.size());
        }
    }
}
