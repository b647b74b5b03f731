package dev.goferry.net.tls;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The evidence of one TLS handshake, with Go's verdict on the chain when a chain was seen.
 * The handshake itself never fails on trust: the chain is captured and judged separately.
 */
public sealed interface TlsOutcome {

    /** {@return the handshake time} */
    Duration elapsed();

    /** The handshake completed; {@code verdict} says whether Go would have accepted the chain. */
    record Completed(TlsSession session, TlsVerdict verdict, Duration elapsed) implements TlsOutcome {}

    /**
     * The handshake failed for a reason other than trust: an alert from the server, a plain-HTTP
     * server, a closed connection, no common protocol or cipher.
     *
     * @param alert     the TLS alert text when one was received, e.g. {@code handshake_failure}
     * @param message   the JDK's message
     * @param chainSeen certificates presented before the failure, if any
     */
    record Failed(Optional<String> alert, String message, List<CertificateInfo> chainSeen, Duration elapsed)
            implements TlsOutcome {
        public Failed {
            chainSeen = List.copyOf(chainSeen);
        }
    }

    /** No handshake progress within the deadline (Go: {@code net/http: TLS handshake timeout}). */
    record TimedOut(List<CertificateInfo> chainSeen, Duration elapsed) implements TlsOutcome {
        public TimedOut {
            chainSeen = List.copyOf(chainSeen);
        }
    }
}
