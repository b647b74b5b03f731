package dev.goferry.install.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.gomod.httpproxy.ProxyEnvironment;
import dev.goferry.install.index.ReleaseFile;
import dev.goferry.install.lab.MirrorLab;
import dev.goferry.install.lab.TestArchives;
import dev.goferry.install.source.ReleaseSource;
import dev.goferry.testkit.RecordingForwardProxy;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** goferry's downloads take the proxy Go would take (Go's ProxyFromEnvironment via goferry-gomod). */
class ProxyRoutingTest {

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(Map.of("HTTPS_PROXY", "http://proxy.corp:3128"), "https://go.dev/dl/x", "proxy.corp:3128", ""),
                Arguments.of(Map.of("HTTPS_PROXY", "proxy.corp"), "https://go.dev/dl/x", "proxy.corp:80", ""),
                Arguments.of(Map.of("HTTP_PROXY", "http://proxy.corp:3128"), "https://go.dev/dl/x", "DIRECT", ""),
                Arguments.of(Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "NO_PROXY", ".go.dev"), "https://dl.go.dev/x", "DIRECT", ""),
                Arguments.of(Map.of("HTTPS_PROXY", "http://proxy.corp:3128"), "https://127.0.0.1:8443/x", "DIRECT", ""),
                Arguments.of(Map.of("HTTPS_PROXY", "socks5://proxy.corp:1080"), "https://go.dev/dl/x", "DIRECT",
                        "proxy socks5://proxy.corp:1080 (HTTPS_PROXY): scheme socks5 is not supported by goferry's downloader"),
                Arguments.of(Map.of("HTTP_PROXY", "http://proxy.corp:3128", "REQUEST_METHOD", "GET"), "http://mirror.example/x", "DIRECT",
                        "refusing to use HTTP_PROXY value in CGI environment; see golang.org/s/cgihttpproxy"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("table")
    void choosesTheProxyGoWouldUse(Map<String, String> env, String url, String want, String refusal) {
        ProxyRouting routing = new ProxyRouting(ProxyEnvironment.from(env, "go1.24.4"));
        List<Proxy> got = routing.select(URI.create(url));
        assertThat(got).hasSize(1);
        String shown = got.getFirst().type() == Proxy.Type.DIRECT ? "DIRECT"
                : ((InetSocketAddress) got.getFirst().address()).getHostString() + ":" + ((InetSocketAddress) got.getFirst().address()).getPort();
        assertThat(shown).as("%s %s", env, url).isEqualTo(want);
        assertThat(routing.refusal(URI.create(url)).orElse("")).as("refusal for %s %s", env, url).isEqualTo(refusal);
    }

    @Test
    void downloadsThroughTheHttpProxy(@TempDir Path dir) throws Exception {
        byte[] archive = Files.readAllBytes(TestArchives.realArchive());
        try (MirrorLab lab = new MirrorLab(TestArchives.NAME, archive, "[]");
             RecordingForwardProxy proxy = RecordingForwardProxy.forwardingTo(URI.create(lab.url("")).getPort())) {
            lab.mirror("good", MirrorLab.Behavior.GOOD);
            // A name, not a loopback literal, so that Go's rules send it to the proxy; the proxy relays
            // to the lab whatever the host, and nothing ever resolves the name.
            URI base = URI.create("http://mirror.lab.test/good/");
            ProxyRouting routing = new ProxyRouting(ProxyEnvironment.from(Map.of("HTTP_PROXY", proxy.url()), "go1.24.4"));
            assertThat(routing.select(base)).as("must go to the proxy, never direct (that would need DNS)")
                    .extracting(Proxy::type).containsExactly(Proxy.Type.HTTP);
            ReleaseFile file = new ReleaseFile(TestArchives.NAME, "linux", "amd64", TestArchives.VERSION,
                    TestArchives.sha256(archive), archive.length, "archive");
            Downloader.Downloaded got = new Downloader(routing, DownloaderTest.FAST)
                    .download(file, List.of(new ReleaseSource("lab", base)), dir, DownloadListener.NONE);
            assertThat(got.verified()).isTrue();
            assertThat(proxy.requests()).extracting(r -> r.method() + " " + r.target())
                    .containsExactly("GET http://mirror.lab.test/good/" + TestArchives.NAME);
            assertThat(lab.requests()).extracting(MirrorLab.Request::range).containsExactly(Optional.empty());
        }
    }
}
