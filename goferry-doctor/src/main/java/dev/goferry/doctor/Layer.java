package dev.goferry.doctor;

/**
 * The layers a request to one target walks, lowest first. A failure is attributed to exactly one
 * layer: the lowest one that failed, since every layer above it could not be judged on its own.
 */
public enum Layer {
    /** This machine: interfaces, routes, resolver files, hosts entries, the clock, file:// proxies. */
    LOCAL,
    /** Name resolution as Go's pure-Go resolver does it, compared with public resolvers. */
    DNS,
    /** TCP connect to the target, or to the HTTP proxy when Go would use one. */
    TCP,
    /** The HTTP proxy's answer to CONNECT (or to a plain http:// request). */
    PROXY,
    /** The TLS handshake and Go's verdict on the presented chain. */
    TLS,
    /** The HTTP status of one protocol-correct request. */
    HTTP,
    /** Whether the body is what the protocol says it must be (not a captive portal's 200). */
    PROTOCOL,
    /** Whether bytes arrive at a usable rate without stalls. */
    THROUGHPUT;

    /** {@return the lowercase name the JSON output and the catalog keys use} */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
