package dev.goferry.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goferry.gomod.dirhash.Dirhash;
import dev.goferry.proxy.Lab;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Zips go out from their files with sendfile on plain HTTP/1.1 connections ({@link SendfileEndPoint}),
 * and a client sees exactly the stored bytes whatever the size, however it reads, on a connection
 * it keeps or leaves: held mappings (over 64 KiB, up to 16 MiB) and streamed files (bigger) alike.
 * {@code goferry_sendfile_bytes_total} shows which bodies took the sendfile path.
 */
class SendfileTest {

    /** Bodies up to this size are held as bytes and written, not sent from their file. */
    static final long HEAP = 64 * 1024;
    static final long MIB = 1 << 20;

    @TempDir
    static Path shared;
    static Path data;
    static Lab.Running goferry;
    static final Map<Long, String> SHA = new HashMap<>();

    /** Sizes: empty, tiny, odd, either side of the heap limit, more than a socket buffer, 5 MB held, streamed. */
    static Stream<Long> sizes() {
        return Stream.of(0L, 1L, 7L, HEAP - 1, HEAP, HEAP + 1, 200_003L, 4 * MIB + 19, 5 * MIB, 16 * MIB + 1, 100 * MIB);
    }

    @BeforeAll
    static void start() throws Exception {
        data = shared.resolve("data");
        for (long size : sizes().toList()) {
            SHA.put(size, write(zipFile(size), size, size));
        }
        // Offline: the stored files are the whole truth, served exactly as they are.
        goferry = Lab.start(data, "http://127.0.0.1:9", Map.of("offline", "true", "accessLog", "false"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (goferry != null) {
            goferry.close();
        }
    }

    static String path(long size) {
        return "/example.com/sf/@v/v1.0." + size + ".zip";
    }

    static Path zipFile(long size) {
        return data.resolve("example.com/sf/@v/v1.0." + size + ".zip");
    }

    /** Writes {@code size} pseudo-random bytes (from {@code seed}) to {@code file}. {@return their SHA-256} */
    static String write(Path file, long size, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        MessageDigest sha = RawHttp.sha256();
        SplittableRandom random = new SplittableRandom(seed);
        byte[] chunk = new byte[(int) MIB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; ) {
                int n = (int) Math.min(chunk.length, left);
                random.nextBytes(chunk);
                out.write(chunk, 0, n);
                sha.update(chunk, 0, n);
                left -= n;
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static int port() {
        return goferry.server().port();
    }

    /** {@return goferry_sendfile_bytes_total as /metrics shows it} */
    static long sentFromFiles() {
        return sentFromFiles(goferry);
    }

    static long sentFromFiles(Lab.Running server) {
        String metrics = new String(Lab.get(server.url(), "/metrics").body());
        return metrics.lines().filter(l -> l.startsWith("goferry_sendfile_bytes_total "))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no goferry_sendfile_bytes_total in /metrics:\n" + metrics));
    }

    /**
     * Waits (at most 10 s) until the counter reaches {@code want}: the server adds a transfer's
     * bytes just after the transfer, which the client may have read by then. {@return the counter}
     */
    static long sentFromFilesSettled(long want) throws InterruptedException {
        return sentFromFilesSettled(goferry, want);
    }

    static long sentFromFilesSettled(Lab.Running server, long want) throws InterruptedException {
        long got = sentFromFiles(server);
        for (int i = 0; i < 100 && got < want; i++) {
            Thread.sleep(100);
            got = sentFromFiles(server);
        }
        return got;
    }

    /** {@return how many of this process's open file descriptors name a file in the data folder} */
    static long openDataFiles() throws IOException {
        Path root = data.toRealPath();
        long n = 0;
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).startsWith(root)) {
                        n++;
                    }
                } catch (IOException gone) {
                    // closed between listing and reading: not open
                }
            }
        }
        return n;
    }

    static void assertIntact(RawHttp.Reply reply, long size, String what) {
        assertThat(reply.status()).as("%s: status", what).isEqualTo(200);
        assertThat(reply.headers().get("content-length")).as("%s: Content-Length", what).isEqualTo(Long.toString(size));
        assertThat(reply.length()).as("%s: body length", what).isEqualTo(size);
        assertThat(reply.sha256()).as("%s: body SHA-256 against the stored file's", what).isEqualTo(SHA.get(size));
    }

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("sizes")
    void everySizeArrivesAsStored(long size) throws Exception {
        long before = sentFromFiles();
        try (RawHttp c = RawHttp.open(port())) {
            assertIntact(c.send("GET", path(size)).read(false), size, size + " bytes, first GET (from storage)");
            assertIntact(c.send("GET", path(size)).read(false), size, size + " bytes, second GET (held or streamed again)");
            RawHttp.Reply head = c.send("HEAD", path(size)).read(true);
            assertThat(head.headers().get("content-length")).as("%d bytes, HEAD", size).isEqualTo(Long.toString(size));
            assertIntact(c.send("GET", path(size)).read(false), size, size + " bytes, GET after a HEAD on the same connection");
        }
        long want = size > HEAP ? 3 * size : 0;
        assertThat(sentFromFilesSettled(before + want) - before)
                .as("%d bytes: bytes sent from the file for three GETs (only bodies over 64 KiB)", size).isEqualTo(want);
    }

    /** The requests of one connection, in order, and what each must answer. */
    record Step(String method, String path, String version, int status, long size) {
        static Step get(long size) {
            return new Step("GET", SendfileTest.path(size), "HTTP/1.1", 200, size);
        }
    }

    static List<Step> steps() {
        return List.of(Step.get(5 * MIB), Step.get(7), Step.get(200_003), new Step("HEAD", SendfileTest.path(5 * MIB), "HTTP/1.1", 200, 0),
                new Step("GET", "/example.com/sf/@v/v9.9.9.zip", "HTTP/1.1", 404, -1), Step.get(16 * MIB + 1),
                Step.get(HEAP + 1), Step.get(1), Step.get(5 * MIB));
    }

    static void check(RawHttp c, Step step, int i, String how) throws IOException {
        RawHttp.Reply reply = c.read(step.method().equals("HEAD"));
        String what = how + ", request " + i + " " + step.method() + " " + step.path();
        if (step.status() == 200 && step.method().equals("GET")) {
            assertIntact(reply, step.size(), what);
        } else {
            assertThat(reply.status()).as(what).isEqualTo(step.status());
        }
    }

    @Test
    void oneConnectionCarriesManyAnswersOneAfterAnother() throws Exception {
        try (RawHttp c = RawHttp.open(port())) {
            int i = 0;
            for (Step step : steps()) {
                c.send(step.method(), step.path(), step.version());
                check(c, step, i++, "one at a time");
            }
        }
    }

    @Test
    void pipelinedRequestsGetTheirAnswersInOrder() throws Exception {
        try (RawHttp c = RawHttp.open(port())) {
            for (Step step : steps()) {
                c.send(step.method(), step.path(), step.version());
            }
            int i = 0;
            for (Step step : steps()) {
                check(c, step, i++, "pipelined");
            }
        }
    }

    @Test
    void anHttp10RequestGetsTheBodyAndTheConnectionCloses() throws Exception {
        try (RawHttp c = RawHttp.open(port())) {
            assertIntact(c.send("GET", path(5 * MIB), "HTTP/1.0").read(false), 5 * MIB, "HTTP/1.0 GET");
            assertThat(c.closedByServer()).as("HTTP/1.0 without keep-alive: closed after the answer").isTrue();
        }
    }

    @Test
    void aSlowReaderWithASmallWindowGetsEveryByte() throws Exception {
        for (long size : List.of(5 * MIB, 16 * MIB + 1)) {
            try (RawHttp c = RawHttp.open(port(), 4096)) {
                RawHttp.Reply reply = c.send("GET", path(size)).read(false, new RawHttp.Pacing(size > 8 * MIB ? 96 * 1024 : 24 * 1024,
                        Duration.ofMillis(1)));
                assertIntact(reply, size, size + " bytes to a reader with a 4 KiB receive buffer reading slowly");
            }
        }
    }

    @Test
    void clientsThatLeaveMidBodyLeaveNoFileOpen() throws Exception {
        assertThat(settledOpenDataFiles()).as("data files open before the test").isZero();
        for (int i = 0; i < 12; i++) {
            long size = i % 2 == 0 ? 100 * MIB : 5 * MIB;
            RawHttp c = RawHttp.open(port(), 16 * 1024);
            c.send("GET", path(size)).readPart(100_000);
            if (i == 0) {
                assertThat(openDataFiles()).as("the 100 MB file is open while its body waits for the reader").isPositive();
            }
            if (i % 4 < 2) {
                c.abort();
            } else {
                c.close();
            }
        }
        assertThat(settledOpenDataFiles()).as("data files open after 12 clients left mid-body").isZero();
        try (RawHttp c = RawHttp.open(port())) {
            assertIntact(c.send("GET", path(5 * MIB)).read(false), 5 * MIB, "a new client after those left");
            assertIntact(c.send("GET", path(100 * MIB)).read(false), 100 * MIB, "the same client, the streamed file");
        }
    }

    /** {@return the count of open data files once it is zero, or after 10 s} */
    static long settledOpenDataFiles() throws Exception {
        long n = openDataFiles();
        for (int i = 0; i < 100 && n > 0; i++) {
            Thread.sleep(100);
            n = openDataFiles();
        }
        return n;
    }

    @Test
    void aHeldZipReplacedOrRemovedByHandIsStillServedFromItsMapping() throws Exception {
        long size = 300_001;
        Path file = data.resolve("example.com/sf/@v/v2.0.0.zip");
        String stored = write(file, size, 42);
        String path = "/example.com/sf/@v/v2.0.0.zip";
        try (RawHttp c = RawHttp.open(port())) {
            RawHttp.Reply first = c.send("GET", path).read(false);
            assertThat(first.sha256()).as("first answer").isEqualTo(stored);

            Path other = data.resolve("other.zip");
            write(other, size, 43);
            Files.move(other, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            long before = sentFromFiles();
            assertThat(c.send("GET", path).read(false).sha256()).as("replaced by hand (same size): the held bytes")
                    .isEqualTo(stored);
            Files.delete(file);
            assertThat(c.send("GET", path).read(false).sha256()).as("removed by hand: the held bytes").isEqualTo(stored);
            assertThat(sentFromFiles() - before).as("bytes sent from a file that is not the held one").isZero();
        }
    }

    /** A module version in the upstream tree: its zip's size, SHA-256 and go.sum hash. */
    record Module(String path, long zipSize, String sha256, String h1) {}

    /** Writes {@code path@v1.0.0} (a go.mod and {@code blob} random bytes, stored) into a file:// GOPROXY tree. */
    static Module module(Path tree, String path, int blob) throws IOException {
        Path v = Files.createDirectories(tree.resolve(path + "/@v"));
        String goMod = "module " + path + "\n";
        Files.writeString(v.resolve("list"), "v1.0.0\n");
        Files.writeString(v.resolve("v1.0.0.info"), "{\"Version\":\"v1.0.0\",\"Time\":\"2024-01-01T00:00:00Z\"}\n");
        Files.writeString(v.resolve("v1.0.0.mod"), goMod);
        Path zip = v.resolve("v1.0.0.zip");
        byte[] bytes = new byte[blob];
        new SplittableRandom(blob).nextBytes(bytes);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry(path + "@v1.0.0/go.mod"));
            z.write(goMod.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry(path + "@v1.0.0/blob.bin"));
            z.write(bytes);
            z.closeEntry();
        }
        MessageDigest sha = RawHttp.sha256();
        sha.update(Files.readAllBytes(zip));
        return new Module(path, Files.size(zip), HexFormat.of().formatHex(sha.digest()), Dirhash.hashZip(zip));
    }

    /**
     * The real go command (both clients) downloads a held 5 MB zip and a streamed 20 MB zip sent
     * from their files, first as goferry fetches them (MISS), then from its storage (HIT), and
     * accepts them: exit 0, go's hash the expected h1, the cached zip the upstream's bytes.
     */
    @Test
    void theGoCommandAcceptsZipsSentFromFiles() throws Exception {
        Path tree = shared.resolve("upstream");
        List<Module> modules = List.of(module(tree, "example.com/big", 5 * (int) MIB), module(tree, "example.com/huge", 20 * (int) MIB));
        long zipBytes = modules.stream().mapToLong(Module::zipSize).sum();
        int clients = 0;
        for (GoClient go : GoClients.all()) {
            try (Lab.Running server = Lab.start(shared.resolve("data-" + go.version()), "file://" + tree, Map.of("accessLog", "false"))) {
                for (String round : List.of("MISS", "HIT")) {
                    String what = "go " + go.version() + ", " + round;
                    long before = sentFromFiles(server);
                    Path scratch = shared.resolve("go-" + go.version() + "-" + round);
                    Path work = Files.createDirectories(scratch.resolve("work"));
                    Files.writeString(work.resolve("go.mod"), "module example.com/app\n\ngo 1.19\n");
                    Map<String, String> env = new HashMap<>(go.baseEnvironment(scratch));
                    env.put("GOPROXY", server.url());
                    env.put("GOSUMDB", "off");
                    env.put("GOFLAGS", "-mod=mod -modcacherw");
                    env.put("GOMODCACHE", scratch.resolve("modcache").toString());
                    List<String> args = new ArrayList<>(List.of("mod", "download", "-json"));
                    modules.forEach(m -> args.add(m.path() + "@v1.0.0"));
                    GoClient.GoResult r = go.run(work, env, 120, args.toArray(String[]::new));
                    assertThat(r.exitCode()).as("%s: exit code; stderr:\n%s\nstdout:\n%s", what, r.stderr(), r.stdout()).isZero();
                    Map<String, JsonNode> byPath = new HashMap<>();
                    Lab.jsonStream(r.stdout()).forEach(j -> byPath.put(j.path("Path").asText(), j));
                    for (Module m : modules) {
                        JsonNode j = byPath.get(m.path());
                        assertThat(j).as("%s: go's answer for %s in\n%s", what, m.path(), r.stdout()).isNotNull();
                        assertThat(j.path("Error").asText()).as("%s: %s error", what, m.path()).isEmpty();
                        assertThat(j.path("Sum").asText()).as("%s: %s Sum", what, m.path()).isEqualTo(m.h1());
                        MessageDigest sha = RawHttp.sha256();
                        sha.update(Files.readAllBytes(Path.of(j.path("Zip").asText())));
                        assertThat(HexFormat.of().formatHex(sha.digest())).as("%s: %s zip in go's cache", what, m.path())
                                .isEqualTo(m.sha256());
                    }
                    assertThat(sentFromFilesSettled(server, before + zipBytes) - before)
                            .as("%s: bytes sent from files (the two zips)", what).isEqualTo(zipBytes);
                }
            }
            clients++;
        }
        assertThat(clients).as("clients").isEqualTo(GoClients.all().size());
    }
}
