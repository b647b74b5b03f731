package dev.goferry.gomod.module;

import dev.goferry.gomod.gostd.GoQuote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pseudo-versions: one table of (major, older tag, pseudo-version) built at Go's reference
 * time 2006-01-02 15:04:05 UTC with revision "hash", read forwards (make) and backwards (base,
 * rev, time).
 */
class PseudoVersionsTest {

    static final Instant T = Instant.parse("2006-01-02T15:04:05Z");

    record Case(String major, String older, String version) {}

    static Stream<Case> table() {
        return """
                 | | v0.0.0-20060102150405-hash
                v2 | | v2.0.0-20060102150405-hash
                v1 | v1.2.3 | v1.2.4-0.20060102150405-hash
                v1 | v1.2.99999999999999999 | v1.2.100000000000000000-0.20060102150405-hash
                v1 | v1.2.3-pre | v1.2.3-pre.0.20060102150405-hash
                v1 | v1.3.0-pre | v1.3.0-pre.0.20060102150405-hash
                v0 | v0.2.3-pre.1 | v0.2.3-pre.1.0.20060102150405-hash
                v2 | v2.0.0+incompatible | v2.0.1-0.20060102150405-hash+incompatible
                v2 | v2.1.0-pre+incompatible | v2.1.0-pre.0.20060102150405-hash+incompatible
                v1 | v1.0.0+metadata | v1.0.1-0.20060102150405-hash+metadata
                """.lines().map(l -> l.split("\\|")).map(p -> new Case(p[0].strip(), p[1].strip(), p[2].strip()));
    }

    @ParameterizedTest
    @MethodSource("table")
    void pseudoVersionIsBuiltFromTheOlderTag(Case c) {
        assertThat(PseudoVersions.pseudoVersion(c.major(), c.older(), T, "hash")).isEqualTo(c.version());
    }

    @ParameterizedTest
    @MethodSource("table")
    void pseudoVersionIsReadBack(Case c) {
        assertThat(PseudoVersions.isPseudoVersion(c.version())).as("isPseudoVersion(%s)", c.version()).isTrue();
        assertThat(PseudoVersions.pseudoVersionTime(c.version())).isEqualTo(T);
        assertThat(PseudoVersions.pseudoVersionRev(c.version())).isEqualTo("hash");
        String wantBase = c.older().isEmpty() ? "" : c.older().equals("v1.2.99999999999999999") ? c.older()
                : dev.goferry.gomod.semver.Semver.canonical(c.older()) + dev.goferry.gomod.semver.Semver.build(c.older());
        assertThat(PseudoVersions.pseudoVersionBase(c.version())).as("pseudoVersionBase(%s)", c.version()).isEqualTo(wantBase);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.0.0", "v1.2.3-pre", "v1.2.3-pre.0", "v0.0.0-2006010215040-hash", "v0.0.0-20060102150405",
        "v1.2.3-1.20060102150405-hash", "0.0.0-20060102150405-hash", "v0.0.0-20060102150405-ha_sh"})
    void nonPseudoVersionsAreRejected(String v) {
        assertThat(PseudoVersions.isPseudoVersion(v)).isFalse();
        assertThatThrownBy(() -> PseudoVersions.pseudoVersionRev(v))
                .hasMessage("pseudo-version " + GoQuote.quote(v) + " invalid: syntax error");
    }

    @ParameterizedTest(name = "pseudoVersionBase({0}) fails: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            v0.0.0-20060102150405-hash+incompatible | pseudo-version "v0.0.0-20060102150405-hash+incompatible" invalid: lacks base version, but has build metadata "+incompatible"
            v1.2.0-0.20060102150405-hash | pseudo-version "v1.2.0-0.20060102150405-hash" invalid: version before v1.2.0 would have negative patch number
            """)
    void impossibleBasesAreErrors(String v, String message) {
        assertThatThrownBy(() -> PseudoVersions.pseudoVersionBase(v)).isInstanceOf(ModException.class).hasMessage(message);
    }

    @Test
    void malformedTimeIsAnError() {
        assertThatThrownBy(() -> PseudoVersions.pseudoVersionTime("v0.0.0-20061302150405-hash"))
                .hasMessage("pseudo-version \"v0.0.0-20061302150405-hash\" invalid: malformed time \"20061302150405\"");
    }

    @Test
    void zeroPseudoVersionIsTheStartOfTime() {
        assertThat(PseudoVersions.zeroPseudoVersion("v0")).isEqualTo("v0.0.0-00010101000000-000000000000");
        assertThat(PseudoVersions.zeroPseudoVersion("v2")).isEqualTo("v2.0.0-00010101000000-000000000000");
        assertThat(PseudoVersions.isZeroPseudoVersion("v2.0.0-00010101000000-000000000000")).isTrue();
        assertThat(PseudoVersions.isZeroPseudoVersion("v2.0.0-00010101000000-000000000001")).isFalse();
    }

    @ParameterizedTest(name = "incDecimal({0}) = {1}")
    @CsvSource({"0, 1", "9, 10", "99, 100", "109, 110"})
    void decimalsCountBothWays(String a, String b) {
        assertThat(PseudoVersions.incDecimal(a)).isEqualTo(b);
        assertThat(PseudoVersions.decDecimal(b)).isEqualTo(a);
        assertThat(PseudoVersions.decDecimal("0")).isEmpty();
    }
}
