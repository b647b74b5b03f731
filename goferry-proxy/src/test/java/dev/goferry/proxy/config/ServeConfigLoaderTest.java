package dev.goferry.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Layering, environment variable names, value syntax and masking of the serve configuration. */
class ServeConfigLoaderTest {

    @TempDir
    Path dir;

    static Stream<Arguments> envNames() {
        return Stream.of(Arguments.of("listen", "GOFERRY_SERVE_LISTEN"),
                Arguments.of("upstreamTimeout", "GOFERRY_SERVE_UPSTREAM_TIMEOUT"),
                Arguments.of("negativeTtl", "GOFERRY_SERVE_NEGATIVE_TTL"),
                Arguments.of("maxBodyBytes", "GOFERRY_SERVE_MAX_BODY_BYTES"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("envNames")
    void everyKeyHasAnEnvironmentVariable(String key, String env) {
        assertThat(ServeConfigLoader.envName(key)).as("envName(%s)", key).isEqualTo(env);
    }

    @Test
    void everyDefaultKeyCanBeSetFromTheEnvironment() throws Exception {
        Map<String, String> values = ServeConfigLoader.layer(Optional.empty(),
                Map.of("GOFERRY_SERVE_MAX_FETCHES", "8", "GOFERRY_SERVE_OFFLINE", "yes"), Map.of());
        ServeConfig c = ServeConfigLoader.build(values);
        assertThat(c.maxFetches()).isEqualTo(8);
        assertThat(c.offline()).isTrue();
        assertThat(c.upstreamTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.port()).isEqualTo(3000);
        assertThat(c.host()).isEqualTo("127.0.0.1");
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("listen", "3000", "listen \"3000\": want host:port"),
                Arguments.of("listen", "h:70000", "listen \"h:70000\": want host:port"),
                Arguments.of("maxFetches", "0", "maxFetches \"0\": want a number from 1 to 10000"),
                Arguments.of("upstreamRetries", "x", "upstreamRetries \"x\": want a whole number"),
                Arguments.of("offline", "maybe", "offline \"maybe\": want true or false"),
                Arguments.of("ttl", "5 minutes", "ttl \"5 minutes\": want a duration like 250ms, 30s, 5m or 1h"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badValues")
    void badValuesAreRefusedWithTheKeyAndValue(String key, String value, String message) {
        assertThatThrownBy(() -> ServeConfigLoader.build(ServeConfigLoader.layer(Optional.empty(), Map.of(), Map.of(key, value))))
                .as("%s=%s", key, value).hasMessage(message);
    }

    @Test
    void yamlMustBeAFlatMappingOfKnownKeys() throws Exception {
        Path nested = dir.resolve("nested.yaml");
        Files.writeString(nested, "upstream:\n  - https://proxy.golang.org\n");
        assertThatThrownBy(() -> ServeConfigLoader.layer(Optional.of(nested), Map.of(), Map.of()))
                .hasMessage("config file \"" + nested + "\": key \"upstream\" must be a single value");
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "listen: [\n");
        assertThatThrownBy(() -> ServeConfigLoader.layer(Optional.of(broken), Map.of(), Map.of()))
                .hasMessageStartingWith("config file \"" + broken + "\": ");
        Path object = dir.resolve("object.yaml");
        Files.writeString(object, "listen: !!java.io.File [\"/etc\"]\n");
        assertThatThrownBy(() -> ServeConfigLoader.layer(Optional.of(object), Map.of(), Map.of()))
                .as("no arbitrary Java objects from YAML").hasMessageStartingWith("config file \"" + object + "\": ");
    }

    @Test
    void passwordsInUpstreamUrlsAreMasked() {
        assertThat(ServeConfigLoader.mask("https://u:p@a.example,https://b.example|http://x:y@c.example:8080/p"))
                .isEqualTo("https://u:xxxxx@a.example,https://b.example|http://x:xxxxx@c.example:8080/p");
    }
}
