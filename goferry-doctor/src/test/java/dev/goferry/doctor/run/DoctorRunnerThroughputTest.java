package dev.goferry.doctor.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.goferry.doctor.Layer;
import dev.goferry.doctor.Status;
import dev.goferry.doctor.diagnosis.CauseId;
import dev.goferry.doctor.diagnosis.Finding;
import dev.goferry.doctor.evidence.TargetEvidence;
import dev.goferry.doctor.evidence.ThroughputSample;
import dev.goferry.doctor.target.Target;
import dev.goferry.doctor.target.TargetOptions;
import dev.goferry.doctor.target.TargetPlanner;
import dev.goferry.gomod.route.RouteSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The THROUGHPUT layer in whole runs against a loopback module proxy and release host: the latest
 * zip of the reference module is downloaded within its budget, a release archive only by its start,
 * and a transfer that goes silent becomes {@code network.slow} without the run overrunning.
 */
class DoctorRunnerThroughputTest {

    private static final int ZIP_BYTES = 300_000;
    private static final RunOptions.Throughput QUICK = new RunOptions.Throughput(true, 200_000,
            Duration.ofMillis(1500), Duration.ofMillis(300), 64 * 1024);

    private final LoopbackGuard guard = new LoopbackGuard();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        executor.shutdownNow();
    }

    /** A proxy listing v0.3.0 and v0.14.0 of the reference module whose v0.14.0 zip is sent by {@code zip}. */
    private String start(ZipSender zip) {
        try {
            server = HttpServer.create(new InetSocketAddress(Lab.LOOPBACK, 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            seen.add(path + " Range=" + Optional.ofNullable(ex.getRequestHeaders().getFirst("Range")).orElse("-"));
            switch (path) {
                case "/golang.org/x/text/@v/list" -> send(ex, 200, "text/plain", "v0.3.0\nv0.14.0\n");
                case "/golang.org/toolchain/@v/list" -> send(ex, 200, "text/plain", "v0.0.1-go1.21.0.linux-amd64\n");
                case "/golang.org/x/text/@v/v0.14.0.zip" -> zip.send(ex);
                case "/redirected/golang.org/x/text/@v/list" -> send(ex, 200, "text/plain", "v0.14.0\n");
                case "/redirected/golang.org/x/text/@v/v0.14.0.zip" -> {
                    // a mirror sending its zips elsewhere; "localhost" must be resolved anew, as Go would
                    ex.getResponseHeaders().set("Location", "http://localhost:" + server.getAddress().getPort()
                            + "/golang.org/x/text/@v/v0.14.0.zip");
                    ex.sendResponseHeaders(302, -1);
                    ex.close();
                }
                case "/go/go1.24.4.linux-amd64.tar.gz.sha256" -> send(ex, 200, "text/plain",
                        "a".repeat(64) + "\n");
                case "/go/go1.24.4.linux-amd64.tar.gz" -> {
                    String range = ex.getRequestHeaders().getFirst("Range");
                    long end = range != null && range.startsWith("bytes=0-")
                            ? Long.parseLong(range.substring("bytes=0-".length())) : ZIP_BYTES - 1;
                    ex.getResponseHeaders().set("Content-Range", "bytes 0-" + end + "/" + 70_000_000);
                    ex.sendResponseHeaders(range != null ? 206 : 200, end + 1);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(new byte[(int) end + 1]);
                    }
                }
                default -> send(ex, 404, "text/plain", "not found");
            }
        });
        // One thread per exchange, as a real proxy: a stalling zip must not hold up the other targets'
        // requests (with the default executor they queue behind it and miss a short deadline).
        server.setExecutor(executor);
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    interface ZipSender {
        void send(HttpExchange ex) throws IOException;
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private static void wholeZip(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/zip");
        ex.sendResponseHeaders(200, ZIP_BYTES);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(new byte[ZIP_BYTES]);
        }
    }

    /** Sends the first 1000 bytes, then nothing for 4 s (past every time box here), then gives up. */
    private static void stallingZip(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/zip");
        ex.sendResponseHeaders(200, ZIP_BYTES);
        OutputStream out = ex.getResponseBody();
        out.write(new byte[1000]);
        out.flush();
        try {
            Thread.sleep(4000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ex.close();
    }

    private DoctorRun run(String base, boolean release, RunOptions.Throughput throughput, Duration deadline) {
        RouteSettings settings = Settings.of("GOPROXY", base, "GOSUMDB", "off");
        TargetOptions options = new TargetOptions(TargetOptions.REFERENCE_MODULE, Optional.empty(), Optional.empty(),
                release ? Optional.of(URI.create(base + "/go/go1.24.4.linux-amd64.tar.gz.sha256")) : Optional.empty(),
                List.of());
        List<Target> targets = TargetPlanner.plan(settings, options);
        return new DoctorRunner(Lab.seams(guard)).run(settings, base, "off", targets,
                Lab.options(deadline).withThroughput(throughput));
    }

    private static TargetEvidence evidence(DoctorRun run, String idPrefix) {
        return run.evidence().stream().filter(e -> e.target().id().startsWith(idPrefix)).findFirst().orElseThrow();
    }

    private static Finding throughputRow(DoctorRun run, String idPrefix) {
        return run.diagnosis().targets().stream().filter(r -> r.target().id().startsWith(idPrefix)).findFirst()
                .orElseThrow().finding(Layer.THROUGHPUT).orElseThrow();
    }

    private static Optional<Finding> throughputRow(DoctorRun run) {
        return run.diagnosis().targets().stream().filter(r -> r.target().id().startsWith("goproxy:")).findFirst()
                .orElseThrow().finding(Layer.THROUGHPUT);
    }

    @Test
    void theLatestZipIsDownloadedUpToTheByteCapAndTheReleaseArchiveByItsStart() {
        String base = start(DoctorRunnerThroughputTest::wholeZip);

        DoctorRun run = run(base, true, QUICK, Duration.ofSeconds(10));

        ThroughputSample zip = evidence(run, "goproxy:").throughput().orElseThrow();
        assertThat(zip.url().toString()).isEqualTo(base + "/golang.org/x/text/@v/v0.14.0.zip");
        assertThat(zip.bytes()).as("read up to the cap").isEqualTo(QUICK.maxBytes());
        assertThat(zip.complete()).as("the cap is a planned end").isTrue();
        assertThat(zip.stalls()).isZero();
        ThroughputSample archive = evidence(run, "release-download:").throughput().orElseThrow();
        assertThat(archive.url().toString()).isEqualTo(base + "/go/go1.24.4.linux-amd64.tar.gz");
        assertThat(archive.bytes()).isEqualTo(QUICK.maxBytes());
        assertThat(seen).as("requests").contains("/go/go1.24.4.linux-amd64.tar.gz Range=bytes=0-199999",
                "/golang.org/x/text/@v/v0.14.0.zip Range=-");
        assertThat(throughputRow(run, "goproxy:").status()).isEqualTo(Status.OK);
        assertThat(throughputRow(run, "goproxy:").detail()).startsWith("200000 bytes in ");
        assertThat(run.diagnosis().causeIds()).as("causes").doesNotContain(CauseId.NETWORK_SLOW);
        assertThat(run.unfinished()).isEmpty();
        assertThat(guard.violations()).isEmpty();
    }

    @Test
    void aRedirectedZipIsMeasuredWhereItLeads() {
        String base = start(DoctorRunnerThroughputTest::wholeZip);

        DoctorRun run = run(base + "/redirected", false, QUICK, Duration.ofSeconds(10));

        ThroughputSample zip = evidence(run, "goproxy:").throughput().orElseThrow();
        assertThat(zip.bytes()).as("the object behind the redirect").isEqualTo(QUICK.maxBytes());
        assertThat(seen).contains("/redirected/golang.org/x/text/@v/v0.14.0.zip Range=-",
                "/golang.org/x/text/@v/v0.14.0.zip Range=-");
        assertThat(guard.violations()).isEmpty();
    }

    @Test
    void aTransferThatGoesSilentIsNetworkSlowWithinTheDeadline() {
        String base = start(DoctorRunnerThroughputTest::stallingZip);

        DoctorRun run = run(base, false, QUICK, Duration.ofSeconds(10));

        ThroughputSample zip = evidence(run, "goproxy:").throughput().orElseThrow();
        assertThat(zip.bytes()).as("what arrived before the silence").isEqualTo(1000);
        assertThat(zip.complete()).as("cut by the time box").isFalse();
        assertThat(zip.stalls()).as("the silence to the time box").isEqualTo(1);
        assertThat(run.diagnosis().cause(CauseId.NETWORK_SLOW)).as("causes: %s", run.diagnosis().causeIds())
                .hasValueSatisfying(c -> {
                    assertThat(c.layer()).isEqualTo(Layer.THROUGHPUT);
                    assertThat(c.severity()).isEqualTo(Status.FAIL);
                    assertThat(c.targets()).containsExactly("goproxy:" + base);
                });
        assertThat(throughputRow(run, "goproxy:").status()).isEqualTo(Status.FAIL);
        assertThat(run.unfinished()).isEmpty();
        assertThat(guard.violations()).isEmpty();
    }

    @Test
    void aNearDeadlineShrinksTheTimeBox() {
        String base = start(DoctorRunnerThroughputTest::stallingZip);
        RunOptions.Throughput patient = new RunOptions.Throughput(true, 200_000, Duration.ofSeconds(30),
                Duration.ofMillis(300), 64 * 1024);

        DoctorRun run = run(base, false, patient, Duration.ofSeconds(3));

        ThroughputSample zip = evidence(run, "goproxy:").throughput().orElseThrow();
        assertThat(zip.complete()).as("the time box shrank to the deadline").isFalse();
        assertThat(run.unfinished()).as("the download ended before the deadline").isEmpty();
        assertThat(guard.violations()).isEmpty();
    }

    /**
     * A zip whose response head takes 1.5 s: the time box counts from the download's start, so the
     * body gets what is left and the sample is in the report (the box used to start at the head,
     * overrunning the deadline by the head's wait: THROUGHPUT unfinished on exactly the slow lines).
     */
    @Test
    void aSlowResponseHeadDoesNotPushTheDownloadPastTheDeadline() {
        String base = start(ex -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stallingZip(ex);
        });
        RunOptions.Throughput patient = new RunOptions.Throughput(true, 200_000, Duration.ofSeconds(30),
                Duration.ofMillis(300), 64 * 1024);

        DoctorRun run = run(base, false, patient, Duration.ofSeconds(4));

        assertThat(run.unfinished()).as("the download ended before the deadline").isEmpty();
        ThroughputSample zip = evidence(run, "goproxy:").throughput().orElseThrow();
        assertThat(zip.bytes()).as("what arrived before the silence").isEqualTo(1000);
        assertThat(zip.complete()).isFalse();
        assertThat(guard.violations()).isEmpty();
    }

    @Test
    void throughputOffDownloadsNothing() {
        String base = start(DoctorRunnerThroughputTest::wholeZip);

        DoctorRun run = run(base, false, RunOptions.Throughput.OFF, Duration.ofSeconds(10));

        assertThat(evidence(run, "goproxy:").throughput()).isEmpty();
        assertThat(seen).noneMatch(s -> s.contains(".zip"));
        assertThat(throughputRow(run)).as("no throughput row").isEmpty();
    }
}
