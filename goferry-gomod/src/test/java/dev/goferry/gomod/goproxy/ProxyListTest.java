package dev.goferry.gomod.goproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parsed entries (the errors are checked against the real go in GoErrorConformanceTest). */
class ProxyListTest {

    /** Entries rendered as kind[:url][|] where "|" marks fallBackOnError. */
    @ParameterizedTest(name = "GOPROXY={0} GONOPROXY={1}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', textBlock = """
            https://proxy.golang.org,direct ; ; proxy:https://proxy.golang.org direct
            https://a.example|https://b.example,direct ; ; proxy:https://a.example| proxy:https://b.example direct
            ` https://a.example , , https://b.example ` ; ; proxy:https://a.example proxy:https://b.example
            goproxy.cn ; ; proxy:https://goproxy.cn
            127.0.0.1:3000/p|off ; ; proxy:https://127.0.0.1:3000/p| off
            direct,https://ignored.example ; ; direct
            off,ftp://never-checked ; ; off
            direct ; corp.example.com ; direct
            https://a.example ; corp.example.com ; noproxy proxy:https://a.example
            off ; none ; noproxy off
            file:///srv/goproxy ; ; proxy:file:///srv/goproxy
            /srv/goproxy|direct ; ; 
            """)
    void entries(String goproxy, String gonoproxy, String want) {
        ProxyList list = ProxyList.parse(goproxy, gonoproxy == null ? "" : gonoproxy, false);
        String got = list.entries().stream().map(e -> switch (e) {
            case ProxyEntry.ProxyUrl p -> "proxy:" + p.url() + (p.fallBackOnError() ? "|" : "");
            case ProxyEntry.Direct d -> "direct";
            case ProxyEntry.Off o -> "off";
            case ProxyEntry.NoProxy n -> "noproxy";
        }).collect(Collectors.joining(" "));
        assertThat(got).as("proxyList(%s, %s)", goproxy, gonoproxy).isEqualTo(want == null ? "" : want);
        if (want == null) {
            assertThat(list.error()).contains("invalid proxy URL missing scheme: /srv/goproxy");
        } else {
            assertThat(list.error()).as("error of %s", goproxy).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            , ; corp.example.com
            ' ' ; x
            """)
    void onlyTheImplicitNoproxyIsNoList(String goproxy, String gonoproxy) {
        ProxyList list = ProxyList.parse(goproxy, gonoproxy, false);
        assertThat(list.entries()).containsExactly(new ProxyEntry.NoProxy());
        assertThat(list.error()).contains(ProxyList.NO_ENTRIES);
    }
}
