package dev.goferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code goferry env} also shows the HTTP proxy variables and TLS roots, with their warnings. The
 * decisions themselves are checked against the real go in goferry-gomod (httpproxy, tlsroots).
 */
class EnvNetworkSectionTest {

    private static final Map<String, String> ENV = Map.of(
            "HOME", "/nonexistent-home",
            "PATH", "/nonexistent-bin",
            "HTTP_PROXY", "http://user:secret@proxy.corp:3128",
            "NO_PROXY", "corp.example.com;10.0.0.0/8",
            "SSL_CERT_FILE", "/nonexistent/ca.pem",
            "SSL_CERT_DIR", "/nonexistent/certs");

    @Test
    void warnsAboutHttpProxyWithoutHttpsProxyAndSemicolons() {
        CliRun run = CliRun.of(ENV, "env");
        assertThat(run.out())
                .contains("HTTPS_PROXY  not set", "https:// requests go direct")
                .contains("is set but HTTPS_PROXY is not")
                .contains("contains \";\"")
                .doesNotContain("secret");
    }

    @Test
    void warnsWhenGoWouldTrustNoRootAtAll() {
        CliRun run = CliRun.of(ENV, "env");
        assertThat(run.out()).contains("TLS roots Go trusts (0 certificates)", "file /nonexistent/ca.pem: not present",
                "certificate signed by unknown authority");
    }

    @Test
    void jsonCarriesProxiesRootsAndWarningIds() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(CliRun.of(ENV, "--json", "env").out());
        JsonNode network = doc.path("network");
        assertThat(network.path("https").path("value").isNull()).isTrue();
        assertThat(network.path("http").path("uses").asText()).isEqualTo("http://user:xxxxx@proxy.corp:3128");
        assertThat(network.path("tlsRoots").path("count").asInt()).isZero();
        assertThat(network.path("warnings").findValuesAsText("id"))
                .contains("httpproxy.warn.https-proxy-missing", "httpproxy.warn.no-proxy-semicolon");
    }

    @Test
    void selectedKeysLeaveTheNetworkSectionOut() {
        assertThat(CliRun.of(ENV, "env", "GOPROXY").out()).doesNotContain("HTTP proxies");
    }

    @Test
    void speaksChinese() {
        assertThat(CliRun.of(ENV, "--lang", "zh-CN", "env").out()).contains("HTTP 代理", "Go 信任的 TLS 根证书");
    }
}
