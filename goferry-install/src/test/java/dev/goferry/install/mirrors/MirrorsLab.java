package dev.goferry.install.mirrors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.goferry.gomod.sumdb.MemoryLog;
import dev.goferry.gomod.sumdb.SumDbServer;
import dev.goferry.gomod.sumdb.note.Keys;
import dev.goferry.gomod.sumdb.note.NoteException;
import dev.goferry.testkit.LoopbackPorts;
import dev.goferry.testkit.sumdb.TestSumDb;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Loopback lab mirrors for {@code goferry mirrors}: one HTTP server whose first path element names
 * the mirror's behaviour, plus checksum databases on {@link TestSumDb}. Every URL is on 127.0.0.1.
 *
 * <ul>
 *   <li>GOPROXY ({@code example.com/ref}): {@code /good}, {@code /good2} (v1.1.0), {@code /stale}
 *       (only v1.0.0), {@code /html} (an HTML page with status 200 for everything), {@code /slow}
 *       (like good, 300 ms before each answer and the zip trickled), {@code /stall} (answers after
 *       60 s: a deadline test), and a closed port; good, slow and stall also serve
 *       {@code golang.org/toolchain} ({@link #TOOLCHAIN_LIST}: newest stable for linux/amd64 go1.22.3),
 *       stale an older one (go1.21.0), good2 none;</li>
 *   <li>checksum databases named {@code sum.golang.test}: good (3 records), stale (1 record, same key),
 *       wrong key (same name, another key);</li>
 *   <li>release ({@code /index.json}: go1.19.8 newest, go1.19.7): {@code /rel-good/}, {@code /rel-stale/}
 *       (only go1.19.7), {@code /rel-html/}, {@code /rel-short/} (another size than the index's).</li>
 * </ul>
 */
public final class MirrorsLab implements AutoCloseable {

    public static final String MODULE = "example.com/ref";
    public static final String DB_NAME = "sum.golang.test";
    public static final String NEWEST = "go1.19.8.linux-amd64.tar.gz";
    public static final String PREVIOUS = "go1.19.7.linux-amd64.tar.gz";
    /** A golang.org/toolchain version list: other platforms, a release candidate, unordered. */
    public static final String TOOLCHAIN_LIST = """
            v0.0.1-go1.22.3.linux-amd64
            v0.0.1-go1.21.0.linux-amd64
            v0.0.1-go1.23rc1.linux-amd64
            v0.0.1-go1.22.4.darwin-arm64
            v0.0.1-go1.22.3.windows-amd64
            """;

    private static final String TOOLCHAIN = "/golang.org/toolchain/@v/list";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final HttpServer server;
    private final ExecutorService executor;
    private final byte[] zip;
    private final byte[] archive;
    private final byte[] previousArchive;
    public final Keys.KeyStrings key;
    public final TestSumDb goodDb;
    public final TestSumDb staleDb;
    public final TestSumDb wrongKeyDb;
    private final int closedPort = LoopbackPorts.refused();

    public MirrorsLab() {
        Random random = new Random(6);
        zip = new byte[128 * 1024];
        random.nextBytes(zip);
        zip[0] = 'P';
        zip[1] = 'K';
        zip[2] = 3;
        zip[3] = 4;
        archive = gzip(random, 200 * 1024);
        previousArchive = gzip(random, 190 * 1024);
        try {
            key = Keys.generate(DB_NAME, new SecureRandom());
            Keys.KeyStrings other = Keys.generate(DB_NAME, new SecureRandom());
            goodDb = TestSumDb.start("/sumdb/" + DB_NAME, new SumDbServer(log(key, 3))::write);
            staleDb = TestSumDb.start("", new SumDbServer(log(key, 1))::write);
            wrongKeyDb = TestSumDb.start("", new SumDbServer(log(other, 3))::write);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoteException e) {
            throw new IllegalStateException(e);
        }
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    private static MemoryLog log(Keys.KeyStrings key, int records) throws NoteException {
        MemoryLog log = new MemoryLog(key.signerKey());
        for (int i = 0; i < records; i++) {
            log.add(new MemoryLog.Entry("example.com/m" + i, "v1.0.0", "h1:" + "A".repeat(43) + "=", "h1:" + "B".repeat(43) + "="));
        }
        return log;
    }

    private static byte[] gzip(Random random, int size) {
        byte[] raw = new byte[size];
        random.nextBytes(raw);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@return a URL on the lab server, e.g. url("good")} */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    /** {@return a base URL where nothing listens} */
    public String refusedUrl() {
        return "http://127.0.0.1:" + closedPort + "/refused";
    }

    /**
     * {@return a catalog file with every lab mirror: goproxy good, good2, stale, html, slow, refused
     * (and stall when {@code withStall}); sumdb good, stale, wrongkey, html; release good, stale, html, short}
     */
    public Path catalog(Path dir, boolean withStall) throws IOException {
        String text = """
                reference.module=%s
                sumdb.key=%s
                index.1=%s
                goproxy.1=html %s
                goproxy.2=slow %s
                goproxy.3=stale %s
                goproxy.4=good %s
                goproxy.5=refused %s
                goproxy.6=good2 %s
                %s
                sumdb.1=wrongkey %s
                sumdb.2=stale %s
                sumdb.3=good %s
                sumdb.4=html %s
                release.1=html %s
                release.2=stale %s
                release.3=good %s
                release.4=short %s
                """.formatted(MODULE, key.verifierKey(), url("index.json"),
                url("html"), url("slow"), url("stale"), url("good"), refusedUrl(), url("good2"),
                withStall ? "goproxy.7=stall " + url("stall") : "",
                wrongKeyDb.url(), staleDb.url(), goodDb.url(), url("html"),
                url("rel-html/"), url("rel-stale/"), url("rel-good/"), url("rel-short/"));
        Path file = dir.resolve("mirrors-lab.properties");
        Files.writeString(file, text);
        return file;
    }

    private String index() {
        return """
                [{"version": "go1.20rc1", "stable": false, "files": [
                   {"filename": "go1.20rc1.linux-amd64.tar.gz", "os": "linux", "arch": "amd64", "version": "go1.20rc1", "sha256": "%s", "size": 1, "kind": "archive"}]},
                 {"version": "go1.19.8", "stable": true, "files": [
                   {"filename": "%s", "os": "linux", "arch": "amd64", "version": "go1.19.8", "sha256": "%s", "size": %d, "kind": "archive"}]},
                 {"version": "go1.19.7", "stable": true, "files": [
                   {"filename": "%s", "os": "linux", "arch": "amd64", "version": "go1.19.7", "sha256": "%s", "size": %d, "kind": "archive"}]}]
                """.formatted("0".repeat(64), NEWEST, sha256(archive), archive.length, PREVIOUS, sha256(previousArchive),
                previousArchive.length);
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String mirror = path.substring(1, path.indexOf('/', 1) < 0 ? path.length() : path.indexOf('/', 1));
            String rest = path.substring(1 + mirror.length());
            String ref = "/" + MODULE + "/@v/";
            switch (mirror) {
                case "index.json" -> send(exchange, 200, "application/json", index().getBytes(StandardCharsets.UTF_8), 0);
                case "html" -> send(exchange, 200, "text/html; charset=utf-8",
                        "<!DOCTYPE html><html><body>Welcome! Please log in.</body></html>".getBytes(StandardCharsets.UTF_8), 0);
                case "good", "good2", "slow", "stall" -> {
                    if (mirror.equals("stall")) {
                        sleep(60_000);
                    }
                    if (mirror.equals("slow")) {
                        sleep(300);
                    }
                    Map<String, byte[]> files = new HashMap<>(Map.of(
                            ref + "list", "v1.0.0\nv1.1.0\nv1.0.1\n".getBytes(StandardCharsets.UTF_8),
                            ref + "v1.1.0.info", "{\"Version\":\"v1.1.0\",\"Time\":\"2026-01-02T03:04:05Z\"}".getBytes(StandardCharsets.UTF_8),
                            ref + "v1.1.0.zip", zip));
                    if (!mirror.equals("good2")) {
                        files.put(TOOLCHAIN, TOOLCHAIN_LIST.getBytes(StandardCharsets.UTF_8));
                    }
                    serve(exchange, files.get(rest), mirror.equals("slow") ? 50 : 0);
                }
                case "stale" -> {
                    Map<String, byte[]> files = Map.of(
                            ref + "list", "v1.0.0\n".getBytes(StandardCharsets.UTF_8),
                            ref + "v1.0.0.info", "{\"Version\":\"v1.0.0\",\"Time\":\"2025-01-02T03:04:05Z\"}".getBytes(StandardCharsets.UTF_8),
                            ref + "v1.0.0.zip", zip,
                            TOOLCHAIN, "v0.0.1-go1.21.0.linux-amd64\n".getBytes(StandardCharsets.UTF_8));
                    serve(exchange, files.get(rest), 0);
                }
                case "rel-good" -> ranged(exchange, rest.equals("/" + NEWEST) ? archive : rest.equals("/" + PREVIOUS) ? previousArchive : null);
                case "rel-stale" -> ranged(exchange, rest.equals("/" + PREVIOUS) ? previousArchive : null);
                case "rel-short" -> ranged(exchange, rest.equals("/" + NEWEST) ? java.util.Arrays.copyOf(archive, archive.length - 100) : null);
                case "rel-html" -> send(exchange, 200, "text/html", "<html>mirror maintenance</html>".getBytes(StandardCharsets.UTF_8), 0);
                default -> send(exchange, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8), 0);
            }
        }
    }

    private static void serve(HttpExchange exchange, byte[] body, int chunkPauseMillis) throws IOException {
        if (body == null) {
            send(exchange, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8), 0);
        } else {
            send(exchange, 200, "application/octet-stream", body, chunkPauseMillis);
        }
    }

    private static void ranged(HttpExchange exchange, byte[] body) throws IOException {
        if (body == null) {
            send(exchange, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8), 0);
            return;
        }
        Matcher m = RANGE.matcher(exchange.getRequestHeaders().getFirst("Range") == null ? "" : exchange.getRequestHeaders().getFirst("Range"));
        if (!m.matches()) {
            send(exchange, 200, "application/gzip", body, 0);
            return;
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2).isEmpty() ? body.length - 1 : Math.min(body.length - 1, Integer.parseInt(m.group(2)));
        exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + body.length);
        exchange.getResponseHeaders().set("Content-Type", "application/gzip");
        exchange.sendResponseHeaders(206, to - from + 1);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body, from, to - from + 1);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, int chunkPauseMillis) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (chunkPauseMillis == 0) {
                out.write(body);
                return;
            }
            for (int off = 0; off < body.length; off += 8192) {
                out.write(body, off, Math.min(8192, body.length - off));
                out.flush();
                sleep(chunkPauseMillis);
            }
        } catch (IOException e) {
            // the client read its sample and hung up
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        goodDb.close();
        staleDb.close();
        wrongKeyDb.close();
    }
}
