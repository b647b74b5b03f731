package dev.goferry.proxy.cache;

import dev.goferry.gomod.zip.ModuleZip;
import dev.goferry.proxy.request.ProxyRequest;
import dev.goferry.proxy.storage.Storage;
import dev.goferry.proxy.storage.StoredObject;
import dev.goferry.proxy.upstream.FetchOutcome;
import dev.goferry.proxy.upstream.Upstreams;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The caching policy: storage first, then the upstreams through single-flight, verification
 * before anything is stored.
 * <ul>
 *   <li>Immutable objects (a canonical version's .info, .mod, .zip) once stored are served forever.
 *   <li>Mutable ones (list, @latest, .info of a query) are refreshed after {@code ttl}; when every
 *       upstream fails the stored one is served stale (stale-if-error).
 *   <li>404/410 answers are remembered for {@code negativeTtl}.
 *   <li>In offline mode nothing is fetched: only stored objects are served, whatever their age.
 * </ul>
 */
public final class ModuleCache {

    /**
     * The knobs of the policy.
     *
     * @param ttl how long a stored list, @latest or query .info is fresh
     * @param negativeTtl how long a 404/410 is remembered
     * @param maxFetches how many upstream fetches may run at once
     * @param maxBodyBytes the cap on a fetched .info, .mod, list or @latest (zips: 500 MiB, Go's limit)
     */
    public record Policy(Duration ttl, Duration negativeTtl, int maxFetches, long maxBodyBytes) {
        public static final Policy DEFAULT = new Policy(Duration.ofMinutes(5), Duration.ofMinutes(1), 64, 16L << 20);
    }

    /** Unstored answers are held in memory; bigger ones are refused instead. */
    private static final long MAX_UNSTORED = 16L << 20;

    private final Storage storage;
    private final Upstreams upstreams;
    private final Verifier verifier;
    private final SingleFlight flights;
    private final Policy policy;
    private final NegativeCache negative;
    private final Semaphore fetchSlots;
    private final Clock clock;
    private final Consumer<String> securityLog;

    public ModuleCache(Storage storage, Upstreams upstreams, Verifier verifier, SingleFlight flights, Policy policy,
                       Clock clock, LongSupplier nanoClock, Consumer<String> securityLog) {
        this.storage = storage;
        this.upstreams = upstreams;
        this.verifier = verifier;
        this.flights = flights;
        this.policy = policy;
        this.negative = new NegativeCache(policy.negativeTtl(), nanoClock);
        this.fetchSlots = new Semaphore(policy.maxFetches());
        this.clock = clock;
        this.securityLog = securityLog;
    }

    /** Reports whether nothing is ever fetched. */
    public boolean offline() {
        return upstreams.isEmpty();
    }

    /** {@return the single-flight in use (for its waiter count)} */
    public SingleFlight flights() {
        return flights;
    }

    /** {@return the answer for {@code request}} */
    public Answer get(ProxyRequest request) throws Exception {
        Optional<StoredObject> stored = storage.get(request.key());
        if (stored.isPresent() && (offline() || usable(request, stored.get()))) {
            return new Answer.Stored(stored.get(), Answer.CacheStatus.HIT, Optional.empty());
        }
        if (offline()) {
            return new Answer.Missing(404, "not found: " + request.key() + " is not stored here (offline mode)");
        }
        if (stored.isEmpty()) {
            Optional<Answer.Missing> remembered = negative.get(request.key());
            if (remembered.isPresent()) {
                return remembered.get();
            }
        }
        return flights.run(request.key(), () -> fetch(request));
    }

    private boolean usable(ProxyRequest request, StoredObject object) {
        return request.immutable() || object.stored().plus(policy.ttl()).isAfter(clock.instant());
    }

    private Answer fetch(ProxyRequest request) throws Exception {
        // A run that finished just before this one began may have stored it already.
        Optional<StoredObject> stored = storage.get(request.key());
        if (stored.isPresent() && usable(request, stored.get())) {
            return new Answer.Stored(stored.get(), Answer.CacheStatus.HIT, Optional.empty());
        }
        long cap = request instanceof ProxyRequest.Zip ? ModuleZip.MAX_ZIP_FILE : policy.maxBodyBytes();
        FetchOutcome outcome;
        Verdict[] verdict = {Verdict.STORE};
        fetchSlots.acquire();
        try {
            outcome = upstreams.fetch(request.key(), () -> storage.scratch(request.key()), cap, fetched -> {
                verdict[0] = verifier.verify(request, fetched.body(), fetched.contentType());
                if (verdict[0] instanceof Verdict.Refuse r) {
                    securityLog.accept("refused " + request.key() + " from " + fetched.upstream() + ": " + r.reason());
                    return Optional.of(r.reason());
                }
                return Optional.empty();
            });
        } finally {
            fetchSlots.release();
        }
        return switch (outcome) {
            case FetchOutcome.Fetched f -> settle(request, f, verdict[0]);
            case FetchOutcome.NotFound n -> {
                Answer.Missing missing = new Answer.Missing(n.status(), n.message());
                negative.put(request.key(), missing);
                yield missing;
            }
            case FetchOutcome.Failed f -> stored.isPresent()
                    ? new Answer.Stored(stored.get(), Answer.CacheStatus.STALE, Optional.of(f.message()))
                    : new Answer.Failed(f.message());
        };
    }

    private Answer settle(ProxyRequest request, FetchOutcome.Fetched fetched, Verdict verdict) throws IOException {
        try {
            return switch (verdict) {
                case Verdict.Store s -> {
                    storage.put(request.key(), fetched.body());
                    yield storage.get(request.key())
                            .<Answer>map(o -> new Answer.Stored(o, Answer.CacheStatus.MISS, Optional.empty()))
                            .orElseGet(() -> new Answer.Failed("stored object vanished: " + request.key()));
                }
                case Verdict.PassUnstored p -> fetched.size() <= MAX_UNSTORED
                        ? new Answer.Unstored(Files.readAllBytes(fetched.body()), p.reason())
                        : new Answer.Failed(p.reason());
                case Verdict.Refuse r -> new Answer.Failed(r.reason()); // not reached: the chain turns refusals into errors
            };
        } finally {
            Files.deleteIfExists(fetched.body());
        }
    }
}
