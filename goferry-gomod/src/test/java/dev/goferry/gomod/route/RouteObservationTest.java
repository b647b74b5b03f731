package dev.goferry.gomod.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.gomod.env.GoOs;
import dev.goferry.gomod.env.GoSettings;
import dev.goferry.gomod.env.LocalFiles;
import dev.goferry.testkit.GoClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.goferry.testkit.GoClients;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The judge for {@code goferry route}: what the real go command requests, in order, for each
 * GOPROXY/GOPRIVATE/GOSUMDB/proxy configuration of {@link RouteScenarios}, with both real clients.
 */
class RouteObservationTest {

    @TempDir
    static Path root;

    private static RouteLab lab;

    @BeforeAll
    static void startLab() {
        Assumptions.assumeTrue(GoClient.isolated(), "route scenarios need root and unshare for their /etc/hosts");
        lab = RouteLab.start(root);
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    static Stream<Arguments> cases() {
        return GoClients.all().stream()
                .flatMap(go -> RouteScenarios.all().stream().map(s -> Arguments.of(go.version(), s, go)));
    }

    @org.junit.jupiter.api.Test
    void scenarioNamesAreUnique() {
        assertThat(RouteScenarios.all()).extracting(Scenario::name).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void realGoRequestsWhatTheTableSays(String version, Scenario scenario, GoClient go) {
        Observation got = lab.observe(go, scenario);
        assertThat(got).as("%s with %s: go %s", version, scenario.name(), scenario.args())
                .isEqualTo(scenario.expectedFor(go.minor()));
        if (scenario.args().subList(0, 2).equals(List.of("mod", "download"))) {
            assertGoferryRouteMatches(go, scenario, got);
        }
    }

    /**
     * goferry's route, walked against the lab's answers, makes exactly the requests the real go
     * made (to the recording server, vcs.test and the forward proxy) and fails where go failed,
     * naming the request whose error go reported.
     */
    private static void assertGoferryRouteMatches(GoClient go, Scenario scenario, Observation real) {
        Map<String, String> env = new HashMap<>(lab.environment(go, root.resolve("goferry-" + go.version())));
        scenario.env().forEach((k, v) -> env.put(k, lab.expand(v)));
        GoSettings settings = GoSettings.resolve(env, GoOs.LINUX, LocalFiles.SYSTEM);
        Route route = RoutePlanner.plan(RouteQuery.parse(scenario.module()), RouteSettings.of(settings, env, GoOs.LINUX));
        LabAnswers answers = new LabAnswers(lab);
        RouteWalk.Result walk = RouteWalk.walk(route, answers);
        String what = go.version() + " with " + scenario.name() + ": goferry route " + scenario.module();

        List<String> sent = walk.requests().stream().flatMap(r -> answers.recorded(r).stream())
                .map(lab::placeholders).toList();
        assertThat(sent).as("%s: requests the recording servers see", what).isEqualTo(collapseVcs(real.requests()));
        List<String> proxied = walk.requests().stream().flatMap(r -> answers.proxied(r).stream())
                .map(lab::placeholders).toList();
        assertThat(proxied).as("%s: requests through the forward proxy", what).isEqualTo(real.viaProxy());

        assertThat(walk.failure().isPresent()).as("%s fails like go (go said: %s)", what, real.error())
                .isEqualTo(real.exitCode() != 0);
        walk.failure().ifPresent(f -> {
            if (f.sumdb()) {
                assertThat(real.error()).as("%s: a checksum-database failure", what).contains("verifying go.mod");
            }
            Optional<Request> at = f.request().filter(r -> r.step() != Step.VCS);
            if (at.isPresent()) {
                assertThat(real.error()).as("%s: go reports the error of %s", what, at.get())
                        .contains(lab.placeholders(at.get().url()));
            } else if (f.request().isEmpty()) {
                assertThat(real.error()).as("%s: go reports the synthetic error", what).contains(f.goError());
            }
        });
    }

    /** git's own requests (smart, then dumb HTTP) stand for one VCS step of the route. */
    private static List<String> collapseVcs(List<String> requests) {
        List<String> out = new ArrayList<>();
        for (String r : requests) {
            String marked = r.startsWith("http://vcs.test/git.git") ? "VCS http://vcs.test/git.git" : r;
            if (out.isEmpty() || !out.get(out.size() - 1).equals(marked) || !marked.startsWith("VCS ")) {
                out.add(marked);
            }
        }
        return out;
    }
}
