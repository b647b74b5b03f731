package dev.goferry.install.mirrors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.gomod.httpproxy.ProxyEnvironment;
import dev.goferry.gomod.httpproxy.ProxyRules;
import dev.goferry.install.download.ProxyRouting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code mirrors test}'s engine against the loopback lab: each kind of mirror gets its verdict. */
class MirrorProberTest {

    static final ProbeSettings SETTINGS = new ProbeSettings(Duration.ofSeconds(20), 64 * 1024, "linux", "amd64", "goferry-test");

    static MirrorsLab lab;
    static MirrorRanking ranking;
    static final List<String> progress = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void probeTheLab(@TempDir Path dir) throws Exception {
        lab = new MirrorsLab();
        MirrorCatalog catalog = MirrorCatalog.builtIn().overriddenBy(lab.catalog(dir, false));
        ranking = prober(SETTINGS).probe(catalog, EnumSet.allOf(MirrorKind.class),
                (m, done, total) -> progress.add(done + "/" + total));
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    static MirrorProber prober(ProbeSettings settings) {
        return new MirrorProber(new ProxyRouting(ProxyEnvironment.from(Map.of(), ProxyRules.LATEST)), settings);
    }

    static Stream<Arguments> verdicts() {
        return Stream.of(
                Arguments.of(MirrorKind.GOPROXY, "good", MirrorStatus.OK, "v1.1.0", ""),
                Arguments.of(MirrorKind.GOPROXY, "good2", MirrorStatus.OK, "v1.1.0", ""),
                Arguments.of(MirrorKind.GOPROXY, "slow", MirrorStatus.OK, "v1.1.0", ""),
                Arguments.of(MirrorKind.GOPROXY, "stale", MirrorStatus.STALE, "v1.0.0", "behind: knows v1.0.0, the freshest answer is v1.1.0"),
                Arguments.of(MirrorKind.GOPROXY, "html", MirrorStatus.BROKEN, null, "served an HTML page with status 200"),
                Arguments.of(MirrorKind.GOPROXY, "refused", MirrorStatus.UNREACHABLE, null, "connection refused"),
                Arguments.of(MirrorKind.SUMDB, "good", MirrorStatus.OK, "3", ""),
                Arguments.of(MirrorKind.SUMDB, "stale", MirrorStatus.STALE, "1", "the freshest answer is 3"),
                Arguments.of(MirrorKind.SUMDB, "wrongkey", MirrorStatus.BROKEN, null, "not signed by sum.golang.test's key"),
                Arguments.of(MirrorKind.SUMDB, "html", MirrorStatus.BROKEN, null, "HTML page"),
                Arguments.of(MirrorKind.RELEASE, "good", MirrorStatus.OK, "go1.19.8", ""),
                Arguments.of(MirrorKind.RELEASE, "stale", MirrorStatus.STALE, "go1.19.7", "no go1.19.8.linux-amd64.tar.gz (HTTP 404)"),
                Arguments.of(MirrorKind.RELEASE, "html", MirrorStatus.BROKEN, null, "HTML page with status 200"),
                Arguments.of(MirrorKind.RELEASE, "short", MirrorStatus.BROKEN, null, "the index says"));
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @MethodSource("verdicts")
    void eachLabMirrorGetsItsVerdict(MirrorKind kind, String name, MirrorStatus status, String newest, String detail) {
        MirrorReport report = ranking.of(kind).stream().filter(r -> r.mirror().name().equals(name)).findFirst().orElseThrow();
        assertThat(report.status()).as("%s %s: %s", kind, name, report).isEqualTo(status);
        assertThat(report.newest().orElse(null)).as("newest of %s %s", kind, name).isEqualTo(newest);
        assertThat(report.detail().orElse("")).as("detail of %s %s", kind, name).contains(detail);
        if (status.works()) {
            assertThat(report.latency()).as("latency of %s %s", kind, name).isPresent();
        }
    }

    @ParameterizedTest(name = "goproxy {0} serves golang.org/toolchain {1}")
    @CsvSource(nullValues = "none", value = {"good, go1.22.3", "slow, go1.22.3", "stale, go1.21.0", "good2, none", "html, none"})
    void eachGoproxyTellsWhichToolchainItServesForThePlatform(String name, String toolchain) {
        MirrorReport report = ranking.of(MirrorKind.GOPROXY).stream().filter(r -> r.mirror().name().equals(name)).findFirst().orElseThrow();
        assertThat(report.toolchain().orElse(null)).as("%s: %s", name, report).isEqualTo(toolchain);
    }

    @Test
    void workingMirrorsRankFirstTheSlowOneLastOfThem() {
        List<String> goproxy = ranking.of(MirrorKind.GOPROXY).stream().map(r -> r.mirror().name()).toList();
        assertThat(goproxy.subList(0, 2)).as("ranking %s", goproxy).containsExactlyInAnyOrder("good", "good2");
        assertThat(goproxy.subList(2, goproxy.size())).as("ranking %s", goproxy).containsExactly("slow", "stale", "html", "refused");
        assertThat(ranking.of(MirrorKind.GOPROXY)).extracting(MirrorReport::rank).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(ranking.best(MirrorKind.SUMDB).orElseThrow().mirror().name()).isEqualTo("good");
        assertThat(ranking.of(MirrorKind.RELEASE).stream().map(r -> r.mirror().name()).toList()).startsWith("good", "stale");
        assertThat(ranking.freshest()).containsEntry(MirrorKind.GOPROXY, "v1.1.0").containsEntry(MirrorKind.RELEASE, "go1.19.8")
                .containsEntry(MirrorKind.SUMDB, "3");
    }

    @Test
    void progressHearsOfEveryProbe() {
        assertThat(progress).hasSize(14).contains("14/14");
    }

    @Test
    void aMirrorThatDoesNotAnswerByTheDeadlineIsTimedOutAndTheOthersStillJudged(@TempDir Path dir) throws Exception {
        MirrorCatalog catalog = MirrorCatalog.builtIn().overriddenBy(lab.catalog(dir, true));
        long start = System.nanoTime();
        MirrorRanking r = prober(new ProbeSettings(Duration.ofSeconds(3), 64 * 1024, "linux", "amd64", "goferry-test"))
                .probe(catalog, EnumSet.of(MirrorKind.GOPROXY), MirrorProber.Progress.NONE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded by the deadline").isLessThan(Duration.ofSeconds(30));
        MirrorReport stall = r.of(MirrorKind.GOPROXY).stream().filter(x -> x.mirror().name().equals("stall")).findFirst().orElseThrow();
        assertThat(stall.status()).isEqualTo(MirrorStatus.TIMED_OUT);
        assertThat(r.best(MirrorKind.GOPROXY).orElseThrow().status()).isEqualTo(MirrorStatus.OK);
        assertThat(r.of(MirrorKind.SUMDB)).as("only the kinds asked for").isEmpty();
    }

    @Test
    void withoutAReleaseIndexReleaseMirrorsAreNotChecked(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("c.properties"), "index.1=" + lab.refusedUrl() + "/index.json\nrelease.1=good "
                + lab.url("rel-good/") + "\n");
        MirrorCatalog catalog = MirrorCatalog.builtIn().overriddenBy(dir.resolve("c.properties"));
        MirrorRanking r = prober(SETTINGS).probe(catalog, EnumSet.of(MirrorKind.RELEASE), MirrorProber.Progress.NONE);
        assertThat(r.of(MirrorKind.RELEASE)).singleElement().extracting(MirrorReport::status).isEqualTo(MirrorStatus.NOT_CHECKED);
        assertThat(r.releaseIndexProblem()).isPresent();
    }
}
