package dev.goferry.doctor.explain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grep -E forms the benchmark uses match what the Java patterns match: each pattern's example,
 * checked with the real GNU grep, and a plain noise line is matched by none.
 */
class EreExportTest {

    static Stream<Arguments> patterns() {
        List<ErrorPattern> all = ErrorPatterns.all();
        List<String> ere = EreExport.all();
        return IntStream.range(0, all.size()).mapToObj(i -> Arguments.of(all.get(i).id(), ere.get(i), all.get(i).example()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patterns")
    void grepMatchesTheExampleLikeJavaDoes(String id, String ere, String example) throws Exception {
        assertThat(grep(ere, example)).as("grep -E '%s' on example of %s", ere, id).isTrue();
        assertThat(grep(ere, "ok  \texample.com/pkg\t0.01s")).as("grep -E '%s' on a noise line", ere).isFalse();
    }

    private static boolean grep(String ere, String line) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("grep", "-E", "-q", "-e", ere).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("grep not available: " + e.getMessage());
            throw e;
        }
        try (var in = p.getOutputStream()) {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String err = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("grep finished").isTrue();
        assertThat(p.exitValue()).as("grep -E '%s' exit (2 = bad expression): %s", ere, err).isLessThan(2);
        return p.exitValue() == 0;
    }
}
