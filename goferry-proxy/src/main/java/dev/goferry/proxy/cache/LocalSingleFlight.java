package dev.goferry.proxy.cache;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link SingleFlight} within one JVM. */
public final class LocalSingleFlight implements SingleFlight {

    private final ConcurrentHashMap<String, CompletableFuture<Object>> runs = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();

    @Override
    @SuppressWarnings("unchecked")
    public <T> T run(String key, Callable<T> work) throws Exception {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = runs.putIfAbsent(key, mine);
        if (running != null) {
            waiting.incrementAndGet();
            try {
                return (T) running.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
            } finally {
                waiting.decrementAndGet();
            }
        }
        try {
            T result = work.call();
            mine.complete(result);
            return result;
        } catch (Throwable t) {
            mine.completeExceptionally(t);
            throw t;
        } finally {
            runs.remove(key, mine);
        }
    }

    @Override
    public int waiting() {
        return waiting.get();
    }
}
