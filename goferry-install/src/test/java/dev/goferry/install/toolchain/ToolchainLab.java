package dev.goferry.install.toolchain;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.goferry.gomod.dirhash.Dirhash;
import dev.goferry.gomod.sumdb.MemoryLog;
import dev.goferry.gomod.sumdb.SumDbServer;
import dev.goferry.gomod.sumdb.note.Keys;
import dev.goferry.gomod.sumdb.note.NoteException;
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
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A loopback toolchain-module lab: a GOPROXY serving {@code golang.org/toolchain}
 * {@value #MODULE_VERSION} (the Debian Go 1.19.8 tree repacked as cmd/distpack packs the module
 * form) and a checksum database ({@link TestSumDb} over goferry-gomod's {@link MemoryLog}) that
 * may or may not hold its record. The proxy can also serve the database below
 * {@code /sumdb/<name>/} (the way proxy.golang.org serves sum.golang.org).
 */
public final class ToolchainLab implements AutoCloseable {

    public static final Path DEBIAN_GO = Path.of("/usr/lib/go-1.19");
    public static final String GO_VERSION = "go1.19.8";
    public static final String MODULE_VERSION = "v0.0.1-go1.19.8.linux-amd64";
    public static final String DB_NAME = "sum.golang.test";
    public static final byte[] GO_MOD = "module golang.org/toolchain\n".getBytes(StandardCharsets.UTF_8);

    /** Versions the proxy lists besides the real one (no files behind them): neighbours for resolution. */
    public static final List<String> LISTED = List.of(MODULE_VERSION, "v0.0.1-go1.19.7.linux-amd64",
            "v0.0.1-go1.20.3.linux-amd64", "v0.0.1-go1.19.8.darwin-arm64", "v0.0.1-go1.21rc2.linux-amd64");

    private static byte[] real;

    /**
     * {@return the module zip: the few files {@code go version} and the execute-bit rules need,
     * under {@code golang.org/toolchain@<v>/}, with nested go.mod files renamed _go.mod as distpack does}
     */
    public static synchronized byte[] realZip() {
        if (real == null) {
            try {
                Map<String, byte[]> files = new LinkedHashMap<>();
                files.put("VERSION", Files.readAllBytes(DEBIAN_GO.resolve("VERSION")));
                files.put("bin/go", Files.readAllBytes(DEBIAN_GO.resolve("bin/go")));
                files.put("bin/gofmt", Files.readAllBytes(DEBIAN_GO.resolve("bin/gofmt")));
                files.put("lib/wasm/go_js_wasm_exec", Files.readAllBytes(DEBIAN_GO.resolve("misc/wasm/go_js_wasm_exec")));
                files.put("lib/wasm/wasm_exec.js", Files.readAllBytes(DEBIAN_GO.resolve("misc/wasm/wasm_exec.js")));
                files.put("pkg/tool/linux_amd64/pack", Files.readAllBytes(DEBIAN_GO.resolve("pkg/tool/linux_amd64/pack")));
                files.put("src/_go.mod", Files.readAllBytes(DEBIAN_GO.resolve("src/go.mod")));
                files.put("src/cmd/_go.mod", Files.readAllBytes(DEBIAN_GO.resolve("src/cmd/go.mod")));
                files.put("src/make.bash", Files.readAllBytes(DEBIAN_GO.resolve("src/make.bash")));
                real = zip(MODULE_VERSION, files);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return real;
    }

    /** {@return the real zip with one file's content changed: a valid module zip with another h1} */
    public static byte[] tamperedZip() {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(realZip()))) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            String prefix = "golang.org/toolchain@" + MODULE_VERSION + "/";
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.put(e.getName().substring(prefix.length()), in.readAllBytes());
            }
            files.put("src/make.bash", "#!/bin/sh\necho owned\n".getBytes(StandardCharsets.UTF_8));
            return zip(MODULE_VERSION, files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@return the real zip with one byte in every 32 KiB of its entries' data changed}: the same
     * size, so it passes for the same file, and any piece of it holds a wrong byte (the central
     * directory at the end is left alone: the names stay the module's)
     */
    public static byte[] corruptedZip() {
        byte[] zip = realZip().clone();
        for (int i = 4096; i < zip.length * 4 / 5; i += 32 * 1024) {
            zip[i] ^= 0x5a;
        }
        return zip;
    }

    /**
     * {@return the real zip with one entry renamed out of {@code golang.org/toolchain@<v>/}} (its
     * first letter upper-cased, in the local header and the central directory): the same size and
     * file contents, so only the names tell it from the real one
     */
    public static byte[] foreignFileZip() {
        byte[] zip = realZip().clone();
        byte[] name = ("golang.org/toolchain@" + MODULE_VERSION + "/src/make.bash").getBytes(StandardCharsets.UTF_8);
        int renamed = 0;
        for (int i = 0; i + name.length <= zip.length; i++) {
            if (java.util.Arrays.equals(zip, i, i + name.length, name, 0, name.length)) {
                zip[i] = 'G';
                renamed++;
            }
        }
        if (renamed != 2) {
            throw new IllegalStateException("src/make.bash named " + renamed + " times in the zip, not 2");
        }
        return zip;
    }

    /** Writes a module zip of these files under {@code golang.org/toolchain@version/}. */
    public static byte[] zip(String version, Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_SPEED);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry("golang.org/toolchain@" + version + "/" + f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** {@return the h1 of a zip held in memory, as go.sum records it} */
    public static String h1(byte[] zip) {
        try {
            Path tmp = Files.createTempFile("goferry-toolchain", ".zip");
            try {
                Files.write(tmp, zip);
                return Dirhash.hashZip(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final HttpServer proxy;
    private final ExecutorService executor;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final MemoryLog log;
    private final Keys.KeyStrings key;
    private final TestSumDb db;
    private volatile boolean servesSumdb;
    private final java.util.concurrent.atomic.AtomicBoolean cutNextZip = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean ignoresRanges;

    /** Starts the proxy (serving {@code zip} as the real version's zip) and an empty checksum database. */
    public ToolchainLab(byte[] zip) throws IOException, NoteException {
        this(zip, Keys.generate(DB_NAME, new SecureRandom()));
    }

    /** Like {@link #ToolchainLab(byte[])}, signing with {@code key} (two labs with one key: a database and its fork). */
    public ToolchainLab(byte[] zip, Keys.KeyStrings key) throws IOException, NoteException {
        this.key = key;
        log = new MemoryLog(key.signerKey());
        db = TestSumDb.start("", new SumDbServer(log)::write);
        String dir = "/golang.org/toolchain/@v/";
        files.put(dir + "list", String.join("\n", LISTED).concat("\n").getBytes(StandardCharsets.UTF_8));
        files.put(dir + MODULE_VERSION + ".info", ("{\"Version\":\"" + MODULE_VERSION + "\",\"Time\":\"2023-04-04T17:31:45Z\"}\n")
                .getBytes(StandardCharsets.UTF_8));
        files.put(dir + MODULE_VERSION + ".mod", GO_MOD);
        files.put(dir + MODULE_VERSION + ".zip", zip);
        executor = Executors.newFixedThreadPool(4);
        proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        proxy.setExecutor(executor);
        proxy.createContext("/", this::handle);
        proxy.start();
    }

    /** Adds the true record of the real zip (whatever the proxy serves) to the database. */
    public ToolchainLab withTrueRecord() {
        log.add(new MemoryLog.Entry("golang.org/toolchain", MODULE_VERSION, h1(realZip()), Dirhash.hashGoMod(GO_MOD)));
        return this;
    }

    /** Adds a record of another version only, so the database is not empty but does not know ours. */
    public ToolchainLab withOtherRecord() {
        return withRecordOf("v0.0.1-go1.19.7.linux-amd64");
    }

    /** Adds a record for another module version (with the real zip's hashes). */
    public ToolchainLab withRecordOf(String moduleVersion) {
        log.add(new MemoryLog.Entry("golang.org/toolchain", moduleVersion, h1(realZip()), Dirhash.hashGoMod(GO_MOD)));
        return this;
    }

    /** Makes the proxy answer {@code /sumdb/<name>/supported} with 200 and serve the database below it. */
    public ToolchainLab servingSumdb() {
        servesSumdb = true;
        return this;
    }

    /**
     * Makes the next full zip answer announce the whole length, send 40% of it and close the
     * connection (a cut transfer); later requests, with or without Range, are served whole.
     */
    public ToolchainLab cuttingTheNextZip() {
        cutNextZip.set(true);
        return this;
    }

    /** Makes the proxy answer every zip request with the whole zip (200), Range or not, as servers without Range support do. */
    public ToolchainLab ignoringRanges() {
        ignoresRanges = true;
        return this;
    }

    /** {@return the GOPROXY URL} */
    public String goproxy() {
        return "http://127.0.0.1:" + proxy.getAddress().getPort();
    }

    /** {@return the database's key pair} */
    public Keys.KeyStrings key() {
        return key;
    }

    /** {@return GOSUMDB naming the database by URL} */
    public String gosumdbUrl() {
        return key.verifierKey() + " " + db.url();
    }

    /** {@return GOSUMDB with the key only: reached through the proxy's /sumdb/ (or https://name, never in these tests)} */
    public String gosumdbKeyOnly() {
        return key.verifierKey();
    }

    /** {@return a key of the same name that did not sign this database} */
    public static String otherKey() {
        return Keys.generate(DB_NAME, new SecureRandom()).verifierKey();
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** {@return the Range headers of the zip requests, "" for none, in order} */
    public List<String> zipRanges() {
        return List.copyOf(zipRanges);
    }

    private final List<String> zipRanges = new CopyOnWriteArrayList<>();

    public List<String> sumdbPaths() {
        return db.paths();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            String sumdb = "/sumdb/" + DB_NAME;
            byte[] body;
            int status;
            if (servesSumdb && path.equals(sumdb + "/supported")) {
                status = 200;
                body = new byte[0];
            } else if (servesSumdb && path.startsWith(sumdb + "/")) {
                SumDbServer.Reply r = new SumDbServer(log).serve(path.substring(sumdb.length()));
                status = r.status();
                body = r.body();
            } else if (files.containsKey(path)) {
                status = 200;
                body = files.get(path);
            } else {
                status = 404;
                body = "not found\n".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", path.endsWith(".zip") ? "application/zip" : "text/plain; charset=utf-8");
            if (status == 200 && path.endsWith(".zip")) {
                String range = exchange.getRequestHeaders().getFirst("Range");
                zipRanges.add(range == null ? "" : range);
                java.util.regex.Matcher m = range == null ? null : java.util.regex.Pattern.compile("bytes=(\\d+)-(\\d*)").matcher(range);
                if (m != null && m.matches() && !ignoresRanges) {
                    int from = Integer.parseInt(m.group(1));
                    int to = m.group(2).isEmpty() ? body.length - 1 : Math.min(body.length - 1, Integer.parseInt(m.group(2)));
                    exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + body.length);
                    exchange.sendResponseHeaders(206, to - from + 1);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body, from, to - from + 1);
                    }
                    return;
                }
                if (cutNextZip.compareAndSet(true, false)) {
                    exchange.sendResponseHeaders(200, body.length);
                    OutputStream out = exchange.getResponseBody();
                    out.write(body, 0, body.length * 2 / 5);
                    out.flush();
                    return; // closing the exchange without the rest cuts the connection
                }
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        proxy.stop(0);
        executor.shutdownNow();
        db.close();
    }
}
