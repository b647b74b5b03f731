package dev.goferry.doctor.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.doctor.target.Target;
import dev.goferry.doctor.target.TargetKind;
import dev.goferry.doctor.target.TargetOptions;
import dev.goferry.doctor.target.TargetPlanner;
import dev.goferry.gomod.env.GoOs;
import dev.goferry.gomod.env.GoSettings;
import dev.goferry.gomod.env.LocalFiles;
import dev.goferry.gomod.route.Observation;
import dev.goferry.gomod.route.RouteLab;
import dev.goferry.gomod.route.RouteSettings;
import dev.goferry.gomod.route.Scenario;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The doctor's targets for {@code --module M@V} against what the real go 1.19 and 1.24 contact for
 * {@code go mod download M@V}, in gomod's loopback {@link RouteLab} (a recording GOPROXY server
 * with {@code {P}/ok}, {@code /404}, {@code /500}, {@code /sumdb} answers; lab names such as
 * {@code sum.golang.test} and {@code private.test} on 127.0.0.1, where nothing listens on 443/80,
 * so direct attempts are refused and named in go's error). Every endpoint go reached, by a request
 * the server recorded or a URL go's error names, must fall under a target: a proxy target by its
 * base URL, the checksum database by its URL's directory, a VCS host by its origin. The checksum
 * database's second phase is decided as the runner does, from the proxies' real answers to
 * {@code supported}.
 */
class TargetsCoverGoConformanceTest {

    @TempDir
    static Path root;

    private static RouteLab lab;

    @BeforeAll
    static void startLab() {
        Assumptions.assumeTrue(GoClient.isolated(), "needs root and unshare to give go the lab's /etc/hosts");
        lab = RouteLab.start(root);
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    /**
     * @param name   the case
     * @param module what {@code go mod download} and {@code --module} are given
     * @param env    the settings under test (lab placeholders allowed)
     * @param least  endpoints go must have reached, so a case cannot pass by go doing nothing
     * @param never  endpoint prefixes go must not reach, and the doctor must not plan either
     */
    record Case(String name, String module, Map<String, String> env, List<String> least, List<String> never) {
        Case(String name, String module, Map<String, String> env, List<String> least) {
            this(name, module, env, least, List.of());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final String M = "example.com/m@v1.0.0";
    static final String KEY = "{SUMDB_KEY}";

    static Map<String, String> env(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<Case> cases() {
        return List.of(
                new Case("one proxy without the database: go verifies directly", M,
                        env("GOPROXY", "{P}/ok", "GOSUMDB", KEY),
                        List.of("{P}/ok/sumdb/sum.golang.test/supported", "https://sum.golang.test/lookup/")),
                new Case("a proxy serving the database: never directly", M, env("GOPROXY", "{P}/sumdb,direct",
                        "GOSUMDB", KEY),
                        List.of("{P}/sumdb/sumdb/sum.golang.test/supported", "{P}/sumdb/sumdb/sum.golang.test/lookup/"),
                        List.of("https://sum.golang.test")),
                // TryProxies ranks a proxy's error above "not found": the 500 after | is not forgiven by a
                // later 404, only by a later direct, so verification fails without going direct.
                new Case("500 pipe a proxy without the database, no direct: verification fails", M,
                        env("GOPROXY", "{P}/500|{P}/ok", "GOSUMDB", KEY),
                        List.of("{P}/500/sumdb/sum.golang.test/supported", "{P}/ok/sumdb/sum.golang.test/supported"),
                        List.of("https://sum.golang.test")),
                new Case("404 then ok, comma", M, env("GOPROXY", "{P}/404,{P}/ok", "GOSUMDB", KEY),
                        List.of("{P}/404/example.com/m/@v/v1.0.0.info", "https://sum.golang.test/lookup/")),
                new Case("500 pipe ok, then direct", M, env("GOPROXY", "{P}/500|{P}/ok,direct", "GOSUMDB", KEY),
                        List.of("{P}/500/sumdb/sum.golang.test/supported", "https://sum.golang.test/lookup/")),
                new Case("500 comma ok: go stops at the first", M, env("GOPROXY", "{P}/500,{P}/ok", "GOSUMDB", "off"),
                        List.of("{P}/500/example.com/m/@v/v1.0.0.info")),
                new Case("GOSUMDB names its URL: proxies not asked", M, env("GOPROXY", "{P}/sumdb",
                        "GOSUMDB", KEY + " {P}/sumdb/sumdb/sum.golang.test"),
                        List.of("{P}/sumdb/sumdb/sum.golang.test/lookup/")),
                new Case("GONOSUMDB matches: no database", M, env("GOPROXY", "{P}/ok", "GOSUMDB", KEY,
                        "GONOSUMDB", "example.com"), List.of("{P}/ok/example.com/m/@v/v1.0.0.zip")),
                new Case("GOSUMDB=off", M, env("GOPROXY", "{P}/ok", "GOSUMDB", "off"),
                        List.of("{P}/ok/example.com/m/@v/v1.0.0.zip")),
                new Case("GOPRIVATE: straight to the private host", "private.test/m@v1.0.0",
                        env("GOPROXY", "{P}/ok,direct", "GOSUMDB", KEY, "GOPRIVATE", "private.test"),
                        List.of("https://private.test/m?go-get=1")),
                new Case("GOPRIVATE with a wildcard host pattern", "private.test/m@v1.0.0",
                        env("GOPROXY", "{P}/ok", "GOSUMDB", KEY, "GOPRIVATE", "*.test"),
                        List.of("https://private.test/m?go-get=1")),
                new Case("GONOPROXY only: direct to the host", "private.test/m@v1.0.0",
                        env("GOPROXY", "{P}/sumdb", "GOSUMDB", KEY, "GONOPROXY", "private.test"),
                        List.of("https://private.test/m?go-get=1")),
                new Case("GOINSECURE: https then http discovery", "private.test/m@v1.0.0",
                        env("GOPROXY", "direct", "GOSUMDB", "off", "GOPRIVATE", "private.test",
                                "GOINSECURE", "private.test"),
                        // go tries https first, but its error names only the last (http) attempt
                        List.of("http://private.test/m?go-get=1")),
                new Case("GOPROXY=off: nothing", M, env("GOPROXY", "off", "GOSUMDB", KEY), List.of()),
                new Case("a file:// proxy: the database directly", M, env("GOPROXY", "file://{FILE}", "GOSUMDB", KEY),
                        List.of("https://sum.golang.test/lookup/")));
    }

    static Stream<Arguments> runs() {
        return GoClients.withEach(cases());
    }

    private static final Pattern URL = Pattern.compile("https?://[^\\s\"']+|\\{P}/[^\\s\"':]+");

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("runs")
    void targetsIncludeEveryEndpointGoContacted(GoClient go, Case c) {
        Observation real = lab.observe(go, new Scenario(c.name(), c.env(), Map.of(),
                List.of("mod", "download", "-json", c.module()), c.module(), new Observation(List.of(), List.of(), "", 0),
                Optional.empty()));
        Set<String> contacted = new LinkedHashSet<>();
        real.requests().forEach(r -> contacted.add(r.startsWith("/") ? "{P}" + r : r));
        Matcher m = URL.matcher(real.error());
        while (m.find()) {
            contacted.add(m.group().replaceAll("[:,.]+$", ""));
        }
        String what = go.version() + " with " + c.name();
        for (String least : c.least()) {
            assertThat(contacted).as("%s: go reached %s (error: %s)", what, least, real.error())
                    .anyMatch(u -> u.startsWith(least));
        }

        for (String never : c.never()) {
            assertThat(contacted).as("%s: go never reached %s (error: %s)", what, never, real.error())
                    .noneMatch(u -> u.startsWith(never));
        }

        List<Target> targets = plan(go, c);
        for (String never : c.never()) {
            assertThat(targets).as("%s: no target at %s", what, never)
                    .noneMatch(t -> prefix(t).map(p -> p.startsWith(never)).orElse(false));
        }
        List<String> prefixes = targets.stream().flatMap(t -> prefix(t).stream()).toList();
        for (String u : contacted) {
            assertThat(prefixes).as("%s: a target covers %s go contacted (targets %s; go said: %s)", what, u,
                    targets.stream().map(Target::id).toList(), real.error())
                    .anyMatch(p -> u.equals(p) || u.startsWith(p.endsWith("/") ? p : p + "/") || u.startsWith(p + "?"));
        }
    }

    /** The targets of {@code --module}, plus the direct database when the proxies' answers send Go there. */
    private static List<Target> plan(GoClient go, Case c) {
        Map<String, String> env = new HashMap<>(lab.environment(go, root.resolve("goferry-" + go.version())));
        c.env().forEach((k, v) -> env.put(k, lab.expand(v)));
        RouteSettings settings = RouteSettings.of(GoSettings.resolve(env, GoOs.LINUX, LocalFiles.SYSTEM), env,
                GoOs.LINUX);
        TargetOptions options = new TargetOptions(TargetOptions.REFERENCE_MODULE,
                Optional.of(TargetOptions.ModuleVersion.parse(c.module())), Optional.empty(), Optional.empty(),
                List.of());
        List<Target> targets = new ArrayList<>(TargetPlanner.plan(settings, options));
        Optional<Target> fallback = TargetPlanner.sumdbFallback(settings, options);
        if (fallback.isPresent()) {
            Map<String, Optional<Integer>> answers = new HashMap<>();
            targets.stream().filter(t -> t.kind() == TargetKind.SUMDB_VIA_PROXY)
                    .forEach(t -> answers.put(t.base(), status(t.url().orElseThrow())));
            if (SumDbFallback.decide(settings.proxies().entries(), answers) == SumDbFallback.Verdict.DIRECT) {
                targets.add(fallback.get());
            }
        }
        return targets;
    }

    /** What the runner's probe of {@code supported} would see from the lab (loopback only). */
    private static Optional<Integer> status(URI url) {
        assertThat(url.getHost()).as("lab probe of %s", url).isEqualTo("127.0.0.1");
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return Optional.of(client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The URL prefix a target answers for, in lab placeholders. */
    private static Optional<String> prefix(Target t) {
        if (t.url().isEmpty()) {
            return Optional.empty();
        }
        String url = lab.placeholders(t.url().get().toString());
        return Optional.of(switch (t.kind()) {
            case GOPROXY, SUMDB_VIA_PROXY, TOOLCHAIN_MODULE, MIRROR -> lab.placeholders(t.base());
            case SUMDB_DIRECT, SUMDB_MIRROR -> url.substring(0, url.lastIndexOf('/'));
            case VCS_PUBLIC, VCS_PRIVATE -> t.scheme() + "://" + t.host()
                    + (t.port() == (t.scheme().equals("https") ? 443 : 80) ? "" : ":" + t.port());
            default -> url;
        });
    }
}
