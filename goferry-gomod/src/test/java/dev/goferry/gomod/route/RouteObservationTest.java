package dev.goferry.gomod.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.testkit.GoClient;
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
    }
}
