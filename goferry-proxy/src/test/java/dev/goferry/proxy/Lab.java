package dev.goferry.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goferry.gomod.conformance.GoferryCodec;
import dev.goferry.proxy.config.ServeConfig;
import dev.goferry.proxy.config.ServeConfigLoader;
import dev.goferry.proxy.server.ProxyServer;
import dev.goferry.testkit.ModCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Shared fixtures for goferry-proxy tests: servers on loopback, the corpus codec, go's JSON. */
public final class Lab {

    private Lab() {}

    /** goferry's own module semantics as the corpus codec (shared with goferry-gomod's corpus tests). */
    public static final ModCorpus.Codec CODEC = GoferryCodec.INSTANCE;

    /** A server's config: loopback, an ephemeral port, short timeouts, no retries, no checksum database unless set. */
    public static ServeConfig config(Path data, String upstream, Map<String, String> overrides) {
        Map<String, String> flags = new HashMap<>();
        flags.put("listen", "127.0.0.1:0");
        flags.put("data", data.toString());
        flags.put("upstream", upstream);
        flags.put("upstreamTimeout", "10s");
        flags.put("upstreamRetries", "0");
        flags.put("upstreamBackoff", "10ms");
        flags.put("shutdownGrace", "5s");
        flags.put("sumdb", "off"); // tests that verify name their own loopback database
        flags.putAll(overrides);
        try {
            return ServeConfigLoader.build(ServeConfigLoader.layer(Optional.empty(), Map.of(), flags));
        } catch (ServeConfigLoader.ConfigException e) {
            throw new AssertionError(e);
        }
    }

    /** A running server and the access log lines it wrote. */
    public record Running(ProxyServer server, ConcurrentLinkedQueue<String> access, ConcurrentLinkedQueue<String> security)
            implements AutoCloseable {
        public String url() {
            return server.uri().toString();
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    /** Starts goferry with {@code upstream}; the environment has no proxy variables. */
    public static Running start(Path data, String upstream, Map<String, String> overrides) throws Exception {
        return start(data, upstream, overrides, Map.of());
    }

    /** Starts goferry with {@code upstream}, reading HTTP proxy variables from {@code env}. */
    public static Running start(Path data, String upstream, Map<String, String> overrides, Map<String, String> env)
            throws Exception {
        ConcurrentLinkedQueue<String> access = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> security = new ConcurrentLinkedQueue<>();
        ProxyServer s = ProxyServer.start(config(data, upstream, overrides), env,
                new ProxyServer.Logs(access::add, security::add));
        return new Running(s, access, security);
    }

    /** A loopback client that never uses a proxy. */
    public static final HttpClient CLIENTX = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .proxy(HttpClient.Builder.NO_PROXY).build();

    /** GETs {@code base + rawPath} (sent as is). */
    public static HttpResponse<byte[]> get(String base, String rawPath) {
        return send(base, rawPath, "GET");
    }

    /**
     * GETs {@code base + rawPath} on a new connection (a fresh client, closed after): a probe that
     * must see whether the server still accepts connections, which a pooled keep-alive connection
     * would hide. A connection the kernel queues but nobody accepts (a closed acceptor under gVisor)
     * counts as not served after two seconds.
     */
    public static HttpResponse<byte[]> getOnNewConnection(String base, String rawPath) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .proxy(HttpClient.Builder.NO_PROXY).build()) {
            return client.send(HttpRequest.newBuilder(URI.create(base + rawPath)).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sends {@code method base + rawPath}. */
    public static HttpResponse<byte[]> send(String base, String rawPath, String method) {
        try {
            return CLIENTX.send(HttpRequest.newBuilder(URI.create(base + rawPath)).timeout(Duration.ofSeconds(30))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Parses the concatenated JSON objects {@code go mod download -json} prints. */
    public static List<JsonNode> jsonStream(String text) {
        List<JsonNode> out = new ArrayList<>();
        try (MappingIterator<JsonNode> it = new ObjectMapper().readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNext()) {
                out.add(it.next());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
