package dev.goferry.proxy.server;

import dev.goferry.proxy.cache.LocalSingleFlight;
import dev.goferry.proxy.cache.ModuleCache;
import dev.goferry.proxy.cache.RulesVerifier;
import dev.goferry.proxy.cache.Verifier;
import dev.goferry.proxy.config.ServeConfig;
import dev.goferry.proxy.config.ServeConfigLoader;
import dev.goferry.proxy.metrics.ServeMetrics;
import dev.goferry.proxy.storage.DiskStorage;
import dev.goferry.proxy.sumdb.SumDbEntry;
import dev.goferry.proxy.sumdb.SumDbHandler;
import dev.goferry.proxy.sumdb.SumDbRemote;
import dev.goferry.proxy.sumdb.SumDbVerifier;
import dev.goferry.proxy.upstream.UpstreamPlan;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A running {@code goferry serve}: Jetty on virtual threads (a request waiting for an upstream
 * costs no platform thread), the handler chain graceful → access log → metrics → health → GOPROXY.
 * {@link #close()} stops taking new connections and lets in-flight requests finish within the
 * configured grace; nothing is half-written because every store is an atomic rename.
 */
public final class ProxyServer implements AutoCloseable {

    static {
        // Jetty logs through SLF4J; without a provider SLF4J prints a warning to standard error on
        // first use. goferry writes its own access and security logs, so choose SLF4J's no-op
        // provider explicitly unless the embedder chose one.
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN"); // not even "loading the provider you chose"
            }
        }
    }

    /** Where log lines go. */
    public record Logs(Consumer<String> access, Consumer<String> security) {
        public static final Logs NONE = new Logs(l -> { }, l -> { });
    }

    private final Server server;
    private final ServerConnector connector;
    private final ModuleCache cache;
    private final DiskStorage storage;
    private final UpstreamPlan plan;
    private final Optional<HttpClient> ownClient;
    private final int sweptPartials;
    private final AtomicBoolean ready = new AtomicBoolean();

    private ProxyServer(Server server, ServerConnector connector, ModuleCache cache, DiskStorage storage,
                        UpstreamPlan plan, Optional<HttpClient> ownClient, int sweptPartials) {
        this.ownClient = ownClient;
        this.server = server;
        this.connector = connector;
        this.cache = cache;
        this.storage = storage;
        this.plan = plan;
        this.sweptPartials = sweptPartials;
    }

    /** Starts a server with the default verifier (module zip rules only). */
    public static ProxyServer start(ServeConfig config, Map<String, String> env, Logs logs) throws Exception {
        return start(config, env, logs, new RulesVerifier());
    }

    /**
     * Starts a server. When checksum databases are configured, the first one also verifies every
     * fetched .mod and .zip after {@code verifier} said it may be stored.
     *
     * @param env the environment HTTP proxy settings are read from
     * @param verifier the check run on every fetched object before it is stored
     */
    public static ProxyServer start(ServeConfig config, Map<String, String> env, Logs logs, Verifier verifier)
            throws Exception {
        DiskStorage storage = new DiskStorage(config.data());
        int swept = storage.sweepPartials();
        UpstreamPlan plan = config.offline() ? UpstreamPlan.none()
                : UpstreamPlan.of(config.upstream(), env, config.upstreamTimeout(), config.upstreamRetries(),
                        config.upstreamBackoff());
        List<SumDbEntry> entries = SumDbEntry.parseList(config.sumdb());
        // The databases are reached like the upstreams (same HTTP proxy rules, same client when
        // there is one); in offline mode only stored full tiles are served.
        Optional<HttpClient> ownClient = config.offline() || entries.isEmpty() || plan.client().isPresent() ? Optional.empty()
                : Optional.of(UpstreamPlan.httpClient(env, config.upstreamTimeout()));
        Optional<HttpClient> sumdbClient = plan.client().or(() -> ownClient);
        List<SumDbRemote> databases = new ArrayList<>();
        for (SumDbEntry entry : entries) {
            databases.add(new SumDbRemote(entry, sumdbClient, storage, config.upstreamTimeout()));
        }
        Verifier checks = databases.isEmpty() ? verifier : verifier.andThen(
                SumDbVerifier.open(databases.get(0), config.sumdbPrivate(), config.sumdbAllowUnknown(), storage));
        ServeMetrics metrics = new ServeMetrics();
        ModuleCache cache = new ModuleCache(storage, plan.upstreams().withListener(
                (upstream, outcome, nanos) -> metrics.upstream(ServeConfigLoader.mask(upstream), outcome, nanos)), checks,
                new LocalSingleFlight(),
                new ModuleCache.Policy(config.ttl(), config.negativeTtl(), config.maxFetches(), config.maxBodyBytes()),
                Clock.systemUTC(), System::nanoTime, line -> {
                    metrics.refused();
                    logs.security().accept(line);
                });
        metrics.waiters(cache.flights()::waiting);

        // Platform threads run Jetty's selectors and non-blocking work; request handling (which may
        // block on disk or wait for an upstream) runs on virtual threads.
        // The handler chain is non-blocking (held objects are answered on the selector thread) and
        // hands blocking work to virtual threads itself; with the access log on, Jetty hands every
        // request to a virtual thread.
        ExecutorService virtualThreads = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("goferry-request-", 0).factory());
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("goferry-serve");
        threads.setVirtualThreadsExecutor(virtualThreads);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // One selector per core: answering a held object on the selector thread uses every core.
        int cores = Runtime.getRuntime().availableProcessors();
        // Its plain HTTP/1.1 connections can send a stored file's bytes with sendfile.
        ServerConnector connector = new SendfileConnector(server, 1, cores, metrics::sentFromFile,
                new HttpConnectionFactory(http));
        connector.setHost(config.host().isEmpty() ? null : config.host());
        connector.setPort(config.port());
        server.addConnector(connector);
        server.setStopTimeout(config.shutdownGrace().toMillis());
        server.setStopAtShutdown(false);

        ProxyServer proxy = new ProxyServer(server, connector, cache, storage, plan, ownClient, swept);
        Handler routes = new Handler.Sequence(new HealthHandler(proxy::isReady),
                new Offload(new SumDbHandler(databases), path -> path.startsWith("/sumdb/"), virtualThreads),
                new GoProxyHandler(cache, HotObjects.standard(), virtualThreads));
        Handler measured = new MetricsHandler(routes, metrics, virtualThreads);
        Handler logged = config.accessLog() ? new AccessLog(measured, logs.access(), Clock.systemUTC()) : measured;
        server.setHandler(new GracefulHandler(logged));
        server.start();
        proxy.ready.set(true);
        return proxy;
    }

    private boolean isReady() {
        return ready.get() && Files.isWritable(storage.root());
    }

    /** {@return the port actually bound (useful with port 0)} */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@return the base URL, e.g. {@code http://127.0.0.1:3000}} */
    public URI uri() {
        String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    /** {@return the cache, e.g. for its single-flight waiter count} */
    public ModuleCache cache() {
        return cache;
    }

    /** {@return the data folder} */
    public DiskStorage storage() {
        return storage;
    }

    /** {@return upstream entries the server cannot use (direct, off), as configured} */
    public List<String> ignoredUpstreams() {
        return plan.ignored();
    }

    /** {@return how many partial files a previous run left and start-up removed} */
    public int sweptPartials() {
        return sweptPartials;
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops gracefully: no new requests, in-flight ones finish within the grace. */
    @Override
    public void close() throws Exception {
        ready.set(false);
        try {
            server.stop();
        } finally {
            plan.close();
            ownClient.ifPresent(HttpClient::shutdownNow);
        }
    }
}
