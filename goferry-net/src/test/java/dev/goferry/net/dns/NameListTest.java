package dev.goferry.net.dns;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class NameListTest {

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("single label tried with search first", "search a.example b.example\n", "goproxy",
                        List.of("goproxy.a.example.", "goproxy.b.example.", "goproxy.")),
                Arguments.of("one dot meets ndots:1, as-is first", "search a.example\n", "proxy.golang.org",
                        List.of("proxy.golang.org.", "proxy.golang.org.a.example.")),
                Arguments.of("ndots:5 (Kubernetes) puts search first", "search ns.svc.cluster.local svc.cluster.local\n"
                        + "options ndots:5\n", "proxy.golang.org",
                        List.of("proxy.golang.org.ns.svc.cluster.local.", "proxy.golang.org.svc.cluster.local.",
                                "proxy.golang.org.")),
                Arguments.of("rooted name alone", "search a.example\n", "proxy.golang.org.", List.of("proxy.golang.org.")),
                Arguments.of("ndots:0 always as-is first", "search a.example\noptions ndots:0\n", "goproxy",
                        List.of("goproxy.", "goproxy.a.example.")),
                Arguments.of("onion kept off DNS, but not under a search suffix", "search a.example\n", "x.onion",
                        List.of("x.onion.a.example.")),
                Arguments.of("rooted onion never queried", "", "x.onion.", List.of()),
                Arguments.of("no search list", "", "goproxy", List.of("goproxy.")),
                Arguments.of("too long", "", "a".repeat(254), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void names(String name, String resolvConf, String host, List<String> want) {
        ResolvConf conf = ResolvConfParser.parse(resolvConf, ResolverFiles.ofText(null, null, "box"));
        assertThat(NameList.of(host, conf)).as("nameList(%s) for %s", host, name).containsExactlyElementsOf(want);
    }
}
