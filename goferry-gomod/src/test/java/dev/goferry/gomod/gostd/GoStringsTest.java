package dev.goferry.gomod.gostd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GoStrings follows Go's unicode.IsSpace, not Java's: U+0085, U+00A0 and U+3000 are space to Go,
 * U+200B and U+001C are not (Java's strip() would remove U+001C and keep U+00A0).
 */
class GoStringsTest {

    static Stream<Arguments> texts() {
        // input, TrimSpace, Fields
        return Stream.of(
                Arguments.of("", "", List.of()),
                Arguments.of(" \t\n", "", List.of()),
                Arguments.of("  a b\tc \n", "a b\tc", List.of("a", "b", "c")),
                Arguments.of("\u00a0a\u0085b\u3000", "a\u0085b", List.of("a", "b")),
                Arguments.of("\u200ba\u200b", "\u200ba\u200b", List.of("\u200ba\u200b")),
                Arguments.of("\u001ca\u001c", "\u001ca\u001c", List.of("\u001ca\u001c")),
                Arguments.of("\u2000x\u200ay\u2029", "x\u200ay", List.of("x", "y")));
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("texts")
    void trimsAndSplitsAsGo(String in, String trimmed, List<String> fields) {
        assertThat(GoStrings.trimSpace(in)).as("TrimSpace(%s)", GoQuote.quote(in)).isEqualTo(trimmed);
        assertThat(GoStrings.fields(in)).as("Fields(%s)", GoQuote.quote(in)).isEqualTo(fields);
    }
}
