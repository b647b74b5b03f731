package dev.goferry.proxy.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The server's Prometheus metrics (Micrometer): requests by endpoint and status, bytes served,
 * cache results, upstream latency and errors, single-flight waiters, refused objects. Label
 * values come from small fixed sets (endpoint names, status codes, configured upstreams), never
 * from request paths, so the series count stays bounded whatever clients send.
 */
public final class ServeMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** Registers the gauge of callers waiting for another caller's fetch. */
    public void waiters(IntSupplier waiting) {
        Gauge.builder("goferry_singleflight_waiters", waiting::getAsInt)
                .description("requests waiting for a fetch another request started").register(registry);
    }

    /**
     * Records one finished request. Called for every request, so it costs a few map reads and
     * {@link LongAdder} additions: the meters are function meters over adders, created once per
     * endpoint, status and cache result (a Micrometer {@code Timer} per request, with its
     * decaying maximum, cost more than serving a held object).
     */
    public void request(String endpoint, int status, long bytes, long nanos, String cache) {
        EndpointMeters m = endpoints.computeIfAbsent(endpoint, EndpointMeters::new);
        RequestMeter r = m.byStatus.computeIfAbsent(status, s -> new RequestMeter(endpoint, s));
        r.count.increment();
        r.nanos.add(nanos);
        m.bytes.add(bytes);
        if (!cache.isEmpty()) {
            m.results.computeIfAbsent(cache, c -> {
                LongAdder n = new LongAdder();
                FunctionCounter.builder("goferry_cache_results", n, LongAdder::doubleValue)
                        .description("protocol answers by cache result (HIT, MISS, STALE, UNSTORED)")
                        .tags("endpoint", endpoint, "result", c).register(registry);
                return n;
            }).increment();
        }
    }

    private final ConcurrentHashMap<String, EndpointMeters> endpoints = new ConcurrentHashMap<>();

    /** The meters of one endpoint. */
    private final class EndpointMeters {
        final ConcurrentHashMap<Integer, RequestMeter> byStatus = new ConcurrentHashMap<>();
        final ConcurrentHashMap<String, LongAdder> results = new ConcurrentHashMap<>();
        final LongAdder bytes = new LongAdder();

        EndpointMeters(String endpoint) {
            FunctionCounter.builder("goferry_served_bytes", bytes, LongAdder::doubleValue)
                    .description("response body bytes written").tags("endpoint", endpoint).register(registry);
        }
    }

    /** Count and total time of the requests of one endpoint and status. */
    private final class RequestMeter {
        final LongAdder count = new LongAdder();
        final LongAdder nanos = new LongAdder();

        RequestMeter(String endpoint, int status) {
            FunctionTimer.builder("goferry_requests", this, r -> r.count.sum(), r -> r.nanos.sum(), TimeUnit.NANOSECONDS)
                    .description("requests by endpoint and status")
                    .tags("endpoint", endpoint, "status", String.valueOf(status)).register(registry);
        }
    }

    /** Records one upstream attempt: {@code outcome} is fetched, not_found or failed. */
    public void upstream(String upstream, String outcome, long nanos) {
        Timer.builder("goferry_upstream_fetches").description("upstream fetches by upstream and outcome")
                .tags("upstream", upstream, "outcome", outcome).register(registry).record(Duration.ofNanos(nanos));
    }

    private final LongAdder sentFromFiles = new LongAdder();

    {
        FunctionCounter.builder("goferry_sendfile_bytes", sentFromFiles, LongAdder::doubleValue)
                .description("response body bytes sent from their file with sendfile (plain HTTP/1.1)").register(registry);
    }

    /** Records {@code bytes} of a response body sent from its file with sendfile. */
    public void sentFromFile(long bytes) {
        sentFromFiles.add(bytes);
    }

    /** Records an object refused by verification. */
    public void refused() {
        Counter.builder("goferry_verification_failures").description("fetched objects refused before storing")
                .register(registry).increment();
    }

    /** {@return the metrics in the Prometheus text format} */
    public String scrape() {
        return registry.scrape();
    }
}
