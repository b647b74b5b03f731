package dev.goferry.gomod.tlsroots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.gomod.httpproxy.GoPrograms;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * goferry's root set equals what {@code x509.SystemCertPool()} holds in each real Go client
 * (program {@code src/test/resources/go/systemroots}, which prints each subject as hex DER), for
 * SSL_CERT_FILE / SSL_CERT_DIR layouts built in a temporary folder. Cases that leave a variable
 * unset also compare this machine's real /etc/ssl/certs.
 */
class SystemRootsConformanceTest {

    @TempDir
    static Path dir;

    /** PEM text of certificates A…F, made once. */
    private static final Map<String, String> PEM = new LinkedHashMap<>();

    @BeforeAll
    static void layout() throws IOException {
        for (String n : List.of("goferry-A", "goferry-B", "goferry-C", "goferry-D", "goferry-E", "goferry-F")) {
            PEM.put(n, TestCertificates.create(dir.resolve("made"), n));
        }
        write("bundle-ab.pem", "Corporate bundle\n" + pem("A") + pem("B"));
        write("bundle-a.pem", pem("A"));
        write("mixed.pem", "junk before\n" + pem("C")
                + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
                + "-----BEGIN CERTIFICATE-----\nProc-Type: 4,ENCRYPTED\n\n" + body("D") + "-----END CERTIFICATE-----\n"
                + "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n"
                + pem("C") + pem("E"));
        Files.createDirectories(dir.resolve("empty"));
        write("d1/b.pem", pem("B"));
        write("d1/c.crt", pem("C"));
        write("d1/notes.txt", "no certificates here\n");
        Files.createDirectories(dir.resolve("d1/sub"));
        write("d1/sub/f.pem", pem("F"));
        write("d2/e.pem", pem("E"));
        write("elsewhere/d.pem", pem("D"));
        write("elsewhere/f.pem", pem("F"));
        write("links/a.pem", pem("A"));
        Files.createSymbolicLink(dir.resolve("links/same-dir"), Path.of("a.pem"));
        Files.createSymbolicLink(dir.resolve("links/absolute"), dir.resolve("elsewhere/d.pem"));
        Files.createSymbolicLink(dir.resolve("links/relative"), Path.of("../elsewhere/f.pem"));
        Files.createSymbolicLink(dir.resolve("links/dangling"), Path.of("missing.pem"));
        Files.createSymbolicLink(dir.resolve("links/dangling-path"), Path.of("../missing.pem"));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                c("SSL_CERT_FILE only (system directories still read)", d -> env("SSL_CERT_FILE=" + d + "/bundle-ab.pem")),
                c("SSL_CERT_FILE with an empty SSL_CERT_DIR",
                        d -> env("SSL_CERT_FILE=" + d + "/bundle-ab.pem", "SSL_CERT_DIR=" + d + "/empty")),
                c("SSL_CERT_DIR only, file missing",
                        d -> env("SSL_CERT_FILE=" + d + "/nonexistent.pem", "SSL_CERT_DIR=" + d + "/d1")),
                c("both", d -> env("SSL_CERT_FILE=" + d + "/bundle-a.pem", "SSL_CERT_DIR=" + d + "/d1")),
                c("nothing exists: empty pool, no error",
                        d -> env("SSL_CERT_FILE=" + d + "/nonexistent.pem", "SSL_CERT_DIR=" + d + "/nonexistent")),
                c("symlinks: same-dir skipped, paths followed",
                        d -> env("SSL_CERT_FILE=" + d + "/nonexistent.pem", "SSL_CERT_DIR=" + d + "/links")),
                c("several directories, empty and missing ones",
                        d -> env("SSL_CERT_FILE=" + d + "/nonexistent.pem",
                                "SSL_CERT_DIR=" + d + "/d1:" + d + "/d2::" + d + "/nonexistent:" + d + "/links")),
                c("PEM oddities: headers, other blocks, garbage, duplicates",
                        d -> env("SSL_CERT_FILE=" + d + "/mixed.pem", "SSL_CERT_DIR=" + d + "/empty")),
                c("unreadable file (a directory): no next file, directories still read",
                        d -> env("SSL_CERT_FILE=" + d + "/d2", "SSL_CERT_DIR=" + d + "/d1")),
                c("unreadable file and nothing else: the error",
                        d -> env("SSL_CERT_FILE=" + d + "/d2", "SSL_CERT_DIR=" + d + "/empty")),
                c("directory that is a file: the error",
                        d -> env("SSL_CERT_FILE=" + d + "/nonexistent.pem", "SSL_CERT_DIR=" + d + "/bundle-a.pem")),
                c("directory that is a file, but roots elsewhere",
                        d -> env("SSL_CERT_FILE=" + d + "/bundle-a.pem", "SSL_CERT_DIR=" + d + "/bundle-ab.pem")),
                c("empty SSL_CERT_FILE means the default files",
                        d -> env("SSL_CERT_FILE=", "SSL_CERT_DIR=" + d + "/d2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rootsEqualGos(String name, Function<Path, Map<String, String>> envOf) {
        Map<String, String> env = envOf.apply(dir);
        for (GoClient go : GoClients.all()) {
            List<String> gos = GoPrograms.run(GoPrograms.build(go, "systemroots"), env, List.of());
            SystemRoots roots = SystemRootsLoader.system().load(RootsPlan.linux(env, go.version()));
            assertThat(goferry(roots)).as("%s %s: roots with %s\nsources: %s", go.version(), name, env, roots.sources())
                    .isEqualTo(gos.stream().sorted().toList());
        }
    }

    /** goferry's pool in the systemroots program's output format, sorted. */
    private static List<String> goferry(SystemRoots roots) {
        if (roots.error().isPresent()) {
            return List.of("ERROR " + roots.error().get());
        }
        List<String> subjects = new ArrayList<>();
        roots.certificates().forEach(c -> subjects.add(HexFormat.of().formatHex(c.getSubjectX500Principal().getEncoded())));
        return subjects.stream().sorted().toList();
    }

    private static String pem(String letter) {
        return PEM.get("goferry-" + letter);
    }

    private static String body(String letter) {
        String p = pem(letter);
        return p.substring(p.indexOf('\n') + 1, p.indexOf("-----END"));
    }

    private static void write(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static Arguments c(String name, Function<Path, Map<String, String>> env) {
        return Arguments.of(name, env);
    }

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            env.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return env;
    }
}
