package dev.goferry.install.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback release-mirror lab: one HTTP server on 127.0.0.1 playing several mirrors under path
 * prefixes, each with a {@link Behavior}, serving one file (with Range support, like nginx) and the
 * JSON index at {@code /index.json}. Every request is logged with its Range header, so a test sees
 * exactly what a resume asked for.
 */
public final class MirrorLab implements AutoCloseable {

    /** How a mirror prefix answers a request for the file. */
    public enum Behavior {
        /** The true bytes, honouring Range (206 + Content-Range). */
        GOOD,
        /** Same size, one byte flipped. */
        CORRUPT,
        /** 200 text/html: a portal page instead of the archive. */
        HTML,
        /** 200, chunked, with no Content-Type nor length, but an HTML body (only magic bytes can catch it). */
        HTML_UNTYPED,
        /** The true bytes up to {@link #cutAt()} then the connection is dropped; from there on, dropped at once. */
        CUT,
        /** The true bytes up to {@link #cutAt()}, then silence (the client's stall detection must fire). */
        STALL,
        /** 404. */
        MISSING
    }

    /** One logged request. */
    public record Request(String mirror, String path, Optional<String> range) {}

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Behavior> mirrors = new ConcurrentHashMap<>();
    private final List<Request> log = new CopyOnWriteArrayList<>();
    private final String filename;
    private final byte[] file;
    private final byte[] corrupt;
    private final byte[] index;
    private final int cutAt;

    public MirrorLab(String filename, byte[] file, String indexJson) throws IOException {
        this.filename = filename;
        this.file = file;
        this.corrupt = TestArchives.corrupted(file);
        this.index = indexJson.getBytes(StandardCharsets.UTF_8);
        this.cutAt = file.length * 2 / 5;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Adds a mirror at /{name}/ with this behaviour; returns its base URL. */
    public String mirror(String name, Behavior behavior) {
        mirrors.put(name, behavior);
        return url(name + "/");
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    public String indexUrl() {
        return url("index.json");
    }

    /** {@return the byte offset where CUT and STALL mirrors stop sending} */
    public int cutAt() {
        return cutAt;
    }

    /** {@return the requests so far, in arrival order} */
    public List<Request> requests() {
        return List.copyOf(log);
    }

    /** {@return the requests one mirror received for the file} */
    public List<Request> requests(String mirror) {
        return log.stream().filter(r -> r.mirror().equals(mirror)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Optional<String> range = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Range"));
            String[] parts = path.substring(1).split("/", 2);
            log.add(new Request(parts.length == 2 ? parts[0] : "", path, range));
            if (path.equals("/index.json")) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                send(exchange, 200, index, 0);
                return;
            }
            Behavior behavior = parts.length == 2 ? mirrors.get(parts[0]) : null;
            if (behavior == null || behavior == Behavior.MISSING || !parts[1].equals(filename)) {
                send(exchange, 404, "404 page not found\n".getBytes(StandardCharsets.UTF_8), 0);
                return;
            }
            switch (behavior) {
                case HTML, HTML_UNTYPED -> {
                    byte[] page = "<!DOCTYPE html><html><body>Please log in to the portal</body></html>\n"
                            .getBytes(StandardCharsets.UTF_8);
                    if (behavior == Behavior.HTML) {
                        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                        send(exchange, 200, page, 0);
                    } else {
                        exchange.sendResponseHeaders(200, 0);
                        exchange.getResponseBody().write(page);
                    }
                }
                case GOOD, CORRUPT -> ranged(exchange, behavior == Behavior.GOOD ? file : corrupt, range, file.length);
                case CUT, STALL -> {
                    boolean cutShort = ranged(exchange, file, range, cutAt);
                    if (behavior == Behavior.STALL && cutShort) {
                        sleep(30_000);  // only a response that promised more stalls: a whole one frees its connection
                    }
                    // Dropping the connection: the response promised more bytes than it sent.
                    throw new IOException("lab: connection cut at byte " + cutAt);
                }
                default -> throw new IllegalStateException(behavior.toString());
            }
        }
    }

    /**
     * Answers like nginx: 206 for "bytes=N-" and "bytes=N-M", else 200; sends the body up to {@code until}.
     *
     * @return whether fewer bytes were sent than the response announced
     */
    private boolean ranged(HttpExchange exchange, byte[] body, Optional<String> range, long until) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        long start = 0;
        Optional<Matcher> m = range.map(RANGE::matcher).filter(Matcher::matches);
        if (m.isPresent()) {
            start = Long.parseLong(m.get().group(1));
            if (start >= body.length) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + body.length);
                exchange.sendResponseHeaders(416, -1);
                return false;
            }
            long last = m.get().group(2).isEmpty() ? body.length - 1 : Math.min(body.length - 1, Long.parseLong(m.get().group(2)));
            exchange.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + last + "/" + body.length);
            exchange.sendResponseHeaders(206, last - start + 1);
            until = Math.min(until, last + 1);
        } else {
            exchange.sendResponseHeaders(200, body.length);
        }
        OutputStream out = exchange.getResponseBody();
        long end = Math.min(body.length, Math.max(start, until));
        out.write(body, (int) start, (int) (end - start));
        out.flush();
        long announced = m.isPresent() ? Math.min(body.length - 1, m.get().group(2).isEmpty() ? body.length - 1
                : Long.parseLong(m.get().group(2))) + 1 : body.length;
        return end < announced;
    }

    private static void send(HttpExchange exchange, int status, byte[] body, int unused) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
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
    }
}
