package dev.goferry.proxy.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings of {@code goferry serve}, after defaults, the YAML file, {@code GOFERRY_SERVE_*}
 * variables and command-line flags have been layered (in that order, later wins); see
 * {@link ServeConfigLoader}.
 *
 * @param listen host:port to listen on
 * @param data the data folder
 * @param upstream the upstream list, GOPROXY syntax
 * @param offline serve only what is stored
 * @param upstreamTimeout the deadline of one upstream attempt (headers and body)
 * @param upstreamRetries extra attempts after a fault that may pass
 * @param upstreamBackoff the wait before the first retry, doubled for each next one
 * @param ttl how long list, @latest and query .info stay fresh
 * @param negativeTtl how long a 404/410 is remembered
 * @param maxFetches how many upstream fetches may run at once
 * @param maxBodyBytes the cap on a fetched .info, .mod, list or @latest
 * @param shutdownGrace how long in-flight requests may take to finish on shutdown
 * @param accessLog whether to write the access log (JSON lines on standard output)
 * @param sumdb the checksum databases ({@code name+key [url]} entries separated by commas, or
 *     {@code off}); the first one verifies every fetched .mod and .zip
 * @param sumdbPrivate module path patterns (GOPRIVATE syntax) that skip verification
 * @param sumdbAllowUnknown whether a public module the database does not know is served unverified
 */
public record ServeConfig(String listen, Path data, String upstream, boolean offline, Duration upstreamTimeout,
                          int upstreamRetries, Duration upstreamBackoff, Duration ttl, Duration negativeTtl,
                          int maxFetches, long maxBodyBytes, Duration shutdownGrace, boolean accessLog,
                          String sumdb, String sumdbPrivate, boolean sumdbAllowUnknown) {

    public ServeConfig {
        Objects.requireNonNull(listen);
        Objects.requireNonNull(data);
        Objects.requireNonNull(upstream);
        Objects.requireNonNull(sumdb);
        Objects.requireNonNull(sumdbPrivate);
    }

    /** {@return the host part of {@link #listen()}} */
    public String host() {
        int colon = listen.lastIndexOf(':');
        String host = colon < 0 ? "" : listen.substring(0, colon);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** {@return the port part of {@link #listen()}} */
    public int port() {
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }
}
