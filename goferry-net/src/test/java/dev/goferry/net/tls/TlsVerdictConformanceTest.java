package dev.goferry.net.tls;

import dev.goferry.net.Endpoint;
import dev.goferry.net.ProbeListener;
import dev.goferry.net.lab.GoEnv;
import dev.goferry.net.lab.Nginx;
import dev.goferry.testkit.netlab.TestPki;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * Checks the TLS verdict against the real go command: for each nginx site, the go command fetches
 * through {@code GOPROXY=https://<host>:<port>} trusting only the lab CA ({@code SSL_CERT_FILE},
 * empty {@code SSL_CERT_DIR}); the x509 text it prints must be the one the verdict stands for.
 */
class TlsVerdictConformanceTest {

    @TempDir
    static Path scratch;
    static TestPki ca;
    static Nginx nginx;

    @BeforeAll
    static void start() {
        ca = TestPki.createCa(scratch, "lab", "goferry lab CA");
        TestPki stranger = TestPki.createCa(scratch, "stranger", "stranger CA");
        nginx = Nginx.start(scratch, List.of(
                Nginx.Site.tls("valid", ca.issue("valid", "localhost", List.of("DNS:localhost", "IP:127.0.0.1"), 30)),
                Nginx.Site.tls("expired", ca.issue("expired", "localhost", List.of("DNS:localhost"), -1)),
                Nginx.Site.tls("wronghost", ca.issue("wronghost", "other.test", List.of("DNS:other.test"), 30)),
                Nginx.Site.tls("expiredwronghost", ca.issue("expiredwronghost", "other.test",
                        List.of("DNS:other.test"), -1)),
                Nginx.Site.tls("cnonly", ca.issue("cnonly", "localhost", List.of(), 30)),
                Nginx.Site.tls("unknown", stranger.issue("unknown", "localhost", List.of("DNS:localhost"), 30)),
                Nginx.Site.tls("unknownwronghost", stranger.issue("unknownwronghost", "other.test",
                        List.of("DNS:other.test"), 30))));
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
    }

    static Stream<Arguments> cases() {
        String[][] table = {
                // site, host the go command dials
                {"valid", "localhost"},
                {"valid", "127.0.0.1"},
                {"expired", "localhost"},
                {"wronghost", "localhost"},
                {"wronghost", "127.0.0.1"},
                {"expiredwronghost", "localhost"},
                {"cnonly", "localhost"},
                {"unknown", "localhost"},
                {"unknownwronghost", "localhost"},
        };
        List<Arguments> out = new ArrayList<>();
        for (GoClient go : GoClients.all()) {
            for (String[] row : table) {
                out.add(Arguments.of(go, row[0], row[1]));
            }
        }
        return out.stream();
    }

    /** {@return the text Go prints for a verdict; empty for a verified chain} */
    static String goText(TlsVerdict verdict) {
        return switch (verdict) {
            case TlsVerdict.Verified v -> "";
            case TlsVerdict.UnknownAuthority u -> "x509: certificate signed by unknown authority";
            case TlsVerdict.NotValidAtTime n -> "x509: certificate has expired or is not yet valid";
            case TlsVerdict.HostnameMismatch m when m.legacyCommonNameOnly() ->
                    "x509: certificate relies on legacy Common Name field";
            case TlsVerdict.HostnameMismatch m when HostnameMatcher.isIp(m.host()) && m.ipAddresses().isEmpty() ->
                    "x509: cannot validate certificate for " + m.host() + " because it doesn't contain any IP SANs";
            case TlsVerdict.HostnameMismatch m -> "x509: certificate is valid for ";
            case TlsVerdict.IncompatibleUsage i -> "x509: certificate specifies an incompatible key usage";
            case TlsVerdict.NoCertificate n -> "tls:";
        };
    }

    @ParameterizedTest(name = "{0}: {1} as {2}")
    @MethodSource("cases")
    void goReportsWhatTheVerdictSays(GoClient go, String site, String host, @TempDir Path dir) throws Exception {
        TlsVerdict verdict;
        try (Socket socket = new Socket()) {
            socket.connect(nginx.address(site), 2000);
            TlsProbe.Handshake h = TlsProbe.system().handshake(Endpoint.https(host, nginx.port(site)), socket, host,
                    TlsProbe.GO_ALPN, List.of(ca.caCertificate()), Duration.ofSeconds(5), ProbeListener.NONE);
            h.socket().orElseThrow().close();
            verdict = ((TlsOutcome.Completed) h.outcome()).verdict();
        }

        Path emptyDir = Files.createDirectories(dir.resolve("no-certs"));
        Map<String, String> env = GoEnv.of(go, dir);
        env.put("GOPROXY", "https://" + host + ":" + nginx.port(site));
        env.put("SSL_CERT_FILE", ca.caPem().toString());
        env.put("SSL_CERT_DIR", emptyDir.toString());
        GoClient.GoResult r = go.run(Files.createDirectories(dir.resolve("work")), env, Map.of(), 60,
                "mod", "download", "-json", "example.com/m@v1.0.0");
        String out = r.stdout() + r.stderr();

        String want = goText(verdict);
        if (want.isEmpty()) {
            assertThat(out).as("%s on %s as %s: verdict %s", go.version(), site, host, verdict)
                    .contains("404 Not Found").doesNotContain("x509:").doesNotContain("tls:");
        } else {
            assertThat(out).as("%s on %s as %s: verdict %s", go.version(), site, host, verdict).contains(want);
        }
    }
}
