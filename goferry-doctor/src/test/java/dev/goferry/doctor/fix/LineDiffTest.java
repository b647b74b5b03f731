package dev.goferry.doctor.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link LineDiff}: only changed lines, the old one before its replacement. */
class LineDiffTest {

    static Stream<Arguments> diffs() {
        return Stream.of(
                Arguments.of("new file", "", "GOPROXY=x\n", List.of("+ GOPROXY=x")),
                Arguments.of("replaced in place", "A=1\nGOPROXY=old\nZ=2\n", "A=1\nGOPROXY=new\nZ=2\n",
                        List.of("- GOPROXY=old", "+ GOPROXY=new")),
                Arguments.of("appended and sorted", "GOFLAGS=-mod=mod\n", "GOFLAGS=-mod=mod\nGOPRIVATE=x\n",
                        List.of("+ GOPRIVATE=x")),
                Arguments.of("duplicate dropped", "GOPROXY=a\nGOPROXY=b\n", "GOPROXY=c\n",
                        List.of("- GOPROXY=a", "- GOPROXY=b", "+ GOPROXY=c")),
                Arguments.of("unchanged", "A=1\n", "A=1\n", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void diffs(String name, String before, String after, List<String> want) {
        assertThat(LineDiff.of(before, after)).as("LineDiff.of(%s)", name).isEqualTo(want);
    }
}
