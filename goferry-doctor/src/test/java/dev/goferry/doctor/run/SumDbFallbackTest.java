package dev.goferry.doctor.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.gomod.goproxy.ProxyList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * cmd/go's choice between a proxy, the database directly, and failure, from the proxies' answers to
 * {@code supported} (TryProxies' error ranking, identical in Go 1.19 and 1.24). Answers: a status,
 * {@code err} for no response, {@code -} for not asked in time.
 */
class SumDbFallbackTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("https://a,direct", "", "a=200", SumDbFallback.Verdict.SERVED),
                Arguments.of("https://a,direct", "", "a=404", SumDbFallback.Verdict.DIRECT),
                Arguments.of("https://a,direct", "", "a=410", SumDbFallback.Verdict.DIRECT),
                Arguments.of("https://a,direct", "", "a=500", SumDbFallback.Verdict.FAILS),
                Arguments.of("https://a,direct", "", "a=err", SumDbFallback.Verdict.FAILS),
                Arguments.of("https://a|direct", "", "a=err", SumDbFallback.Verdict.DIRECT),
                Arguments.of("https://a", "", "a=404", SumDbFallback.Verdict.DIRECT),
                Arguments.of("https://a,https://b", "", "a=404 b=200", SumDbFallback.Verdict.SERVED),
                Arguments.of("https://a,https://b", "", "a=404 b=404", SumDbFallback.Verdict.DIRECT),
                Arguments.of("https://a,https://b", "", "a=404 b=503", SumDbFallback.Verdict.FAILS),
                Arguments.of("https://a|https://b", "", "a=503 b=404", SumDbFallback.Verdict.FAILS),
                Arguments.of("https://a|https://b,direct", "", "a=503 b=404", SumDbFallback.Verdict.DIRECT),
                Arguments.of("https://a|https://b|off", "", "a=503 b=404", SumDbFallback.Verdict.FAILS),
                Arguments.of("https://a,off", "", "a=404", SumDbFallback.Verdict.DIRECT),
                Arguments.of("https://a,direct", "corp.example", "a=500", SumDbFallback.Verdict.FAILS),
                Arguments.of("https://a,direct", "corp.example", "a=404", SumDbFallback.Verdict.DIRECT),
                Arguments.of("file:///srv/mods,direct", "", "", SumDbFallback.Verdict.DIRECT),
                Arguments.of("direct", "", "", SumDbFallback.Verdict.DIRECT),
                Arguments.of("https://a,direct", "", "a=-", SumDbFallback.Verdict.UNKNOWN),
                Arguments.of("https://a,https://b", "", "a=404 b=-", SumDbFallback.Verdict.UNKNOWN));
    }

    @ParameterizedTest(name = "GOPROXY={0} GONOPROXY={1} answers {2}: {3}")
    @MethodSource("cases")
    void decidesAsGoDoes(String goproxy, String gonoproxy, String answers, SumDbFallback.Verdict want) {
        Map<String, Optional<Integer>> map = new HashMap<>();
        for (String a : answers.split(" ")) {
            if (a.isEmpty() || a.endsWith("=-")) {
                continue;
            }
            String[] kv = a.split("=");
            map.put("https://" + kv[0], kv[1].equals("err") ? Optional.empty() : Optional.of(Integer.parseInt(kv[1])));
        }

        SumDbFallback.Verdict got = SumDbFallback.decide(ProxyList.parse(goproxy, gonoproxy, false).entries(), map);

        assertThat(got).as("GOPROXY=%s GONOPROXY=%s answers %s", goproxy, gonoproxy, answers).isEqualTo(want);
    }
}
