package dev.goferry.gomod.tlsroots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The plan follows root_linux.go / root_unix.go for each release. */
class RootsPlanTest {

    private static final List<String> DIRS_119 = List.of("/etc/ssl/certs", "/etc/pki/tls/certs",
            "/system/etc/security/cacerts");

    static Stream<Arguments> plans() {
        // go version, env, files, directories
        return Stream.of(
                Arguments.of("go1.24.4", Map.of(), RootsPlan.LINUX_FILES, RootsPlan.LINUX_DIRECTORIES),
                Arguments.of("go1.19.8", Map.of(), RootsPlan.LINUX_FILES, DIRS_119),
                Arguments.of("go1.24.4", Map.of("SSL_CERT_FILE", "/corp.pem"), List.of("/corp.pem"),
                        RootsPlan.LINUX_DIRECTORIES),
                Arguments.of("go1.24.4", Map.of("SSL_CERT_FILE", "", "SSL_CERT_DIR", ""), RootsPlan.LINUX_FILES,
                        RootsPlan.LINUX_DIRECTORIES),
                Arguments.of("go1.19.8", Map.of("SSL_CERT_DIR", "/a:/b::/c:"), RootsPlan.LINUX_FILES,
                        List.of("/a", "/b", "", "/c", "")),
                Arguments.of("go1.24.4", Map.of("SSL_CERT_FILE", "rel.pem", "SSL_CERT_DIR", "/only"), List.of("rel.pem"),
                        List.of("/only")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("plans")
    void planFollowsTheEnvironment(String go, Map<String, String> env, List<String> files, List<String> dirs) {
        RootsPlan plan = RootsPlan.linux(env, go);
        assertThat(plan.files()).as("files for %s %s", go, env).isEqualTo(files);
        assertThat(plan.directories()).as("directories for %s %s", go, env).isEqualTo(dirs);
        assertThat(plan.fileFromEnvironment()).isEqualTo(!env.getOrDefault("SSL_CERT_FILE", "").isEmpty());
        assertThat(plan.directoriesFromEnvironment()).isEqualTo(!env.getOrDefault("SSL_CERT_DIR", "").isEmpty());
    }
}
