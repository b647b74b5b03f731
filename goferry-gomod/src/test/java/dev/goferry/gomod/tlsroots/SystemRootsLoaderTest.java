package dev.goferry.gomod.tlsroots;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * loadSystemRoots' rules on a fake root directory, including the six default bundle paths that
 * the conformance test cannot touch (they are the machine's own).
 */
class SystemRootsLoaderTest {

    @TempDir
    static Path made;

    private static String a;
    private static String b;
    private static String c;

    @BeforeAll
    static void certificates() {
        a = TestCertificates.create(made, "loader-A");
        b = TestCertificates.create(made, "loader-B");
        c = TestCertificates.create(made, "loader-C");
    }

    /** A fake root: path → contents; a contents of "DIR" makes a directory, "->x" a symlink to x. */
    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("first readable default file only",
                        Map.of("/etc/pki/tls/certs/ca-bundle.crt", "A", "/etc/ssl/cert.pem", "B"), "go1.24.4",
                        List.of("loader-A@/etc/pki/tls/certs/ca-bundle.crt"),
                        List.of("/etc/ssl/certs/ca-certificates.crt NOT_FOUND", "/etc/pki/tls/certs/ca-bundle.crt USED",
                                "/etc/ssl/ca-bundle.pem NOT_TRIED", "/etc/pki/tls/cacert.pem NOT_TRIED",
                                "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem NOT_TRIED",
                                "/etc/ssl/cert.pem NOT_TRIED")),
                Arguments.of("unreadable file: next file",
                        Map.of("/etc/ssl/certs/ca-certificates.crt", "DIR", "/etc/ssl/ca-bundle.pem", "B"), "go1.24.4",
                        List.of("loader-B@/etc/ssl/ca-bundle.pem"),
                        List.of("/etc/ssl/certs/ca-certificates.crt UNREADABLE", "/etc/pki/tls/certs/ca-bundle.crt NOT_FOUND",
                                "/etc/ssl/ca-bundle.pem USED", "/etc/pki/tls/cacert.pem NOT_TRIED",
                                "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem NOT_TRIED",
                                "/etc/ssl/cert.pem NOT_TRIED")),
                Arguments.of("file plus every directory, duplicates once",
                        Map.of("/etc/ssl/certs/ca-certificates.crt", "AB", "/etc/ssl/certs/c.pem", "C",
                                "/etc/pki/tls/certs/a.pem", "A", "/system/etc/security/cacerts/b.0", "B"), "go1.24.4",
                        List.of("loader-A@/etc/ssl/certs/ca-certificates.crt", "loader-B@/etc/ssl/certs/ca-certificates.crt",
                                "loader-C@/etc/ssl/certs/c.pem"),
                        List.of()),
                Arguments.of("1.19 reads Android's directory on Linux",
                        Map.of("/system/etc/security/cacerts/b.0", "B"), "go1.19.8",
                        List.of("loader-B@/system/etc/security/cacerts/b.0"), List.of()),
                Arguments.of("the 1.24 plan does not",
                        Map.of("/system/etc/security/cacerts/b.0", "B"), "go1.24.4", List.of(), List.of()),
                Arguments.of("same-dir symlink skipped, path symlink read, subdirectory ignored",
                        Map.of("/etc/ssl/certs/real.pem", "A", "/etc/ssl/certs/1a2b3c4d.0", "->real.pem",
                                "/etc/ssl/certs/sub", "DIR", "/etc/ssl/certs/sub/x.pem", "C",
                                "/etc/ssl/certs/via-path", "->sub/x.pem"), "go1.24.4",
                        List.of("loader-A@/etc/ssl/certs/real.pem", "loader-C@/etc/ssl/certs/via-path"),
                        List.of("/etc/ssl/certs 1a2b3c4d.0 skipped")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void loadsAsGo(String name, Map<String, String> layout, String go, List<String> roots, List<String> sources,
                   @TempDir Path base) throws IOException {
        build(base, layout);
        SystemRoots got = SystemRootsLoader.under(base).load(RootsPlan.linux(Map.of(), go));
        assertThat(got.roots()).extracting(r -> cn(r.certificate()) + "@" + r.file()).as("%s: roots", name)
                .isEqualTo(roots);
        List<String> described = new ArrayList<>();
        for (RootsSource s : got.sources()) {
            switch (s) {
                case RootsSource.File f -> described.add(f.path() + " " + f.outcome());
                case RootsSource.Directory d -> d.skippedSymlinks().forEach(l -> described.add(d.path() + " " + l + " skipped"));
            }
        }
        assertThat(described).as("%s: sources", name).containsAll(sources);
        assertThat(got.error()).as("%s: error", name).isEmpty();
    }

    @Test
    void emptyPoolWithoutErrorWhenNothingExists(@TempDir Path base) {
        SystemRoots got = SystemRootsLoader.under(base).load(RootsPlan.linux(Map.of(), "go1.24.4"));
        assertThat(got.roots()).isEmpty();
        assertThat(got.error()).isEmpty();
        assertThat(got.fileUsed()).isEmpty();
    }

    @Test
    void emptyPoolWithErrorWhenSomethingFailed(@TempDir Path base) throws IOException {
        build(base, Map.of("/etc/ssl/certs/ca-certificates.crt", "DIR"));
        SystemRoots got = SystemRootsLoader.under(base).load(RootsPlan.linux(Map.of(), "go1.24.4"));
        assertThat(got.error()).contains("read /etc/ssl/certs/ca-certificates.crt: is a directory");
        build(base, Map.of("/etc/ssl/certs/x.pem", "A"));
        assertThat(SystemRootsLoader.under(base).load(RootsPlan.linux(Map.of(), "go1.24.4")).error()).isEmpty();
    }

    @Test
    void keyStoreTrustsExactlyTheRoots(@TempDir Path base) throws Exception {
        build(base, Map.of("/etc/ssl/cert.pem", "AB"));
        SystemRoots got = SystemRootsLoader.under(base).load(RootsPlan.linux(Map.of(), "go1.24.4"));
        assertThat(got.fileUsed()).contains("/etc/ssl/cert.pem");
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(got.keyStore());
        X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
        assertThat(tm.getAcceptedIssuers()).extracting(SystemRootsLoaderTest::cn)
                .containsExactlyInAnyOrder("loader-A", "loader-B");
    }

    static Stream<Arguments> pems() {
        // text with {A} {B} {C} standing for whole PEM certificates, subjects parsed
        return Stream.of(
                Arguments.of("plain", "{A}", List.of("loader-A")),
                Arguments.of("two with text around", "text\n{A}more text\n{B}trailer", List.of("loader-A", "loader-B")),
                Arguments.of("CRLF line endings", "{A-crlf}", List.of("loader-A")),
                Arguments.of("block with headers skipped", "{A-headers}{B}", List.of("loader-B")),
                Arguments.of("other block types skipped",
                        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n{C}", List.of("loader-C")),
                Arguments.of("bad base64 skipped", "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n{C}",
                        List.of("loader-C")),
                Arguments.of("not a certificate skipped",
                        "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n{A}", List.of("loader-A")),
                Arguments.of("duplicates kept by the parser (the pool drops them)", "{A}{A}", List.of("loader-A", "loader-A")),
                Arguments.of("BEGIN not at line start skipped", "x {A}", List.of()),
                Arguments.of("no end line", "-----BEGIN CERTIFICATE-----\nAAAA\n", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pems")
    void pemAsAppendCertsFromPem(String name, String template, List<String> subjects) {
        String text = template
                .replace("{A-crlf}", a.replace("\n", "\r\n"))
                .replace("{A-headers}", a.replace("-----BEGIN CERTIFICATE-----\n",
                        "-----BEGIN CERTIFICATE-----\nProc-Type: 4,ENCRYPTED\n\n"))
                .replace("{A}", a).replace("{B}", b).replace("{C}", c);
        List<X509Certificate> got = PemCertificates.parse(text.getBytes(StandardCharsets.UTF_8));
        assertThat(got).extracting(SystemRootsLoaderTest::cn).as("%s", name).isEqualTo(subjects);
    }

    private static void build(Path base, Map<String, String> layout) throws IOException {
        for (Map.Entry<String, String> e : layout.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            Path p = base.resolve(e.getKey().substring(1));
            Files.createDirectories(p.getParent());
            String v = e.getValue();
            if (v.equals("DIR")) {
                Files.createDirectories(p);
            } else if (v.startsWith("->")) {
                Files.createSymbolicLink(p, Path.of(v.substring(2)));
            } else {
                StringBuilder pem = new StringBuilder();
                for (char letter : v.toCharArray()) {
                    pem.append(switch (letter) {
                        case 'A' -> a;
                        case 'B' -> b;
                        default -> c;
                    });
                }
                Files.writeString(p, pem);
            }
        }
    }

    private static String cn(X509Certificate cert) {
        return cert.getSubjectX500Principal().getName().replace("CN=", "");
    }
}
