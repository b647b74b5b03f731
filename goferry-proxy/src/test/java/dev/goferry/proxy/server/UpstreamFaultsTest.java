package dev.goferry.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.proxy.Lab;
import dev.goferry.proxy.ScriptedUpstream;
import dev.goferry.proxy.ScriptedUpstream.Answer;
import dev.goferry.proxy.ScriptedUpstream.Fault;
import dev.goferry.proxy.ScriptedUpstream.Script;
import dev.goferry.proxy.storage.DiskStorage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upstream faults end in clean errors, or in the next upstream exactly when Go's separators say:
 * {@code ,} moves on only after 404/410, {@code |} after any error. Nothing is stored from a
 * faulty answer, and the next request fetches again.
 */
class UpstreamFaultsTest {

    static final String INFO = "/example.com/m/@v/v1.0.0.info";
    static final String GOOD = "{\"Version\":\"v1.0.0\",\"Time\":\"2024-01-01T00:00:00Z\"}";

    @TempDir
    Path data;

    static Stream<Arguments> faults() {
        Script html = new Answer(200, "text/html; charset=utf-8",
                "<html><body>Please log in to the corporate portal</body></html>".getBytes(StandardCharsets.UTF_8));
        Script notJson = Answer.text(200, "Service temporarily unavailable");
        Script wrongVersion = new Answer(200, "application/json", "{\"Version\":\"v1.0.1\"}".getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                // fault, what the first upstream does; status with ","; with "|"
                Arguments.of("reset", Fault.RESET, 502, 200),
                Arguments.of("truncated body", Fault.TRUNCATE, 502, 200),
                Arguments.of("stalled body", Fault.STALL, 502, 200),
                Arguments.of("slow drip (a byte every 100 ms)", Fault.DRIP, 502, 200),
                Arguments.of("HTML page with 200", html, 502, 200),
                Arguments.of("plain text instead of JSON", notJson, 502, 200),
                Arguments.of("500", Answer.text(500, "internal error"), 502, 200),
                Arguments.of("404", Answer.text(404, "not found: gone"), 200, 200),
                Arguments.of("410", Answer.text(410, "not found: gone"), 200, 200),
                Arguments.of("info for another version", wrongVersion, 200, 200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void faultyFirstUpstream(String name, Script fault, int statusWithComma, int statusWithPipe) throws Exception {
        for (String separator : new String[] {",", "|"}) {
            Path dir = Files.createTempDirectory(data, "d");
            try (ScriptedUpstream bad = new ScriptedUpstream(p -> fault);
                 ScriptedUpstream good = new ScriptedUpstream(p -> new Answer(200, "application/json", GOOD.getBytes(StandardCharsets.UTF_8)));
                 Lab.Running goferry = Lab.start(dir, bad.url() + separator + good.url(), Map.of("upstreamTimeout", "2s"))) {
                HttpResponse<byte[]> r = Lab.get(goferry.url(), INFO);
                String body = new String(r.body(), StandardCharsets.UTF_8);
                int want = separator.equals(",") ? statusWithComma : statusWithPipe;
                String what = name + " with '" + separator + "'";
                if (name.equals("info for another version")) {
                    // The go command itself rejects it ("proxy returned info for version v1.0.1 instead of
                    // requested version"): goferry passes it on, unstored, so go shows its own words.
                    assertThat(r.statusCode()).as(what).isEqualTo(200);
                    assertThat(r.headers().firstValue("Goferry-Cache")).as(what).contains("UNSTORED");
                    assertThat(good.requests()).as(what + ": next upstream asked").isEmpty();
                    assertStoredNothing(dir, what);
                    continue;
                }
                assertThat(r.statusCode()).as("%s: status; body %s", what, body).isEqualTo(want);
                if (want == 502) {
                    assertThat(r.headers().firstValue("Content-Type")).as(what).contains("text/plain; charset=utf-8");
                    assertThat(body).as(what + ": body names the upstream request").contains(bad.url());
                    if (fault == Fault.STALL || fault == Fault.DRIP) {
                        assertThat(body).as(what + ": cut off by the 2 s upstream timeout").contains("timeout after 2000ms");
                    }
                    assertThat(good.requests()).as(what + ": next upstream asked").isEmpty();
                    assertStoredNothing(dir, what);
                    int before = bad.requests().size();
                    Lab.get(goferry.url(), INFO);
                    // (The JDK client itself retries a GET once after a reset, so count "more", not "one more".)
                    assertThat(bad.requests().size()).as(what + ": a failed fetch is not remembered").isGreaterThan(before);
                } else {
                    assertThat(body).as(what).isEqualTo(GOOD);
                    assertThat(good.requests()).as(what + ": next upstream asked").containsExactly(INFO);
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void faultsThatMayPassAreRetriedWithinTheBound() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        try (ScriptedUpstream flaky = new ScriptedUpstream(p -> calls.incrementAndGet() <= 2
                     ? Answer.text(503, "busy") : new Answer(200, "application/json", GOOD.getBytes(StandardCharsets.UTF_8)));
             Lab.Running twoRetries = Lab.start(Files.createTempDirectory(data, "a"), flaky.url(), Map.of("upstreamRetries", "2"))) {
            assertThat(Lab.get(twoRetries.url(), INFO).statusCode()).as("503, 503, then 200 with two retries").isEqualTo(200);
            assertThat(flaky.requests()).hasSize(3);
        }
        calls.set(0);
        try (ScriptedUpstream flaky = new ScriptedUpstream(p -> calls.incrementAndGet() <= 2
                     ? Answer.text(503, "busy") : new Answer(200, "application/json", GOOD.getBytes(StandardCharsets.UTF_8)));
             Lab.Running oneRetry = Lab.start(Files.createTempDirectory(data, "b"), flaky.url(), Map.of("upstreamRetries", "1"))) {
            HttpResponse<byte[]> r = Lab.get(oneRetry.url(), INFO);
            assertThat(r.statusCode()).as("503, 503 with one retry").isEqualTo(502);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("503").contains("busy");
            assertThat(flaky.requests()).hasSize(2);
        }
        calls.set(0);
        try (ScriptedUpstream missing = new ScriptedUpstream(p -> {
                 calls.incrementAndGet();
                 return Answer.text(404, "not found");
             });
             Lab.Running retries = Lab.start(Files.createTempDirectory(data, "c"), missing.url(), Map.of("upstreamRetries", "3"))) {
            assertThat(Lab.get(retries.url(), INFO).statusCode()).isEqualTo(404);
            assertThat(missing.requests()).as("404 is an answer, never retried").hasSize(1);
        }
    }

    @org.junit.jupiter.api.Test
    void serversThatMetFaultsLeakNoThreadsOrFileHandles() throws Exception {
        runFaults(FAULTS.length); // warm up: class loading, the JDK's own shared threads, every fault once
        long threads = settled(UpstreamFaultsTest::platformThreads, Long.MAX_VALUE);
        long fds = settled(UpstreamFaultsTest::openFiles, Long.MAX_VALUE);
        int rounds = 3 * FAULTS.length;
        runFaults(rounds);
        // Closing a connection or a thread finishes a moment after close() returns: wait, boundedly,
        // for the counts to come back down before judging them.
        assertThat(settled(UpstreamFaultsTest::platformThreads, threads + 3))
                .as("platform threads after %d servers met faults (before: %d)", rounds, threads)
                .isLessThanOrEqualTo(threads + 3);
        assertThat(settled(UpstreamFaultsTest::openFiles, fds + 10))
                .as("open file descriptors after %d servers met faults (before: %d)", rounds, fds)
                .isLessThanOrEqualTo(fds + 10);
    }

    /** Every fault the leak test runs, stalls and drips included (cut off by a 1 s upstream timeout). */
    private static final Script[] FAULTS = {Fault.RESET, Fault.TRUNCATE, Fault.STALL, Fault.DRIP, Answer.text(500, "x"),
        Answer.text(404, "x"), new Answer(200, "text/html", "<html/>".getBytes(StandardCharsets.UTF_8))};

    /** Polls {@code count} (at most 50 times, 100 ms apart) until it is at most {@code bound}; {@return the last count} */
    private static long settled(CountSupplier count, long bound) throws Exception {
        long last = count.get();
        for (int i = 0; i < 50 && last > bound; i++) {
            System.gc(); // unreachable channels are closed by their cleaners
            Thread.sleep(100);
            last = count.get();
        }
        return last;
    }

    @FunctionalInterface
    private interface CountSupplier {
        long get() throws IOException;
    }

    private void runFaults(int rounds) throws Exception {
        Script[] faults = FAULTS;
        for (int i = 0; i < rounds; i++) {
            Script fault = faults[i % faults.length];
            try (ScriptedUpstream bad = new ScriptedUpstream(p -> fault);
                 Lab.Running goferry = Lab.start(Files.createTempDirectory(data, "leak"), bad.url(), Map.of("upstreamTimeout", "1s"))) {
                for (String path : new String[] {INFO, "/example.com/m/@v/v1.0.0.zip", "/example.com/m/@v/list"}) {
                    HttpResponse<byte[]> r = Lab.get(goferry.url(), path);
                    assertThat(r.statusCode()).as("%s with %s", path, fault).isBetween(400, 599);
                }
            }
        }
    }

    /**
     * Live platform threads, less the JDK's elastic pools: virtual-thread carriers and the common
     * pool (ForkJoinPool workers, which grow to compensate for blocking I/O and linger 30 s) and
     * HttpClient workers (cached, 60 s). A leaked server or client still shows: Jetty's threads, an
     * HttpClient's selector manager.
     */
    static long platformThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith("ForkJoinPool") && !t.getName().matches("HttpClient-\\d+-Worker-\\d+"))
                .count();
    }

    static long openFiles() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    static void assertStoredNothing(Path dir, String what) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).toList()).as(what + ": files in the data folder").isEmpty();
        }
        assertThat(dir.resolve(DiskStorage.SCRATCH_DIR)).as(what).isEmptyDirectory();
    }
}
