package dev.goferry.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Hooks a probe calls as it walks the layers of one endpoint, after OkHttp's {@code EventListener}.
 * Every hook has an empty default, so a listener overrides only what it needs.
 *
 * <pre>
 * dnsStart ─┬─ dnsEnd            (once per name queried; may repeat)
 *           └─ dnsFailed
 * connectStart ─┬─ connectEnd    (once per address tried; may repeat)
 *               └─ connectFailed
 * proxyConnectStart ─┬─ proxyConnectEnd     (only through an http:// proxy with CONNECT)
 *                    └─ proxyConnectFailed
 * tlsStart ─┬─ tlsEnd            (only for https targets)
 *           └─ tlsFailed
 * requestSent → firstByte → bodyRead* → responseEnd
 *                                     └─ responseFailed  (may follow requestSent or firstByte)
 * </pre>
 *
 * <p>Guarantees: every {@code …Start} is followed, on the same thread, by exactly one matching
 * {@code …End} or {@code …Failed} carrying the same endpoint and the same detail (name, address),
 * before the next {@code …Start} of that phase. Hooks are called on the probing thread.
 *
 * <p>Rules for implementations: hooks must be fast, must not throw, must not do I/O, and must not
 * call back into a probe. They receive evidence; they never change what a probe does.
 */
public interface ProbeListener {

    /** A listener that ignores every event. */
    ProbeListener NONE = new ProbeListener() {};

    /** Creates one listener per probed endpoint, so per-endpoint state needs no locking. */
    @FunctionalInterface
    interface Factory {
        ProbeListener create(Endpoint endpoint);
    }

    /** Invoked before a DNS query (or a hosts-file look-up) for {@code name}. */
    default void dnsStart(Endpoint endpoint, String name) {}

    /** Invoked after {@link #dnsStart} when {@code name} resolved to {@code addresses}. */
    default void dnsEnd(Endpoint endpoint, String name, List<InetAddress> addresses) {}

    /** Invoked after {@link #dnsStart} when {@code name} did not resolve; {@code reason} is evidence text. */
    default void dnsFailed(Endpoint endpoint, String name, String reason) {}

    /** Invoked before a TCP connect to {@code address} (the target, or the proxy). */
    default void connectStart(Endpoint endpoint, InetSocketAddress address) {}

    /** Invoked after {@link #connectStart} once connected; {@code local} is the local socket address. */
    default void connectEnd(Endpoint endpoint, InetSocketAddress address, InetSocketAddress local) {}

    /** Invoked after {@link #connectStart} when the connect failed. */
    default void connectFailed(Endpoint endpoint, InetSocketAddress address, String reason) {}

    /** Invoked before a CONNECT request is written to the proxy at {@code proxy}. */
    default void proxyConnectStart(Endpoint endpoint, InetSocketAddress proxy) {}

    /** Invoked after {@link #proxyConnectStart} when the proxy replied with a status line. */
    default void proxyConnectEnd(Endpoint endpoint, int status) {}

    /** Invoked after {@link #proxyConnectStart} when no usable reply came. */
    default void proxyConnectFailed(Endpoint endpoint, String reason) {}

    /** Invoked before the TLS handshake with SNI {@code serverName}. */
    default void tlsStart(Endpoint endpoint, String serverName) {}

    /** Invoked after {@link #tlsStart} when the handshake completed (whatever the chain). */
    default void tlsEnd(Endpoint endpoint, String protocol, String cipherSuite) {}

    /** Invoked after {@link #tlsStart} when the handshake failed. */
    default void tlsFailed(Endpoint endpoint, String reason) {}

    /** Invoked once the request head has been written and flushed. */
    default void requestSent(Endpoint endpoint, String method, String target) {}

    /** Invoked when the first byte of the response arrived. */
    default void firstByte(Endpoint endpoint) {}

    /**
     * Invoked after each read that brought body bytes, with the running total (after chunked framing
     * is removed). Lets a throughput meter see when bytes arrive without the probe judging it.
     */
    default void bodyRead(Endpoint endpoint, long totalBytes) {}

    /** Invoked when the body was read to its end, or to the probe's byte cap. */
    default void responseEnd(Endpoint endpoint, long bodyBytes) {}

    /** Invoked when reading the response failed after {@link #requestSent}. */
    default void responseFailed(Endpoint endpoint, String reason) {}
}
