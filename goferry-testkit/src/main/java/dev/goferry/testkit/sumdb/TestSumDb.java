package dev.goferry.testkit.sumdb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A loopback HTTP checksum database for tests: serves {@code /latest}, {@code /lookup/…} and
 * {@code /tile/…} below an optional path prefix (e.g. {@code /sumdb/sum.golang.test}, the way a
 * GOPROXY serves a database) and records every request.
 *
 * <p>The answers come from a {@link Handler}; in practice goferry-gomod's
 * {@code dev.goferry.gomod.sumdb.SumDbServer::write} over a {@code MemoryLog} to which the test adds
 * records, so the server signs and tiles with goferry's own note and tlog code:
 * {@snippet :
 * MemoryLog log = new MemoryLog(keys.signerKey());
 * log.add(new MemoryLog.Entry("example.com/m", "v1.0.0", zipH1, modH1));
 * try (TestSumDb db = TestSumDb.start("", new SumDbServer(log)::write)) {
 *     env.put("GOSUMDB", db.gosumdb(keys.verifierKey()));
 * }
 * }
 * testkit cannot depend on goferry-gomod (gomod's own tests use testkit), hence the handler is a
 * JDK-typed functional interface that {@code SumDbServer::write} fits as a method reference.
 */
public final class TestSumDb implements AutoCloseable {

    /** Writes the answer for a path below the prefix. */
    @FunctionalInterface
    public interface Handler {

        /**
         * Answers a request.
         *
         * @param path the percent-decoded request path below the prefix, starting with "/"
         * @param contentType receives the Content-Type of the answer
         * @param body receives the response body
         * @return the HTTP status
         */
        int write(String path, Consumer<String> contentType, OutputStream body) throws IOException;
    }

    /** One request as the server saw it: the method and the percent-decoded full path. */
    public record Request(String method, String path) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String prefix;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private TestSumDb(HttpServer server, ExecutorService executor, String prefix) {
        this.server = server;
        this.executor = executor;
        this.prefix = prefix;
    }

    /**
     * Starts a server on 127.0.0.1 with an ephemeral port.
     *
     * @param prefix path prefix of the database ("" or e.g. "/sumdb/sum.golang.test", no trailing "/")
     */
    public static TestSumDb start(String prefix, Handler handler) {
        if (!prefix.isEmpty() && (!prefix.startsWith("/") || prefix.endsWith("/"))) {
            throw new IllegalArgumentException("prefix must be empty or start and not end with \"/\": \"" + prefix + "\"");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            ExecutorService executor = Executors.newFixedThreadPool(4);
            TestSumDb db = new TestSumDb(server, executor, prefix);
            server.createContext("/", exchange -> db.handle(exchange, handler));
            server.setExecutor(executor);
            server.start();
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(exchange.getRequestMethod(), path));
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            String[] type = {"text/plain; charset=utf-8"};
            int status;
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                status = 405;
                body.writeBytes("method not allowed\n".getBytes(StandardCharsets.UTF_8));
            } else if (!path.startsWith(prefix + "/")) {
                status = 404;
                body.writeBytes("404 page not found\n".getBytes(StandardCharsets.UTF_8));
            } else {
                try {
                    status = handler.write(path.substring(prefix.length()), t -> type[0] = t, body);
                } catch (RuntimeException e) {
                    status = 500;
                    body.reset();
                    body.writeBytes((e + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            exchange.getResponseHeaders().set("Content-Type", type[0]);
            byte[] bytes = body.toByteArray();
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
            if (!head) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    /** {@return the loopback port} */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@return the base URL of the database, e.g. {@code http://127.0.0.1:PORT/sumdb/sum.golang.test}} */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port() + prefix);
    }

    /** {@return a GOSUMDB value naming this server explicitly: {@code "<verifierKey> <url>"}} */
    public String gosumdb(String verifierKey) {
        return verifierKey + " " + url();
    }

    /** {@return the requests so far, oldest first} */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** {@return the paths requested so far, oldest first} */
    public List<String> paths() {
        return requests.stream().map(Request::path).toList();
    }

    /** Forgets the recorded requests. */
    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
