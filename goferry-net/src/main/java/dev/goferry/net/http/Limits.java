package dev.goferry.net.http;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Bounds of one probe. Every layer has a deadline and the body a byte cap (architecture rule 4).
 *
 * @param connectTimeout per-address TCP connect deadline
 * @param proxyTimeout   deadline for the proxy's CONNECT reply (Go: 1 minute)
 * @param tlsTimeout     TLS handshake deadline (Go: 10 s)
 * @param headerTimeout  deadline from request sent to the complete response head
 * @param stallAfter     a body read that brings no byte for this long is a stall
 * @param bodyDeadline   the longest the body may take in all
 * @param bodyCap        bytes of body read at most; the rest is left unread
 * @param bodyEndsBy     an instant on the exchange's clock ({@link System#nanoTime()} outside tests) at which the body read stops, whatever
 *                       {@code bodyDeadline} leaves: a bounded download that must end on time
 *                       whatever its set-up took; empty for none
 */
public record Limits(Duration connectTimeout, Duration proxyTimeout, Duration tlsTimeout, Duration headerTimeout,
                     Duration stallAfter, Duration bodyDeadline, long bodyCap, OptionalLong bodyEndsBy) {

    public Limits {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(proxyTimeout, "proxyTimeout");
        Objects.requireNonNull(tlsTimeout, "tlsTimeout");
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(stallAfter, "stallAfter");
        Objects.requireNonNull(bodyDeadline, "bodyDeadline");
        Objects.requireNonNull(bodyEndsBy, "bodyEndsBy");
        if (bodyCap < 0) {
            throw new IllegalArgumentException("body cap " + bodyCap + ": negative");
        }
    }

    /** Go's transport timeouts where it has them, and probe-sized bounds elsewhere. */
    public static final Limits GO_DEFAULTS = new Limits(Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMinutes(2),
            8L * 1024 * 1024, OptionalLong.empty());

    /** {@return these limits with every deadline replaced by {@code d}; handy for tests} */
    public Limits withAllTimeouts(Duration d) {
        return new Limits(d, d, d, d, d, d, bodyCap, bodyEndsBy);
    }

    /** {@return these limits with another stall threshold} */
    public Limits withStallAfter(Duration d) {
        return new Limits(connectTimeout, proxyTimeout, tlsTimeout, headerTimeout, d, bodyDeadline, bodyCap, bodyEndsBy);
    }

    /** {@return these limits with another body cap} */
    public Limits withBodyCap(long cap) {
        return new Limits(connectTimeout, proxyTimeout, tlsTimeout, headerTimeout, stallAfter, bodyDeadline, cap, bodyEndsBy);
    }
}
