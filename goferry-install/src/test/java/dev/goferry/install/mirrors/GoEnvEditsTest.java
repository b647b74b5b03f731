package dev.goferry.install.mirrors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.gomod.env.SumDbSetting;
import dev.goferry.gomod.sumdb.note.Keys;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoEnvEditsTest {

    static final Mirror CN = new Mirror("goproxy.cn", MirrorKind.GOPROXY, URI.create("https://goproxy.cn"));

    static Stream<Arguments> goproxy() {
        return Stream.of(
                Arguments.of("", "https://goproxy.cn,direct"),
                Arguments.of("https://proxy.golang.org,direct", "https://goproxy.cn,direct"),
                Arguments.of("https://a.example|https://b.example,direct", "https://goproxy.cn,direct"),
                Arguments.of("https://a.example,https://b.example|direct", "https://goproxy.cn|direct"),
                Arguments.of("https://a.example", "https://goproxy.cn"),
                Arguments.of("https://a.example,off", "https://goproxy.cn,off"),
                Arguments.of("direct", "https://goproxy.cn,direct"),
                Arguments.of(" https://a.example , direct ", "https://goproxy.cn,direct"),
                Arguments.of("https://goproxy.cn,direct", "https://goproxy.cn,direct"),
                Arguments.of("off", null));
    }

    @ParameterizedTest(name = "GOPROXY={0}")
    @MethodSource("goproxy")
    void onlyTheProxyEntriesAreReplaced(String current, String want) {
        GoEnvEdits.ProxyEdit got = GoEnvEdits.goproxy(current, CN);
        if (want == null) {
            assertThat(got).as("goproxy(%s)", current).isInstanceOf(GoEnvEdits.ProxyOff.class);
        } else {
            assertThat(got).as("goproxy(%s)", current).isEqualTo(new GoEnvEdits.SetProxy(want));
        }
    }

    static final String TEST_KEY = Keys.fromSeed("sum.golang.test", new byte[32]).verifierKey();
    static final String CORP_KEY = Keys.fromSeed("sum.corp.example", new byte[32]).verifierKey();

    static Stream<Arguments> gosumdb() {
        String go = SumDbSetting.SUM_GOLANG_ORG_KEY;
        return Stream.of(
                Arguments.of("", "https://goproxy.cn/sumdb/sum.golang.org", go, new GoEnvEdits.SetSumdb("sum.golang.org https://goproxy.cn/sumdb/sum.golang.org")),
                Arguments.of("sum.golang.org", "https://sum.golang.org", go, new GoEnvEdits.SumdbUnchanged()),
                Arguments.of("", "https://sum.golang.org", go, new GoEnvEdits.SumdbUnchanged()),
                Arguments.of("sum.golang.google.cn", "https://sum.golang.google.cn", go, new GoEnvEdits.SumdbUnchanged()),
                Arguments.of("sum.golang.google.cn", "https://sum.golang.org", go, new GoEnvEdits.SetSumdb("sum.golang.org")),
                Arguments.of("off", "https://sum.golang.org", go, new GoEnvEdits.SumdbOff()),
                Arguments.of(CORP_KEY + " https://s.corp", "https://sum.golang.org", go,
                        new GoEnvEdits.OtherDatabase("sum.corp.example")),
                Arguments.of(TEST_KEY + " http://127.0.0.1:1", "http://127.0.0.1:2/sumdb/sum.golang.test", TEST_KEY,
                        new GoEnvEdits.SetSumdb(TEST_KEY + " http://127.0.0.1:2/sumdb/sum.golang.test")),
                Arguments.of("", "http://127.0.0.1:2/sumdb/sum.golang.test", TEST_KEY,
                        new GoEnvEdits.SetSumdb(TEST_KEY + " http://127.0.0.1:2/sumdb/sum.golang.test")),
                Arguments.of("sum.golang.org", "http://127.0.0.1:2/sumdb/sum.golang.test", TEST_KEY,
                        new GoEnvEdits.OtherDatabase("sum.golang.org")),
                Arguments.of(TEST_KEY + " http://127.0.0.1:2/sumdb/sum.golang.test", "http://127.0.0.1:2/sumdb/sum.golang.test", TEST_KEY,
                        new GoEnvEdits.SumdbUnchanged()));
    }

    @ParameterizedTest(name = "GOSUMDB={0} → {1}")
    @MethodSource("gosumdb")
    void gosumdbNamesAVerifiedEndpointOfTheSameDatabaseOnly(String current, String url, String key, GoEnvEdits.SumdbEdit want) {
        Mirror m = new Mirror("m", MirrorKind.SUMDB, URI.create(url));
        assertThat(GoEnvEdits.gosumdb(current, m, key)).as("gosumdb(%s, %s)", current, url).isEqualTo(want);
    }
}
