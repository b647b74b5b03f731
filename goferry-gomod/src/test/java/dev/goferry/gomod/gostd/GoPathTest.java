package dev.goferry.gomod.gostd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GoPath.clean is Go's path.Clean (cases from Go's path/path_test.go, cleantests). */
class GoPathTest {

    @ParameterizedTest(name = "Clean({0}) = {1}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            ''|.
            abc|abc
            abc/def|abc/def
            .|.
            ..|..
            ../..|../..
            ../../abc|../../abc
            /abc|/abc
            /|/
            abc/|abc
            ./|.
            ../|..
            /abc/|/abc
            abc//def//ghi|abc/def/ghi
            //abc|/abc
            ///abc|/abc
            //abc//|/abc
            abc/./def|abc/def
            /./abc/def|/abc/def
            abc/.|abc
            abc/def/ghi/../jkl|abc/def/jkl
            abc/def/../ghi/../jkl|abc/jkl
            abc/def/../..|.
            /abc/def/../..|/
            abc/def/../../..|..
            /abc/def/../../..|/
            abc/def/../../../ghi/jkl/../../../mno|../../mno
            abc/./../def|def
            abc//./../def|def
            abc/../../././../def|../../def
            """)
    void cleansAsGo(String path, String want) {
        assertThat(GoPath.clean(path)).as("Clean(%s)", path).isEqualTo(want);
    }
}
