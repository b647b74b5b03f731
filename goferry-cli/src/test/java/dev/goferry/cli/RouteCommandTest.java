package dev.goferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code goferry route} as a user sees it. The request sequences themselves are checked against
 * the real go command in goferry-gomod's route observation tests; here: rendering, JSON, errors.
 */
class RouteCommandTest {

    private static final Map<String, String> ENV = Map.of(
            "HOME", "/nonexistent-home",
            "PATH", "/nonexistent-bin",
            "GOPROXY", "https://goproxy.cn|https://proxy.golang.org,direct",
            "GOPRIVATE", "*.corp.example.com",
            "HTTPS_PROXY", "http://user:secret@proxy.corp:3128",
            "NO_PROXY", "proxy.golang.org");

    @Test
    void showsEachEntryWithItsUrlHttpProxyAndFallbackRule() {
        CliRun run = CliRun.of(ENV, "route", "github.com/Foo/bar@v1.2.3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("https://goproxy.cn/github.com/%21foo/bar/@v/v1.2.3.info")
                .contains("via HTTPS_PROXY http://user:xxxxx@proxy.corp:3128")
                .contains("NO_PROXY entry \"proxy.golang.org\" matches")
                .contains("git at https://github.com/Foo/bar")
                .contains("https://goproxy.cn/sumdb/sum.golang.org/supported")
                .contains("directly, https://sum.golang.org/lookup/github.com/!foo/bar@v1.2.3")
                .doesNotContain("secret");
    }

    @Test
    void privateModulesGoDirect() {
        CliRun run = CliRun.of(ENV, "route", "git.corp.example.com/team/lib");
        assertThat(run.out()).contains("Private: GONOPROXY/GOPRIVATE pattern \"*.corp.example.com\"",
                "discovery: GET https://git.corp.example.com/team/lib?go-get=1",
                "Checksum database: not consulted (GONOSUMDB=*.corp.example.com matches *.corp.example.com)");
        assertThat(run.out()).doesNotContain("https://goproxy.cn/git.corp");
    }

    @Test
    void jsonNamesEveryRequestAndItsProxy() throws Exception {
        CliRun run = CliRun.of(ENV, "--json", "route", "example.com/m@v1.0.0");
        assertThat(run.exitCode()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.path("schema").asText()).isEqualTo("goferry.route/v1");
        JsonNode first = doc.path("chain").get(1);
        assertThat(first.path("requests").path("zip").path("url").asText())
                .isEqualTo("https://goproxy.cn/example.com/m/@v/v1.0.0.zip");
        assertThat(first.path("requests").path("zip").path("via").path("variable").asText()).isEqualTo("HTTPS_PROXY");
        assertThat(first.path("onError").asText()).isEqualTo("next");
        assertThat(doc.path("chain").get(2).path("onError").asText()).isEqualTo("stop");
        assertThat(doc.path("sumdb").path("kind").asText()).isEqualTo("via-proxies");
    }

    @Test
    void malformedModulePathIsAUsageErrorWithGosText() {
        CliRun run = CliRun.of(ENV, "route", "not a module");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("malformed module path \"not a module\"").doesNotContain("Exception");
    }

    @Test
    void unparsableGoproxyIsAConfigurationError() {
        CliRun run = CliRun.of(Map.of("HOME", "/nonexistent-home", "PATH", "/nonexistent-bin", "GOPROXY", "ftp://x"),
                "route", "example.com/m@v1.0.0");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).contains("invalid proxy URL scheme (must be https, http, file): ftp://x");
    }

    @Test
    void speaksChinese() {
        CliRun run = CliRun.of(ENV, "--lang", "zh-CN", "route", "example.com/m@v1.0.0");
        assertThat(run.out()).contains("模块文件", "校验和数据库");
    }
}
