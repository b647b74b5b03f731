package dev.goferry.proxy.upstream;

import java.nio.file.Path;

/** One module proxy goferry fetches from. */
public interface Upstream {

    /**
     * Fetches the object at {@code key} (a path in the GOPROXY URL space) into {@code into},
     * reading at most {@code maxBytes}. Never throws for upstream faults: they are outcomes.
     */
    FetchOutcome fetch(String key, Path into, long maxBytes) throws InterruptedException;

    /** {@return the upstream as configured, for logs and messages} */
    String name();
}
