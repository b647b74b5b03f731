package dev.goferry.gomod.httpproxy;

import dev.goferry.gomod.gostd.GoUrl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * goferry's proxy decision equals {@code http.ProxyFromEnvironment}'s in each real Go client,
 * URL by URL. The Go side is {@code src/test/resources/go/proxydecide}, one process per
 * environment because Go reads the environment once per process.
 *
 * <p>Differences between Go 1.19.8 and 1.24.4 found here are modelled in {@link ProxyRules};
 * the cases that show them are marked "1.19≠1.24" in their names.
 */
class ProxyDecisionConformanceTest {

    /** URLs every environment is asked about. */
    private static final List<String> COMMON = List.of(
            "https://proxy.golang.org/github.com/x/y/@v/list",
            "https://sum.golang.org/lookup/github.com/x/y@v1.0.0",
            "http://proxy.golang.org/",
            "https://git.corp.example.com/",
            "https://corp.example.com/",
            "https://10.1.2.3/",
            "https://[2001:db8::1]/",
            "https://proxy.golang.org:8443/",
            "http://localhost:8080/",
            "https://LOCALHOST/",
            "https://localhost.example/",
            "https://127.0.0.2/",
            "https://[::1]/",
            "http://[::ffff:127.0.0.1]:80/",
            "ftp://proxy.golang.org/",
            "socks5://proxy.golang.org/");

    static Stream<Arguments> cases() {
        return Stream.of(
                c("reference matrix row 1", env("HTTPS_PROXY=proxy.corp:3128", "NO_PROXY=corp.example.com,10.0.0.0/8")),
                c("reference matrix row 2", env("HTTPS_PROXY=proxy.corp:3128", "NO_PROXY=.corp.example.com,2001:db8::/32")),
                c("reference matrix row 3",
                        env("HTTPS_PROXY=proxy.corp:3128", "NO_PROXY=*.corp.example.com,proxy.golang.org:443")),
                c("HTTP_PROXY alone never serves https", env("HTTP_PROXY=http://proxy.corp:3128")),
                c("upper case wins", env("HTTPS_PROXY=http://upper:1", "https_proxy=http://lower:2",
                        "HTTP_PROXY=http://upper:3", "http_proxy=http://lower:4")),
                c("empty upper case falls through", env("HTTPS_PROXY=", "https_proxy=http://lower:2",
                        "NO_PROXY=", "no_proxy=corp.example.com")),
                c("lower case only", env("http_proxy=http://lower:4", "https_proxy=lower:5", "no_proxy=10.1.2.3")),
                c("ALL_PROXY is not read", env("ALL_PROXY=http://proxy.corp:3128", "all_proxy=http://proxy.corp:3128")),
                c("CGI refuses HTTP_PROXY for http only",
                        env("HTTP_PROXY=http://p:1", "HTTPS_PROXY=http://p:2", "REQUEST_METHOD=GET")),
                c("CGI without HTTP_PROXY", env("HTTPS_PROXY=http://p:2", "REQUEST_METHOD=POST")),
                c("empty REQUEST_METHOD is not CGI", env("HTTP_PROXY=http://p:1", "REQUEST_METHOD=")),
                c("space in proxy value", env("HTTPS_PROXY=http://bad host:1", "HTTP_PROXY=bad host:1")),
                c("quoted proxy value", env("HTTPS_PROXY=\"http://proxy.corp:3128\"", "HTTP_PROXY='proxy.corp:3128'")),
                c("1.19≠1.24 proxy schemes", env("HTTPS_PROXY=socks5h://p:1080", "HTTP_PROXY=foo://h:1")),
                c("socks5 and https proxies", env("HTTPS_PROXY=socks5://p", "HTTP_PROXY=https://p")),
                c("scheme-less proxy values", env("HTTPS_PROXY=localhost", "HTTP_PROXY=10.0.0.1:3128")),
                c("upper-case scheme", env("HTTPS_PROXY=HTTP://P.Corp:1", "HTTP_PROXY=HTTPS://[2001:db8::5]")),
                c("unusable proxy value", env("HTTPS_PROXY=http://%zz", "HTTP_PROXY=::")),
                c("proxy with credentials and path",
                        env("HTTPS_PROXY=http://us%65r:p%40ss@proxy.corp:3128/some/path?x=1", "HTTP_PROXY=user@p:8")),
                c("star anywhere", env("HTTPS_PROXY=p:1", "NO_PROXY=foo,*")),
                c("semicolon is no separator", env("HTTPS_PROXY=p:1", "NO_PROXY=corp.example.com;10.1.2.3")),
                c("spaces, ports, v6 entries, empty host", env("HTTPS_PROXY=p:1",
                        "NO_PROXY= Corp.Example.COM , 10.1.2.3:443 ,:1,, [2001:db8::1]:443, 2001:db8::2,proxy.golang.org:8443")),
                c("domain port must equal canonical port", env("HTTPS_PROXY=p:1", "HTTP_PROXY=p:2",
                        "NO_PROXY=corp.example.com:443,git.corp.example.com:80,10.1.2.3:8443")),
                c("bracketed entry without port", env("HTTPS_PROXY=p:1", "NO_PROXY=[2001:db8::1],[::ffff:10.1.2.3]")),
                c("IPv4-mapped and v4 CIDR", env("HTTPS_PROXY=p:1", "NO_PROXY=10.1.2.3,192.168.0.0/16,::ffff:0:0/96")),
                c("1.19≠1.24 zones and long groups", env("HTTPS_PROXY=p:1", "NO_PROXY=.x.io,example.com,2001:db8::00001")),
                c("IDN hosts", env("HTTPS_PROXY=p:1", "NO_PROXY=bücher.example,.xn--caf-dma.example")),
                c("IDN deviations and Go's lower case", env("HTTPS_PROXY=p:1",
                        "NO_PROXY=xn--fa-hia.example,σοφος.example,ΣΟΦΟΣ.org,İ.example,straße.de")),
                c("wildcard and leading dot", env("HTTPS_PROXY=p:1",
                        "NO_PROXY=*.wildcard.io,.barbaz.net,foobar.com,*foo.org,.")),
                c("CIDR forms", env("HTTPS_PROXY=p:1", "NO_PROXY=10.0.0.0/08,2001:db8::/129,172.16.0.0/12,0.0.0.0/0,::ffff:0:0/80")));
    }

    /** URLs asked only in some environments. */
    private static final Map<String, List<String>> EXTRA = Map.of(
            "1.19≠1.24 zones and long groups", List.of(
                    "https://[::00001]/", "https://[::1%25eth0]/", "https://[fe80::1%25eth0.example.com]/",
                    "https://[fe80::1%25.x.io]/", "https://1.2.3.4.example.com/", "https://01.2.3.4/",
                    "https://[2001:db8::1]:443/", "https://[2001:db8::1%25en0]/"),
            "IDN hosts", List.of("https://bücher.example/", "https://xn--bcher-kva.example/",
                    "https://www.café.example/", "https://café.example/", "https://B%C3%BCcher.example/"),
            "IDN deviations and Go's lower case", List.of("https://faß.example/", "https://fass.example/",
                    "https://FAß.example/", "https://σοφος.example/", "https://σοφοσ.example/", "https://ΣΟΦΟΣ.example/",
                    "https://σοφοσ.org/", "https://σοφος.org/", "https://i.example/", "https://İ.example/",
                    "https://www.straße.de/", "https://strasse.de/", "https://ＦＵＬＬ.example/"),
            "wildcard and leading dot", List.of("https://wildcard.io/", "https://a.wildcard.io/", "https://barbaz.net/",
                    "https://x.barbaz.net/", "https://foobar.com/", "https://www.foobar.com/",
                    "https://foofoobar.com/", "https://afoo.org/", "https://a.b/"),
            "spaces, ports, v6 entries, empty host", List.of("https://[2001:db8::1]:443/", "https://[2001:db8::2]:8443/",
                    "https://10.1.2.3:443/", "https://10.1.2.3:8443/", "https://git.corp.example.com:9/"),
            "domain port must equal canonical port", List.of("https://corp.example.com:443/",
                    "http://git.corp.example.com/", "https://git.corp.example.com:80/", "https://10.1.2.3:8443/"),
            "bracketed entry without port", List.of("https://[::ffff:10.1.2.3]/", "https://10.1.2.3/"),
            "IPv4-mapped and v4 CIDR", List.of("https://[::ffff:10.1.2.3]/", "https://192.168.7.7/",
                    "https://[::ffff:192.168.7.7]/", "https://[::ffff:8.8.8.8]/"),
            "reference matrix row 1", List.of("http://a b/", "https://[::1/", "http://host:port/",
                    "https://my_host.corp/", "http://a[b/", "https://%zz/", "https:///path", "https://u:p@corp.example.com/",
                    "HTTPS://Corp.Example.com/", "https://corp.example.com./", "https://:443/", "//corp.example.com/",
                    "https://corp.example.com#frag", "mailto:x@corp.example.com"),
            "CIDR forms", List.of("https://10.9.9.9/", "https://172.31.0.1/", "https://8.8.8.8/", "https://[::1:2]/",
                    "https://[2001:db8::1]/"));

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decisionEqualsGos(String name, Map<String, String> env) {
        List<String> urls = new ArrayList<>(COMMON);
        urls.addAll(EXTRA.getOrDefault(name, List.of()));
        for (GoClient go : GoClients.all()) {
            Path binary = GoPrograms.build(go, "proxydecide");
            List<String> gos = GoPrograms.run(binary, env, urls);
            ProxyEnvironment pe = ProxyEnvironment.from(env, ProxyRules.forGoVersion(go.version()));
            assertThat(gos).as("%s: %s printed one line per URL", name, go.version()).hasSize(urls.size());
            for (int i = 0; i < urls.size(); i++) {
                assertThat(goferry(pe, urls.get(i)))
                        .as("%s %s: decide(%s) with %s", go.version(), name, urls.get(i), env)
                        .isEqualTo(gos.get(i));
            }
        }
    }

    /** Proxy values as people write them, each set as HTTPS_PROXY and HTTP_PROXY at once. */
    static Stream<String> proxyValues() {
        return Stream.of("http://proxy.corp:3128/", "proxy.corp:3128/path", "http://[2001:db8::1]:3128",
                "[2001:db8::1]:3128", "2001:db8::1", "http://user:p@ss@proxy:1", "http://proxy.corp:abc",
                " http://p:1", "http://p:1 ", "http://p:1\n", "http://p:1;http://q:2", "http://p:1,http://q:2",
                "https://p", "socks5://p:1080", "SOCKS5H://p", "HtTp://p:1", "p", "my_proxy.corp:8080",
                "http://プロキシ.example:1", "http://p%2Eexample:1", "http:p:1", "//p:1", "http:/p:1", "?", "#",
                "http://:3128", "http://p:", "'http://p:1'", "user:pass@p:1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proxyValues")
    void proxyValueEqualsGos(String value) {
        Map<String, String> env = env("HTTPS_PROXY=" + value, "HTTP_PROXY=" + value);
        List<String> urls = List.of("https://proxy.golang.org/", "http://proxy.golang.org/");
        for (GoClient go : GoClients.all()) {
            List<String> gos = GoPrograms.run(GoPrograms.build(go, "proxydecide"), env, urls);
            ProxyEnvironment pe = ProxyEnvironment.from(env, ProxyRules.forGoVersion(go.version()));
            for (int i = 0; i < urls.size(); i++) {
                assertThat(goferry(pe, urls.get(i))).as("%s: decide(%s) with proxy %s", go.version(), urls.get(i), value)
                        .isEqualTo(gos.get(i));
            }
        }
    }

    /** goferry's decision in the proxydecide program's output format. */
    static String goferry(ProxyEnvironment pe, String url) {
        GoUrl parsed;
        try {
            parsed = GoUrl.parse(url);
        } catch (GoUrl.ParseException e) {
            return "BADURL " + e.getMessage();
        }
        return switch (pe.decide(parsed)) {
            case ProxyDecision.Direct d -> "DIRECT";
            case ProxyDecision.Proxy p -> "PROXY " + p.proxy();
            case ProxyDecision.Error e -> "ERROR " + e.message();
        };
    }

    private static Arguments c(String name, Map<String, String> env) {
        return Arguments.of(name, env);
    }

    static Map<String, String> env(String... pairs) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            env.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return env;
    }
}
