package dev.goferry.install.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goferry.gomod.env.GoOs;
import dev.goferry.gomod.env.LocalFiles;
import dev.goferry.gomod.httpproxy.ProxyEnvironment;
import dev.goferry.gomod.httpproxy.ProxyRules;
import dev.goferry.install.download.DownloadSettings;
import dev.goferry.install.download.ProxyRouting;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which URLs the toolchain zip is fetched from for a GOPROXY value, and the entries that answer
 * without a request. No request leaves the JVM here: these GOPROXY values are never fetched.
 */
class ToolchainProxiesTest {

    private static final String V = ToolchainLab.MODULE_VERSION;

    static Stream<Arguments> zipSources() {
        return Stream.of(
                Arguments.of("http://127.0.0.1:1", List.of("http://127.0.0.1:1 http://127.0.0.1:1/golang.org/toolchain/@v/")),
                Arguments.of("http://127.0.0.1:1/sub/,http://127.0.0.2:2|off", List.of(
                        "http://127.0.0.1:1/sub/ http://127.0.0.1:1/sub/golang.org/toolchain/@v/",
                        "http://127.0.0.2:2 http://127.0.0.2:2/golang.org/toolchain/@v/")),
                Arguments.of("http://127.0.0.1:1,direct", List.of(
                        "http://127.0.0.1:1 http://127.0.0.1:1/golang.org/toolchain/@v/",
                        "direct (https://go.dev/dl/mod) https://go.dev/dl/mod/golang.org/toolchain/@v/")),
                Arguments.of("file:///srv/goproxy,http://127.0.0.1:1", List.of("http://127.0.0.1:1 http://127.0.0.1:1/golang.org/toolchain/@v/")),
                Arguments.of("off", List.of()));
    }

    @ParameterizedTest(name = "GOPROXY={0}")
    @MethodSource("zipSources")
    void zipComesFromEachHttpProxyAndDirectMeansGoDevDlMod(String goproxy, List<String> want) {
        List<String> got = source(goproxy).proxies().zipSources(V).stream()
                .map(s -> s.name() + " " + s.base()).toList();
        assertThat(got).as("zipSources(GOPROXY=%s)", goproxy).isEqualTo(want);
    }

    static Stream<Arguments> answeredWithoutARequest() {
        return Stream.of(
                Arguments.of("off", List.of("off: module lookup disabled by GOPROXY=off")),
                Arguments.of("file:///srv/goproxy", List.of("file:///srv/goproxy: file:// proxies are not read by goferry install")),
                Arguments.of("file:///srv/goproxy,off", List.of("file:///srv/goproxy: file:// proxies are not read by goferry install",
                        "off: module lookup disabled by GOPROXY=off")));
    }

    @ParameterizedTest(name = "GOPROXY={0}")
    @MethodSource("answeredWithoutARequest")
    void entriesWithoutAProxyCountAsNotFound(String goproxy, List<String> failures) {
        assertThatThrownBy(() -> source(goproxy).versions("linux", "amd64")).as("GOPROXY=%s", goproxy)
                .isInstanceOf(ToolchainProxies.ProxyException.class)
                .satisfies(e -> {
                    ToolchainProxies.ProxyException p = (ToolchainProxies.ProxyException) e;
                    assertThat(p.failures()).as("GOPROXY=%s", goproxy).isEqualTo(failures);
                    assertThat(p.notFound()).as("GOPROXY=%s", goproxy).isTrue();
                });
    }

    private static ToolchainSource source(String goproxy) {
        Map<String, String> env = Map.of("HOME", "/nonexistent-goferry-home", "GOPROXY", goproxy, "GOSUMDB", "off");
        return ToolchainSource.of(env, Optional.empty(), GoOs.LINUX, LocalFiles.SYSTEM,
                new ProxyRouting(ProxyEnvironment.from(env, ProxyRules.LATEST)), DownloadSettings.DEFAULT);
    }
}
