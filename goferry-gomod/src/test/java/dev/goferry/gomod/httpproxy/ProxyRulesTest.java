package dev.goferry.gomod.httpproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Go releases map to the behaviour changes they carry. */
class ProxyRulesTest {

    static Stream<Arguments> versions() {
        return Stream.of(
                Arguments.of("go1.19.8", new ProxyRules(false, false, false)),
                Arguments.of("1.21.13", new ProxyRules(false, false, false)),
                Arguments.of("go1.22rc1", new ProxyRules(true, true, false)),
                Arguments.of("go1.23.5", new ProxyRules(true, true, false)),
                Arguments.of("go1.23.7", new ProxyRules(true, true, true)),
                Arguments.of("go1.24.0", new ProxyRules(true, true, false)),
                Arguments.of("go1.24.4", new ProxyRules(true, true, true)),
                Arguments.of("go1.26", ProxyRules.LATEST),
                Arguments.of("devel +abc", ProxyRules.LATEST));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void mapsReleases(String version, ProxyRules want) {
        assertThat(ProxyRules.forGoVersion(version)).as("forGoVersion(%s)", version).isEqualTo(want);
    }
}
