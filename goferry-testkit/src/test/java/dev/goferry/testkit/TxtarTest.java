package dev.goferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Txtar parsing follows Go's internal/txtar byte for byte, including its edge cases. */
class TxtarTest {

    static Stream<Arguments> archives() {
        return Stream.of(
                Arguments.of("comment\n-- a --\nA\n-- b --\nB", "comment\n", List.of("a=A\n", "b=B\n")),
                Arguments.of("-- a --\n-- b --\nB\n", "", List.of("a=", "b=B\n")),
                Arguments.of("no files", "no files\n", List.of()),
                Arguments.of("", "", List.of()),
                Arguments.of("x\n--  spaced name  --\ny\n", "x\n", List.of("spaced name=y\n")),
                Arguments.of("-- a --\n--not a marker--\n-- --\n--  --\n", "", List.of("a=--not a marker--\n-- --\n--  --\n")),
                Arguments.of("-- last --", "", List.of("last=")),
                Arguments.of("-- /rsc.io/x@v1.0.0.txt --\nhi\n-- a --\r\nCR\n", "", List.of("/rsc.io/x@v1.0.0.txt=hi\n-- a --\r\nCR\n")));
    }

    @ParameterizedTest
    @MethodSource("archives")
    void parsesLikeGo(String text, String comment, List<String> files) {
        Txtar a = Txtar.parse(text.getBytes(StandardCharsets.UTF_8));
        assertThat(new String(a.comment(), StandardCharsets.UTF_8)).as("comment of %s", text).isEqualTo(comment);
        assertThat(a.files()).extracting(f -> f.name() + "=" + f.text()).as("files of %s", text).isEqualTo(files);
        assertThat(Txtar.parse(a.format())).as("format round trip of %s", text)
                .satisfies(b -> assertThat(b.files()).extracting(f -> f.name() + "=" + f.text()).isEqualTo(files));
    }

    @Test
    void keepsBytesThatAreNotUtf8() {
        byte[] data = {'-', '-', ' ', 'b', ' ', '-', '-', '\n', (byte) 0xff, (byte) 0xfe, '\n'};
        assertThat(Txtar.parse(data).file("b").orElseThrow().data()).containsExactly((byte) 0xff, (byte) 0xfe, '\n');
    }
}
