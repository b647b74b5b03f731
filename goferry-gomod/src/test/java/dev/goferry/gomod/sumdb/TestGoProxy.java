package dev.goferry.gomod.sumdb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.goferry.gomod.module.Escaping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny loopback GOPROXY for the go-command tests: serves the added module versions and, when
 * given a checksum database, answers {@code /sumdb/<name>/supported} with 200 and forwards
 * {@code /sumdb/<name>/…} to it over HTTP, like a real proxy.
 */
final class TestGoProxy implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, TestModule> versions = new ConcurrentHashMap<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final Optional<String> sumdbName;
    private final Optional<URI> sumdbUrl;

    TestGoProxy(Optional<String> sumdbName, Optional<URI> sumdbUrl) {
        this.sumdbName = sumdbName;
        this.sumdbUrl = sumdbUrl;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static TestGoProxy plain() {
        return new TestGoProxy(Optional.empty(), Optional.empty());
    }

    static TestGoProxy forwardingSumdb(String name, URI sumdbBase) {
        return new TestGoProxy(Optional.of(name), Optional.of(sumdbBase));
    }

    void add(TestModule m) {
        versions.put(Escaping.escapePath(m.path()) + "/@v/" + Escaping.escapeVersion(m.version()), m);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<String> paths() {
        return List.copyOf(paths);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            paths.add(path);
            if (sumdbName.isPresent() && path.startsWith("/sumdb/" + sumdbName.get() + "/")) {
                String rest = path.substring(("/sumdb/" + sumdbName.get()).length());
                if (rest.equals("/supported")) {
                    ex.sendResponseHeaders(200, -1);
                    return;
                }
                forward(ex, URI.create(sumdbUrl.get() + rest));
                return;
            }
            String key = path.substring(1);
            int dot = key.lastIndexOf('.');
            TestModule m = dot < 0 ? null : versions.get(key.substring(0, dot));
            String ext = dot < 0 ? "" : key.substring(dot);
            byte[] body;
            String type;
            if (key.endsWith("/@v/list")) {
                String mod = key.substring(0, key.length() - "/@v/list".length());
                body = versions.entrySet().stream().filter(e -> e.getKey().startsWith(mod + "/@v/"))
                        .map(e -> e.getValue().version() + "\n").reduce("", String::concat).getBytes(StandardCharsets.UTF_8);
                type = "text/plain; charset=utf-8";
            } else if (m != null && ext.equals(".info")) {
                body = m.info().getBytes(StandardCharsets.UTF_8);
                type = "application/json";
            } else if (m != null && ext.equals(".mod")) {
                body = m.goMod();
                type = "text/plain; charset=utf-8";
            } else if (m != null && ext.equals(".zip")) {
                body = m.zip();
                type = "application/zip";
            } else {
                body = ("not found: " + path + "\n").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                ex.sendResponseHeaders(404, body.length);
                ex.getResponseBody().write(body);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            ex.getResponseBody().write(body);
        }
    }

    private static void forward(HttpExchange ex, URI target) throws IOException {
        HttpResponse<byte[]> r;
        try {
            r = HTTP.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        r.headers().firstValue("Content-Type").ifPresent(t -> ex.getResponseHeaders().set("Content-Type", t));
        byte[] body = r.body();
        ex.sendResponseHeaders(r.statusCode(), body.length == 0 ? -1 : body.length);
        ex.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
