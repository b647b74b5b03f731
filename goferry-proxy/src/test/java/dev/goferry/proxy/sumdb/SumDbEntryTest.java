package dev.goferry.proxy.sumdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goferry.gomod.env.SumDbSetting;
import dev.goferry.proxy.config.ServeConfigLoader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code sumdb} setting: GOSUMDB-like {@code name+key [url]} entries, checked at configuration time. */
class SumDbEntryTest {

    private static final String KEY = SumDbSetting.SUM_GOLANG_ORG_KEY;

    static Stream<Arguments> good() {
        return Stream.of(
                Arguments.of("the default", ServeConfigLoader.DEFAULTS.get("sumdb"),
                        List.of(new SumDbEntry("sum.golang.org", KEY, "https://sum.golang.org"))),
                Arguments.of("off", "off", List.of()),
                Arguments.of("empty", "", List.of()),
                Arguments.of("a lab URL, trailing slash dropped", KEY + " http://127.0.0.1:8080/",
                        List.of(new SumDbEntry("sum.golang.org", KEY, "http://127.0.0.1:8080"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("good")
    void parses(String name, String value, List<SumDbEntry> want) throws Exception {
        assertThat(SumDbEntry.parseList(value)).as(name).isEqualTo(want);
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of("sum.golang.org", "sumdb \"sum.golang.org\": invalid key: "),
                Arguments.of(KEY + " ftp://example.com", "sumdb \"" + KEY + " ftp://example.com\": want an http or https URL"),
                Arguments.of(KEY + " http://a http://b", "sumdb \"" + KEY + " http://a http://b\": want \"name+key [url]\""),
                Arguments.of(KEY + "," + KEY, "sumdb \"sum.golang.org\": configured twice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void badValuesAreConfigurationErrors(String value, String message) {
        assertThatThrownBy(() -> ServeConfigLoader.build(ServeConfigLoader.layer(Optional.empty(), Map.of(), Map.of("sumdb", value))))
                .as(value).isInstanceOf(ServeConfigLoader.ConfigException.class).hasMessageStartingWith(message);
    }
}
