package dev.goferry.proxy.cache;

import java.util.concurrent.Callable;

/**
 * Collapses concurrent work on one key into one execution: the first caller runs it, callers
 * that arrive meanwhile wait and get the same result or the same failure. In one process this is
 * {@link LocalSingleFlight}; several instances on shared storage will use a distributed lock
 * (Redis) behind the same interface.
 */
public interface SingleFlight {

    /**
     * Runs {@code work} for {@code key} unless a run for the key is under way, in which case it
     * waits for that run's result.
     *
     * @throws Exception what {@code work} threw, in every caller that shared the run
     */
    <T> T run(String key, Callable<T> work) throws Exception;

    /** {@return how many callers are waiting for another caller's run right now} */
    int waiting();
}
