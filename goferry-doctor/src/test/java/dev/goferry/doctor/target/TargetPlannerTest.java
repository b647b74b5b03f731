package dev.goferry.doctor.target;

import dev.goferry.gomod.env.GoVcsRules;
import dev.goferry.gomod.env.SumDbSetting;
import dev.goferry.gomod.goproxy.ProxyList;
import dev.goferry.gomod.httpproxy.ProxyEnvironment;
import dev.goferry.gomod.route.RouteSettings;
import dev.goferry.gomod.route.VcsPolicy;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Targets derived from settings: pure, no network. */
class TargetPlannerTest {

    static RouteSettings settings(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        String goprivate = env.getOrDefault("GOPRIVATE", "");
        String gonoproxy = env.getOrDefault("GONOPROXY", goprivate);
        return new RouteSettings(ProxyList.parse(env.getOrDefault("GOPROXY", "https://proxy.golang.org,direct"),
                gonoproxy, false), goprivate, gonoproxy, env.getOrDefault("GONOSUMDB", goprivate),
                env.getOrDefault("GOINSECURE", ""),
                SumDbSetting.parse(env.getOrDefault("GOSUMDB", "sum.golang.org")),
                new VcsPolicy(GoVcsRules.parse(""), goprivate), ProxyEnvironment.from(env, "go1.24.4"));
    }

    static final TargetOptions NO_RELEASES = new TargetOptions(TargetOptions.REFERENCE_MODULE, Optional.empty(),
            Optional.empty(), Optional.empty(), List.of());

    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of("the default list: proxy, toolchain, sumdb through the proxy (directly only after its 404), the VCS host",
                        settings(), NO_RELEASES, List.of(
                                "goproxy:https://proxy.golang.org -> https://proxy.golang.org/golang.org/x/text/@v/list",
                                "toolchain:https://proxy.golang.org -> https://proxy.golang.org/golang.org/toolchain/@v/list",
                                "vcs:golang.org/x/text -> https://golang.org/x/text?go-get=1",
                                "sumdb-proxy:https://proxy.golang.org -> https://proxy.golang.org/sumdb/sum.golang.org/supported")),
                Arguments.of("GOPROXY=direct: the checksum database directly, no proxy asked",
                        settings("GOPROXY", "direct"), NO_RELEASES, List.of(
                                "vcs:golang.org/x/text -> https://golang.org/x/text?go-get=1",
                                "sumdb:sum.golang.org -> https://sum.golang.org/latest")),
                Arguments.of("GOSUMDB with its own URL bypasses the proxies",
                        settings("GOPROXY", "https://p.example", "GOSUMDB",
                                "sum.golang.org https://sum.mirror.example/db/"), NO_RELEASES, List.of(
                                "goproxy:https://p.example -> https://p.example/golang.org/x/text/@v/list",
                                "toolchain:https://p.example -> https://p.example/golang.org/toolchain/@v/list",
                                "sumdb:sum.golang.org -> https://sum.mirror.example/db/latest")),
                Arguments.of("GONOSUMDB matching the module: no checksum database",
                        settings("GOPROXY", "https://p.example", "GONOSUMDB", "golang.org/x"), NO_RELEASES, List.of(
                                "goproxy:https://p.example -> https://p.example/golang.org/x/text/@v/list",
                                "toolchain:https://p.example -> https://p.example/golang.org/toolchain/@v/list")),
                Arguments.of("GOINSECURE adds the http:// discovery Go falls back to",
                        settings("GOPROXY", "direct", "GOSUMDB", "off", "GOINSECURE", "golang.org/x"), NO_RELEASES,
                        List.of("vcs:golang.org/x/text -> https://golang.org/x/text?go-get=1",
                                "vcs:http://golang.org/x/text -> http://golang.org/x/text?go-get=1")),
                Arguments.of("off: nothing to reach", settings("GOPROXY", "off"), NO_RELEASES, List.of()),
                Arguments.of("Go never looks past off", settings("GOPROXY", "https://a.example|off|https://b.example",
                        "GOSUMDB", "off"), NO_RELEASES, List.of(
                                "goproxy:https://a.example -> https://a.example/golang.org/x/text/@v/list",
                                "toolchain:https://a.example -> https://a.example/golang.org/toolchain/@v/list")),
                Arguments.of("a file:// entry is checked on disk; GOSUMDB with its own URL",
                        settings("GOPROXY", "file:///srv/mods,direct", "GOSUMDB",
                                "sum.golang.org https://sum.golang.google.cn"), NO_RELEASES, List.of(
                                "file-proxy:file:///srv/mods -> file:///srv/mods/golang.org/x/text/@v/list",
                                "vcs:golang.org/x/text -> https://golang.org/x/text?go-get=1",
                                "sumdb:sum.golang.org -> https://sum.golang.google.cn/latest")),
                Arguments.of("GOPRIVATE hosts are probed, a wildcard host is not",
                        settings("GOPROXY", "https://p.example", "GOSUMDB", "off",
                                "GOPRIVATE", "git.corp.example/team,*.internal"), NO_RELEASES, List.of(
                                "goproxy:https://p.example -> https://p.example/golang.org/x/text/@v/list",
                                "toolchain:https://p.example -> https://p.example/golang.org/toolchain/@v/list",
                                "vcs-private:git.corp.example/team -> https://git.corp.example/team?go-get=1",
                                "vcs-wildcard:*.internal -> ")),
                Arguments.of("--module M@V: only its route (its version's info, ! escaped as go sends it) and the --target extras",
                        settings("GOPROXY", "https://p.example", "GOSUMDB", "off"),
                        new TargetOptions(TargetOptions.REFERENCE_MODULE,
                                Optional.of(TargetOptions.ModuleVersion.parse("github.com/Foo/bar@v1.2.3")),
                                Optional.of(URI.create("https://go.dev/dl/?mode=json")), Optional.empty(),
                                List.of(URI.create("http://127.0.0.1:8080/x"))), List.of(
                                "goproxy:https://p.example -> https://p.example/github.com/%21foo/bar/@v/v1.2.3.info",
                                "user:http://127.0.0.1:8080/x -> http://127.0.0.1:8080/x")),
                Arguments.of("--module through a list that goes direct: proxies, its VCS host, the sumdb through the proxy",
                        settings("GOPROXY", "https://a.example|https://b.example,direct"),
                        module("example.com/m"), List.of(
                                "goproxy:https://a.example -> https://a.example/example.com/m/@v/list",
                                "goproxy:https://b.example -> https://b.example/example.com/m/@v/list",
                                "vcs:example.com/m -> https://example.com/m?go-get=1",
                                "sumdb-proxy:https://a.example -> https://a.example/sumdb/sum.golang.org/supported",
                                "sumdb-proxy:https://b.example -> https://b.example/sumdb/sum.golang.org/supported")),
                Arguments.of("--module matched by GOPRIVATE: proxies skipped, its own host, no checksum database",
                        settings("GOPROXY", "https://p.example", "GOPRIVATE", "*.corp.example"),
                        module("git.corp.example/team/lib@v1.0.0"), List.of(
                                "vcs-private:git.corp.example/team/lib -> https://git.corp.example/team/lib?go-get=1")),
                Arguments.of("--module matched by GONOPROXY only: direct to its host, yet verified via the proxy",
                        settings("GOPROXY", "https://p.example", "GONOPROXY", "corp.example"),
                        module("corp.example/lib"), List.of(
                                "vcs-private:corp.example/lib -> https://corp.example/lib?go-get=1",
                                "sumdb-proxy:https://p.example -> https://p.example/sumdb/sum.golang.org/supported")),
                Arguments.of("--module GONOSUMDB only: proxies yes, checksum database no",
                        settings("GOPROXY", "https://p.example,direct", "GONOSUMDB", "example.com"),
                        module("example.com/m"), List.of(
                                "goproxy:https://p.example -> https://p.example/example.com/m/@v/list",
                                "vcs:example.com/m -> https://example.com/m?go-get=1")),
                Arguments.of("--module M@latest and M@v1.2 are resolved by the list, M@main by its info",
                        settings("GOPROXY", "https://p.example", "GOSUMDB", "off"), module("example.com/m@v1.2"),
                        List.of("goproxy:https://p.example -> https://p.example/example.com/m/@v/list")),
                Arguments.of("--module M@main: the branch's info",
                        settings("GOPROXY", "https://p.example", "GOSUMDB", "off"), module("example.com/m@main"),
                        List.of("goproxy:https://p.example -> https://p.example/example.com/m/@v/main.info")),
                Arguments.of("--module on a known host: Go knows the repository, the host is probed",
                        settings("GOPROXY", "direct", "GOSUMDB", "off"), module("github.com/Foo/bar"), List.of(
                                "vcs:github.com/Foo/bar -> https://github.com/Foo/bar?go-get=1")),
                Arguments.of("--module whose host is a wildcard: not probeable",
                        settings("GOPROXY", "https://p.example", "GOPRIVATE", "*.corp.example"),
                        module("*.corp.example/lib"), List.of("vcs-wildcard:*.corp.example/lib -> ")),
                Arguments.of("a module matched by GONOPROXY skips the proxies",
                        settings("GOPROXY", "https://p.example", "GOSUMDB", "off", "GOPRIVATE", "corp.example"),
                        module("corp.example/lib"), List.of(
                                "vcs-private:corp.example/lib -> https://corp.example/lib?go-get=1")));
    }

    static TargetOptions module(String mv) {
        return new TargetOptions(TargetOptions.REFERENCE_MODULE, Optional.of(TargetOptions.ModuleVersion.parse(mv)),
                Optional.of(TargetOptions.RELEASE_INDEX), Optional.of(TargetOptions.RELEASE_DOWNLOAD), List.of());
    }

    static Stream<Arguments> fallbacks() {
        return Stream.of(
                Arguments.of("proxy then direct: after the proxy's 404", settings(), NO_RELEASES,
                        Optional.of("sumdb:sum.golang.org -> https://sum.golang.org/latest")),
                Arguments.of("a proxy and no direct: still after its 404", settings("GOPROXY", "https://p.example"),
                        NO_RELEASES, Optional.of("sumdb:sum.golang.org -> https://sum.golang.org/latest")),
                Arguments.of("direct first: planned already", settings("GOPROXY", "direct"), NO_RELEASES,
                        Optional.empty()),
                Arguments.of("GOSUMDB's own URL: planned already", settings("GOSUMDB",
                        "sum.golang.org https://sum.mirror.example"), NO_RELEASES, Optional.empty()),
                Arguments.of("GOSUMDB=off", settings("GOSUMDB", "off"), NO_RELEASES, Optional.empty()),
                Arguments.of("GONOSUMDB matches the module", settings("GONOSUMDB", "example.com"),
                        module("example.com/m"), Optional.empty()),
                Arguments.of("GOPROXY=off: nothing downloaded to verify", settings("GOPROXY", "off"), NO_RELEASES,
                        Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void fallbacks(String name, RouteSettings settings, TargetOptions options, Optional<String> want) {
        Optional<String> got = TargetPlanner.sumdbFallback(settings, options)
                .map(t -> t.id() + " -> " + t.url().map(URI::toString).orElse(""));

        assertThat(got).as(name).isEqualTo(want);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void plans(String name, RouteSettings settings, TargetOptions options, List<String> want) {
        List<String> got = TargetPlanner.plan(settings, options).stream()
                .map(t -> t.id() + " -> " + t.url().map(URI::toString).orElse("")).toList();

        assertThat(got).as(name).containsExactlyElementsOf(want);
    }

    @Test
    void theImplicitNoproxyEntryDoesNotShiftPlaces() {
        List<Target> targets = TargetPlanner.plan(settings("GOPROXY", "https://a.example,https://b.example",
                "GOPRIVATE", "corp.example"), NO_RELEASES);

        assertThat(targets).extracting(t -> t.id() + " " + t.why().args()).contains(
                "goproxy:https://a.example [1]", "goproxy:https://b.example [2]",
                "sumdb-proxy:https://b.example [sum.golang.org, 2]");
    }

    @Test
    void whyNamesTheEntrysPlaceInGoproxy() {
        List<Target> targets = TargetPlanner.plan(settings("GOPROXY", "https://a.example|https://b.example,direct"),
                NO_RELEASES);

        assertThat(targets).extracting(t -> t.id() + " " + t.why().key() + " " + t.why().args()).contains(
                "goproxy:https://b.example doctor.why.goproxy [2]",
                "toolchain:https://a.example doctor.why.toolchain [1]",
                "sumdb-proxy:https://b.example doctor.why.sumdb-proxy [sum.golang.org, 2]");
    }

    @Test
    void eachTargetCarriesGosHttpProxyDecision() {
        RouteSettings s = settings("GOPROXY", "https://p.example,http://q.example", "GOSUMDB", "off",
                "HTTPS_PROXY", "http://corp-proxy.example:3128", "NO_PROXY", "q.example");

        List<Target> targets = TargetPlanner.plan(s, NO_RELEASES);

        assertThat(targets).filteredOn(t -> t.host().equals("p.example"))
                .allSatisfy(t -> assertThat(t.proxyUrl()).as(t.id()).hasValue("http://corp-proxy.example:3128"));
        assertThat(targets).filteredOn(t -> t.host().equals("q.example"))
                .allSatisfy(t -> assertThat(t.proxied()).as("%s: plain http, NO_PROXY", t.id()).isFalse());
    }
}
