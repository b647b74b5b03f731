package dev.goferry.net;

/** The layers a probe times, in the order a request walks them. */
public enum Phase {
    /** Name resolution: hosts file or DNS query. */
    DNS,
    /** TCP connect to the target or to the proxy. */
    CONNECT,
    /** The CONNECT exchange with an HTTP proxy. */
    PROXY,
    /** The TLS handshake. */
    TLS,
    /** From the request being sent to the first response byte (server think time). */
    WAIT,
    /** From the first response byte to the end of the body (transfer). */
    BODY
}
