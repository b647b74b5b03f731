package dev.goferry.proxy.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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

    /** Records one finished request. */
    public void request(String endpoint, int status, long bytes, long nanos, String cache) {
        // Meters are looked up by a plain string key first: registering (building an Id) on every
        // request costs more than serving a small cached file.
        timers.computeIfAbsent(endpoint + ' ' + status, k -> Timer.builder("goferry_requests")
                .description("requests by endpoint and status")
                .tags("endpoint", endpoint, "status", String.valueOf(status)).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        counters.computeIfAbsent(endpoint, k -> Counter.builder("goferry_served_bytes").description("response body bytes written")
                .tags("endpoint", endpoint).register(registry)).increment(bytes);
        if (!cache.isEmpty()) {
            counters.computeIfAbsent(endpoint + ' ' + cache, k -> Counter.builder("goferry_cache_results")
                    .description("protocol answers by cache result (HIT, MISS, STALE, UNSTORED)")
                    .tags("endpoint", endpoint, "result", cache).register(registry)).increment();
        }
    }

    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

    /** Records one upstream attempt: {@code outcome} is fetched, not_found or failed. */
    public void upstream(String upstream, String outcome, long nanos) {
        Timer.builder("goferry_upstream_fetches").description("upstream fetches by upstream and outcome")
                .tags("upstream", upstream, "outcome", outcome).register(registry).record(Duration.ofNanos(nanos));
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
