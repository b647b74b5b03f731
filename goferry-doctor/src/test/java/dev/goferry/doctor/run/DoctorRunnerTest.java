package dev.goferry.doctor.run;

import com.sun.net.httpserver.HttpServer;
import dev.goferry.doctor.Layer;
import dev.goferry.doctor.diagnosis.Cause;
import dev.goferry.doctor.diagnosis.CauseId;
import dev.goferry.doctor.evidence.TargetEvidence;
import dev.goferry.doctor.target.Target;
import dev.goferry.doctor.target.TargetOptions;
import dev.goferry.doctor.target.TargetPlanner;
import dev.goferry.gomod.route.RouteSettings;
import dev.goferry.testkit.LoopbackPorts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whole doctor runs against loopback module proxies: every packet stays on 127.0.0.1, the guard sees to it. */
class DoctorRunnerTest {

    private final LoopbackGuard guard = new LoopbackGuard();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static TargetOptions noReleases() {
        return new TargetOptions(TargetOptions.REFERENCE_MODULE, Optional.empty(), Optional.empty(), Optional.empty(),
                List.of());
    }

    private DoctorRun run(String goproxy, TargetOptions options, Duration timeout) {
        return run(goproxy, options, Lab.options(timeout));
    }

    private DoctorRun run(String goproxy, TargetOptions options, RunOptions run) {
        RouteSettings settings = Settings.of("GOPROXY", goproxy);
        List<Target> targets = TargetPlanner.plan(settings, options);
        return new DoctorRunner(Lab.seams(guard)).run(settings, goproxy, "sum.golang.org", targets, run);
    }

    private DoctorRun runNoSumDb(String goproxy) {
        RouteSettings settings = Settings.of("GOPROXY", goproxy, "GOSUMDB", "off");
        return new DoctorRunner(Lab.seams(guard)).run(settings, goproxy, "off",
                TargetPlanner.plan(settings, noReleases()), Lab.options(Duration.ofSeconds(10)));
    }

    /** A case: what the lab's proxy answers (empty: nothing listens) and the cause expected on the GOPROXY target. */
    record Case(String name, Optional<Lab.Response> all, CauseId want) {}

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(new Case("a refused port", Optional.empty(), CauseId.TCP_REFUSED)),
                Arguments.of(new Case("a proxy that forbids", Optional.of(new Lab.Response(403, "text/plain", "forbidden")),
                        CauseId.HTTP_FORBIDDEN)),
                Arguments.of(new Case("a login page with status 200", Optional.of(new Lab.Response(200,
                        "text/html; charset=utf-8", "<html><head><title>Sign in</title></head><body>portal</body></html>")),
                        CauseId.HTTP_UNEXPECTED_CONTENT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void faults(Case c) {
        String goproxy;
        if (c.all().isPresent()) {
            server = Lab.proxy(Map.of(), c.all());
            goproxy = Lab.url(server);
        } else {
            goproxy = "http://127.0.0.1:" + LoopbackPorts.refused();
        }

        DoctorRun run = run(goproxy, noReleases(), Duration.ofSeconds(10));

        assertThat(run.diagnosis().causeIds()).as("%s: causes", c.name()).contains(c.want());
        Cause cause = run.diagnosis().cause(c.want()).orElseThrow();
        assertThat(cause.targets()).as("%s: targets of %s", c.name(), c.want().id())
                .contains("goproxy:" + goproxy);
        assertThat(run.unfinished()).as("%s: nothing cut short", c.name()).isEmpty();
        assertThat(guard.violations()).isEmpty();
    }

    @Test
    void healthyLoopbackProxyIsHealthy() {
        server = Lab.proxy(Lab.GOOD_PROXY, Optional.empty());

        DoctorRun run = run(Lab.url(server), noReleases(), Duration.ofSeconds(10));

        assertThat(run.diagnosis().causeIds()).as("causes of a working lab: %s", run.diagnosis())
                .containsExactly(CauseId.HEALTHY);
        assertThat(run.evidence()).extracting(e -> e.target().id()).containsExactly(
                "goproxy:" + Lab.url(server), "toolchain:" + Lab.url(server), "sumdb-proxy:" + Lab.url(server));
        assertThat(run.evidence()).allSatisfy(e -> assertThat(e.protocol()).as("protocol of %s", e.target().id())
                .isPresent());
        assertThat(run.local().defaultRouteV4()).hasValue("10.0.0.1 dev eth0");
        assertThat(run.unfinished()).isEmpty();
        assertThat(guard.violations()).isEmpty();
    }

    @Test
    void aFileProxyIsCheckedOnDisk(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path list = dir.resolve("golang.org/x/text/@v/list");
        java.nio.file.Files.createDirectories(list.getParent());
        java.nio.file.Files.writeString(list, "v0.14.0\n");
        String present = "file://" + dir;
        String missing = "file://" + dir.resolve("missing");

        // GOSUMDB=off: with only a file:// entry Go would verify at sum.golang.org directly, not in this lab.
        DoctorRun good = runNoSumDb(present);
        DoctorRun bad = runNoSumDb(missing);

        assertThat(good.evidence()).singleElement().satisfies(e -> assertThat(e.file()).hasValueSatisfying(f -> {
            assertThat(f.usable()).as("usable").isTrue();
            assertThat(f.probeFileExists()).as("the module's list is there").isTrue();
        }));
        assertThat(good.diagnosis().causeIds()).containsExactly(CauseId.SUMDB_DISABLED);
        assertThat(bad.evidence()).singleElement().satisfies(e -> assertThat(e.file())
                .hasValueSatisfying(f -> assertThat(f.exists()).as("exists").isFalse()));
        assertThat(bad.diagnosis().healthy()).as("a missing file:// tree: %s", bad.diagnosis().causeIds()).isFalse();
        assertThat(guard.violations()).isEmpty();
    }

    static Stream<Arguments> sumdbSecondPhase() {
        Lab.Response list = Lab.GOOD_PROXY.get("/golang.org/x/text/@v/list");
        Lab.Response toolchain = Lab.GOOD_PROXY.get("/golang.org/toolchain/@v/list");
        java.util.function.Function<Integer, Map<String, Lab.Response>> supported = status -> Map.of(
                "/golang.org/x/text/@v/list", list, "/golang.org/toolchain/@v/list", toolchain,
                "/sumdb/sum.golang.org/supported", new Lab.Response(status, "text/plain", status == 200 ? "" : "no"));
        return Stream.of(
                Arguments.of("the proxy serves the database: never directly", supported.apply(200), false),
                Arguments.of("404: Go goes to the database directly", supported.apply(404), true),
                Arguments.of("410: the same", supported.apply(410), true),
                Arguments.of("500 after a comma: verification fails, nothing goes direct", supported.apply(500), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void sumdbSecondPhase(String name, Map<String, Lab.Response> routes, boolean direct) {
        server = Lab.proxy(routes, Optional.empty());
        String goproxy = Lab.url(server);  // no direct: the database is reached directly only after the 404

        DoctorRun run = run(goproxy, noReleases(), Duration.ofSeconds(10));

        List<String> ids = run.evidence().stream().map(e -> e.target().id()).toList();
        if (direct) {
            assertThat(ids).as("%s: targets", name).endsWith("sumdb:sum.golang.org");
            TargetEvidence sumdb = run.evidence().getLast();
            assertThat(sumdb.walk()).as("%s: the database was probed", name).isPresent();
            assertThat(sumdb.target().why().key()).isEqualTo("doctor.why.sumdb-fallback");
            // sum.golang.org does not resolve in this lab (nothing answers on 127.0.0.1:53) while the proxy works
            assertThat(run.diagnosis().causeIds()).as("%s: causes", name).contains(CauseId.SUMDB_UNREACHABLE);
        } else {
            assertThat(ids).as("%s: targets", name).doesNotContain("sumdb:sum.golang.org");
        }
        assertThat(run.unfinished()).as("%s: nothing cut short", name).isEmpty();
        assertThat(guard.violations()).isEmpty();
    }

    static Stream<Arguments> clocks() {
        return Stream.of(Arguments.of("in step", Duration.ZERO, false), Arguments.of("three hours ahead",
                Duration.ofHours(3), true), Arguments.of("ten minutes behind", Duration.ofMinutes(-10), true));
    }

    @ParameterizedTest(name = "a clock {0}")
    @MethodSource("clocks")
    void theClockIsComparedWithTheDateHeadersReceived(String name, Duration offset, boolean skewed) {
        server = Lab.proxy(Lab.GOOD_PROXY, Optional.empty());  // the JDK server stamps every answer with Date
        DoctorRunner.Seams lab = Lab.seams(guard);
        DoctorRunner.Seams seams = new DoctorRunner.Seams(lab.files(), lab.connector(), lab.guard(), lab.dns(),
                lab.local(), java.time.Clock.offset(java.time.Clock.systemUTC(), offset));
        RouteSettings settings = Settings.of("GOPROXY", Lab.url(server));
        DoctorRun run = new DoctorRunner(seams).run(settings, Lab.url(server), "sum.golang.org",
                TargetPlanner.plan(settings, noReleases()), Lab.options(Duration.ofSeconds(10)));

        assertThat(run.local().clock()).as("%s: one sample per response", name).hasSize(run.evidence().size());
        assertThat(run.local().clockSkew()).as(name).hasValueSatisfying(d -> assertThat(d.minus(offset).abs())
                .isLessThan(Duration.ofSeconds(5)));
        if (skewed) {
            assertThat(run.diagnosis().cause(CauseId.TLS_CLOCK_SKEW)).as("%s: causes %s", name,
                    run.diagnosis().causeIds()).hasValueSatisfying(c -> {
                        assertThat(c.layer()).isEqualTo(Layer.LOCAL);
                        assertThat(c.severity()).isEqualTo(dev.goferry.doctor.Status.WARN);
                    });
        } else {
            assertThat(run.diagnosis().causeIds()).as(name).containsExactly(CauseId.HEALTHY);
        }
        assertThat(guard.violations()).isEmpty();
    }

    @Test
    void aTargetGoesThroughTheHttpProxyGoWouldUse() {
        // The "proxy" never forwards: it asks for credentials, so nothing leaves loopback.
        server = Lab.proxy(Map.of(), Optional.of(new Lab.Response(407, "text/plain", "proxy auth")));
        String goproxy = "http://goproxy.lab";
        RouteSettings settings = Settings.of("GOPROXY", goproxy, "GOSUMDB", "off", "HTTP_PROXY", Lab.url(server));
        List<Target> targets = TargetPlanner.plan(settings, noReleases());

        DoctorRun run = new DoctorRunner(Lab.seams(guard)).run(settings, goproxy, "off", targets,
                Lab.options(Duration.ofSeconds(10)));

        assertThat(run.evidence()).allSatisfy(e -> {
            assertThat(e.target().proxyUrl()).as("%s: Go's proxy decision", e.target().id()).hasValue(Lab.url(server));
            assertThat(e.dns()).hasValueSatisfying(d -> assertThat(d.name()).as("the proxy is dialed")
                    .isEqualTo("127.0.0.1"));
        });
        assertThat(run.diagnosis().causeIds()).as("causes").contains(CauseId.PROXY_AUTH_REQUIRED);
        assertThat(guard.violations()).isEmpty();
    }

    @Test
    void goproxyOffIsReportedWithoutProbing() {
        DoctorRun run = run("off", noReleases(), Duration.ofSeconds(10));

        assertThat(run.diagnosis().causeIds()).contains(CauseId.GOPROXY_OFF);
        assertThat(run.evidence()).as("GOPROXY=off leaves nothing to probe").isEmpty();
        assertThat(guard.violations()).isEmpty();
    }

    @Test
    void theDeadlineCutsOffASilentServerAndSaysWhatIsUnfinished() throws Exception {
        server = Lab.proxy(Lab.GOOD_PROXY, Optional.empty());
        try (ServerSocket silent = Lab.silent()) {
            URI blackhole = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/");
            TargetOptions options = new TargetOptions(TargetOptions.REFERENCE_MODULE, Optional.empty(),
                    Optional.empty(), Optional.empty(), List.of(blackhole));

            DoctorRun run = run(Lab.url(server), options, Lab.cutOff(Duration.ofSeconds(3)));

            assertThat(run.unfinished()).as("unfinished layers").containsExactly(
                    new DoctorRun.Unfinished("user:" + blackhole, List.of(Layer.HTTP, Layer.PROTOCOL)));
            assertThat(run.evidence()).filteredOn(e -> e.target().id().startsWith("goproxy:"))
                    .allSatisfy(e -> assertThat(e.protocol()).as("the working proxy finished").isPresent());
            assertThat(run.diagnosis().healthy()).as("a cut-off run is never healthy").isFalse();
            assertThat(run.diagnosis().cause(CauseId.DOCTOR_INCOMPLETE)).as("causes %s", run.diagnosis().causeIds())
                    .hasValueSatisfying(c -> assertThat(c.targets()).containsExactly("user:" + blackhole));
        }
        assertThat(guard.violations()).isEmpty();
    }

    @Test
    void anInterruptedRunStillReportsWhatItKnows() throws Exception {
        server = Lab.proxy(Lab.GOOD_PROXY, Optional.empty());
        try (ServerSocket silent = Lab.silent()) {
            URI blackhole = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/");
            TargetOptions options = new TargetOptions(TargetOptions.REFERENCE_MODULE, Optional.empty(),
                    Optional.empty(), Optional.empty(), List.of(blackhole));
            Thread caller = Thread.currentThread();
            Thread ctrlC = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
                caller.interrupt();  // what the command's shutdown hook does on Ctrl-C
            });

            DoctorRun run = run(Lab.url(server), options, Lab.cutOff(Duration.ofSeconds(60)));
            boolean interrupted = Thread.interrupted();
            ctrlC.join();

            assertThat(interrupted).as("the run keeps the interrupt for its caller").isTrue();
            assertThat(run.unfinished()).extracting(DoctorRun.Unfinished::targetId).contains("user:" + blackhole);
            assertThat(run.diagnosis().targets()).as("the report still lists every target").hasSize(4);
        }
        assertThat(guard.violations()).isEmpty();
    }

    static Stream<Arguments> publicConfigurations() {
        Function<DoctorRunnerTest, DoctorRun> target = t -> {
            RouteSettings settings = Settings.of("GOPROXY", "off");
            List<Target> targets = TargetPlanner.plan(settings, new TargetOptions(TargetOptions.REFERENCE_MODULE,
                    Optional.empty(), Optional.empty(), Optional.empty(), List.of(URI.create("http://192.0.2.1/"))));
            return new DoctorRunner(Lab.seams(t.guard)).run(settings, "off", "sum.golang.org", targets,
                    Lab.options(Duration.ofSeconds(5)));
        };
        Function<DoctorRunnerTest, DoctorRun> publicDns = t -> {
            RouteSettings settings = Settings.of("GOPROXY", "off");
            List<Target> targets = TargetPlanner.plan(settings, new TargetOptions(TargetOptions.REFERENCE_MODULE,
                    Optional.empty(), Optional.empty(), Optional.empty(), List.of(URI.create("http://example.test/"))));
            RunOptions options = new RunOptions(Duration.ofSeconds(5),
                    List.of(new InetSocketAddress(ip(192, 0, 2, 53), 53)), List.of(), 1, Duration.ofSeconds(5));
            return new DoctorRunner(Lab.seams(t.guard)).run(settings, "off", "sum.golang.org", targets, options);
        };
        return Stream.of(Arguments.of("a --target naming a public address", target, "192.0.2.1"),
                Arguments.of("a public resolver", publicDns, "192.0.2.53"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void publicConfigurations(String name, Function<DoctorRunnerTest, DoctorRun> runIt, String address) {
        assertThatThrownBy(() -> runIt.apply(this)).as(name).isInstanceOf(AssertionError.class)
                .hasMessageContaining(address);
        assertThat(guard.violations()).as("%s: the guard stopped it before sending", name)
                .extracting(a -> a.getAddress().getHostAddress()).containsExactly(address);
    }

    private static InetAddress ip(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
