package dev.goferry.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback GOPROXY lab: one HTTP server on 127.0.0.1 (ephemeral port) that plays several
 * scripted proxies under path prefixes ({@code /404/}, {@code /ok/}, …) and records every request
 * it receives, so a test can see exactly which URLs the real {@code go} command asked for and in
 * which order.
 *
 * <p>Each prefix has a {@link ProxyScript} for module requests and a {@link SumdbScript} for the
 * checksum-database endpoints a proxy may offer ({@code /sumdb/<name>/supported}, lookups, tiles).
 * Unknown prefixes answer 404. Usage:
 *
 * <pre>{@code
 * try (RecordingServer lab = RecordingServer.builder()
 *         .fixed("404", 404).serve("ok", store).start()) {
 *     env.put("GOPROXY", lab.url("404") + "," + lab.url("ok"));
 *     …
 *     lab.requests();   // in arrival order
 * }
 * }</pre>
 */
public final class RecordingServer implements AutoCloseable {

    /** What a prefix answers to module requests. */
    public sealed interface ProxyScript permits Fixed, Serve {}

    /** Always answers {@code status} with a {@code text/plain} {@code body}. */
    public record Fixed(int status, String body) implements ProxyScript {}

    /** Serves the modules of {@code store}; anything else is a 404 {@code not found}. */
    public record Serve(ModuleStore store) implements ProxyScript {}

    /**
     * What a prefix answers to checksum-database requests: {@code supported} for
     * {@code /sumdb/<name>/supported}, {@code lookup} for every other {@code /sumdb/<name>/…} path.
     * A non-200 status comes with a short {@code text/plain} body: the prefix's own body when it
     * is a {@link Fixed} script of the same status, else {@code sumdb scripted <status>}.
     */
    public record SumdbScript(int supported, int lookup) {
        /** {@return a proxy that does not offer the checksum database (404 everywhere)} */
        public static SumdbScript unsupported() {
            return new SumdbScript(404, 404);
        }
    }

    private record Prefix(ProxyScript script, SumdbScript sumdb) {}

    /**
     * A {@code <meta name="go-import">} answer for {@code ?go-get=1} requests whose host + path
     * starts with {@code importPrefix}: {@code content="importPrefix vcs repoRoot"}.
     */
    public record GoImport(String importPrefix, String vcs, String repoRoot) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Prefix> prefixes;
    private final List<GoImport> goImports;
    private final RequestLog log = new RequestLog();

    private RecordingServer(Map<String, Prefix> prefixes, List<GoImport> goImports, InetSocketAddress bind)
            throws IOException {
        this.prefixes = Map.copyOf(prefixes);
        this.goImports = List.copyOf(goImports);
        this.server = HttpServer.create(bind, 64);
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "recording-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@return a builder with no prefixes} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the port on 127.0.0.1} */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@return {@code http://<loopback address>:<port>}} */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    /** {@return the GOPROXY URL of one prefix, e.g. {@code http://127.0.0.1:<port>/404}} */
    public String url(String prefix) {
        return baseUrl() + "/" + prefix;
    }

    /** {@return every request recorded since the start or the last {@link #clear()}, in arrival order} */
    public List<RecordedRequest> requests() {
        return log.snapshot();
    }

    /** Forgets the recorded requests. */
    public void clear() {
        log.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readNBytes(1 << 16);
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (RecordedRequest.isProxyRelated(name) && !values.isEmpty()) {
                    headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(values.size() - 1));
                }
            });
            log.add(new RecordedRequest(RequestLog.nextSequence(), exchange.getRequestMethod(), path,
                    Optional.ofNullable(exchange.getRequestURI().getRawQuery()), headers));
            // Go percent-encodes the '!' of case-escaped paths (%21): record the wire form, serve the decoded one.
            answer(exchange, exchange.getRequestURI().getPath());
        }
    }

    private void answer(HttpExchange exchange, String path) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && List.of(query.split("&")).contains("go-get=1")) {
            answerGoGet(exchange, path);
            return;
        }
        int slash = path.indexOf('/', 1);
        Prefix prefix = slash < 0 ? null : prefixes.get(path.substring(1, slash));
        if (prefix == null) {
            send(exchange, 404, "no such prefix: " + path);
            return;
        }
        String rest = path.substring(slash + 1);
        if (rest.startsWith("sumdb/")) {
            int status = rest.endsWith("/supported") && rest.indexOf('/', "sumdb/".length()) == rest.lastIndexOf('/')
                    ? prefix.sumdb().supported() : prefix.sumdb().lookup();
            String body = prefix.script() instanceof Fixed f && f.status() == status ? f.body() : "sumdb scripted " + status;
            send(exchange, status, status == 200 ? "" : body);
            return;
        }
        switch (prefix.script()) {
            case Fixed f -> send(exchange, f.status(), f.body());
            case Serve s -> {
                Optional<byte[]> found = s.store().serve(rest);
                if (found.isPresent()) {
                    send(exchange, 200, found.get(), rest.endsWith(".zip") ? "application/zip" : "text/plain; charset=utf-8");
                } else {
                    send(exchange, 404, "not found: " + rest);
                }
            }
        }
    }

    /** Answers a go-get discovery request with the first matching {@link GoImport}, else 404. */
    private void answerGoGet(HttpExchange exchange, String path) throws IOException {
        String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host")).orElse("");
        String importPath = host.replaceFirst(":\\d+$", "") + path;
        for (GoImport gi : goImports) {
            if (importPath.equals(gi.importPrefix()) || importPath.startsWith(gi.importPrefix() + "/")) {
                send(exchange, 200, ("<!DOCTYPE html>\n<html><head><meta name=\"go-import\" content=\""
                        + gi.importPrefix() + " " + gi.vcs() + " " + gi.repoRoot() + "\"></head><body></body></html>\n")
                        .getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
                return;
            }
        }
        send(exchange, 404, "no go-import for " + importPath);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String contentType) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    /** Builds a {@link RecordingServer}; prefixes are single path segments. */
    public static final class Builder {
        private final Map<String, Prefix> prefixes = new LinkedHashMap<>();
        private final List<GoImport> goImports = new java.util.ArrayList<>();
        private InetSocketAddress bind = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

        private Builder() {}

        /**
         * Binds to {@code address:port} instead of 127.0.0.1 and an ephemeral port, e.g. port 80 of
         * another loopback address to play a go-get host (needs root for ports below 1024).
         */
        public Builder bind(String loopbackAddress, int port) {
            InetSocketAddress address = new InetSocketAddress(loopbackAddress, port);
            if (address.isUnresolved() || !address.getAddress().isLoopbackAddress()) {
                throw new IllegalArgumentException("bind address \"" + loopbackAddress + "\": not loopback");
            }
            this.bind = address;
            return this;
        }

        /** Answers {@code ?go-get=1} requests under {@code importPrefix} with a go-import meta tag. */
        public Builder goImport(String importPrefix, String vcs, String repoRoot) {
            goImports.add(new GoImport(importPrefix, vcs, repoRoot));
            return this;
        }

        /** Scripts {@code prefix} to answer {@code status} with body {@code "scripted <status>"}, sumdb included. */
        public Builder fixed(String prefix, int status) {
            return fixed(prefix, status, "scripted " + status);
        }

        /** Scripts {@code prefix} to answer {@code status} with {@code body}, sumdb included. */
        public Builder fixed(String prefix, int status, String body) {
            return add(prefix, new Fixed(status, body), new SumdbScript(status, status));
        }

        /** Scripts {@code prefix} to serve {@code store}, without a checksum database. */
        public Builder serve(String prefix, ModuleStore store) {
            return add(prefix, new Serve(store), SumdbScript.unsupported());
        }

        /** Scripts {@code prefix} to serve {@code store} and answer sumdb requests per {@code sumdb}. */
        public Builder serve(String prefix, ModuleStore store, SumdbScript sumdb) {
            return add(prefix, new Serve(store), sumdb);
        }

        /** Scripts {@code prefix} with any script pair. */
        public Builder add(String prefix, ProxyScript script, SumdbScript sumdb) {
            if (prefix.isEmpty() || prefix.contains("/")) {
                throw new IllegalArgumentException("prefix \"" + prefix + "\": must be one non-empty path segment");
            }
            prefixes.put(prefix, new Prefix(script, sumdb));
            return this;
        }

        /** Starts the server (by default on 127.0.0.1 and an ephemeral port). */
        public RecordingServer start() {
            try {
                return new RecordingServer(prefixes, goImports, bind);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot start the recording server on " + bind, e);
            }
        }
    }
}
