package dev.goferry.gomod.module;

import dev.goferry.gomod.gostd.GoQuote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code !}-case encoding of proxy URLs: worked examples, round trips and malformed input. */
class EscapingTest {

    @ParameterizedTest(name = "escapePath({0}) = {1}")
    @CsvSource({
        "ascii.com/abcdefghijklmnopqrstuvwxyz.-/~_0123456789, ascii.com/abcdefghijklmnopqrstuvwxyz.-/~_0123456789",
        "github.com/GoogleCloudPlatform/omega, github.com/!google!cloud!platform/omega",
        "github.com/Azure/azure-sdk-for-go, github.com/!azure/azure-sdk-for-go",
        "github.com/Sirupsen/logrus, github.com/!sirupsen/logrus",
        "rsc.io/QUOTE, rsc.io/!q!u!o!t!e"})
    void escapePathRoundTrips(String path, String escaped) {
        assertThat(Escaping.escapePath(path)).as("escapePath(%s)", path).isEqualTo(escaped);
        assertThat(Escaping.unescapePath(escaped)).as("unescapePath(%s)", escaped).isEqualTo(path);
    }

    @ParameterizedTest(name = "escapeVersion({0}) = {1}")
    @CsvSource({"v1.5.2, v1.5.2", "v1.5.3-PRE, v1.5.3-!p!r!e", "HEAD, !h!e!a!d", "master, master",
        "v2.0.0+incompatible, v2.0.0+incompatible"})
    void escapeVersionRoundTrips(String v, String escaped) {
        assertThat(Escaping.escapeVersion(v)).isEqualTo(escaped);
        assertThat(Escaping.unescapeVersion(escaped)).isEqualTo(v);
    }

    @ParameterizedTest
    @ValueSource(strings = {"github.com/GoogleCloudPlatform/omega", "github.com/!google!cloud!platform!/omega",
        "github.com/!0google!cloud!platform/omega", "github.com/!_google!cloud!platform/omega",
        "github.com/!!google!cloud!platform/omega", "", "github.com/../etc", "/etc/passwd", "github.com/é"})
    void malformedEscapedPathsAreRejected(String bad) {
        assertThatThrownBy(() -> Escaping.unescapePath(bad)).as("unescapePath(%s)", bad)
                .isInstanceOf(ModException.class).hasMessageStartingWith("invalid escaped module path ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.0.0!", "v1/../x", "..", "a/b", "", "v1.0.0:x", "V1.0.0"})
    void disallowedVersionsAreRejectedBothWays(String bad) {
        if (!bad.equals("V1.0.0")) {
            assertThatThrownBy(() -> Escaping.escapeVersion(bad)).as("escapeVersion(%s)", bad)
                    .isInstanceOf(ModException.class)
                    .hasMessage("version " + GoQuote.quote(bad) + " invalid: disallowed version string");
        }
        assertThatThrownBy(() -> Escaping.unescapeVersion(bad)).as("unescapeVersion(%s)", bad)
                .isInstanceOf(ModException.class).hasMessageStartingWith("invalid escaped version ");
    }

    @ParameterizedTest
    @CsvSource({"github.com/!0x, invalid escaped module path \"github.com/!0x\"",
        "x, 'invalid escaped module path \"x\": malformed module path \"x\": missing dot in first path element'"})
    void unescapeMessagesAreGos(String escaped, String message) {
        assertThatThrownBy(() -> Escaping.unescapePath(escaped)).hasMessage(message);
    }
}
