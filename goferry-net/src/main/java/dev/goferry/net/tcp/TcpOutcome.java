package dev.goferry.net.tcp;

import java.net.InetSocketAddress;
import java.time.Duration;

/** What one TCP connect attempt produced. Evidence only. */
public sealed interface TcpOutcome {

    /** {@return time from starting the connect to this outcome} */
    Duration elapsed();

    /** The handshake completed; {@code local} is the address the kernel chose for this end. */
    record Connected(InetSocketAddress local, Duration elapsed) implements TcpOutcome {}

    /** The peer answered the SYN with RST (nothing listens, or a REJECT rule): ECONNREFUSED. */
    record Refused(String message, Duration elapsed) implements TcpOutcome {}

    /** No answer at all within the deadline (a DROP rule, a full backlog, a dead host). */
    record TimedOut(Duration elapsed) implements TcpOutcome {}

    /** The kernel or a router said there is no way there: EHOSTUNREACH, ENETUNREACH. */
    record Unreachable(String message, Duration elapsed) implements TcpOutcome {}

    /** The connection was reset while being set up. */
    record Reset(String message, Duration elapsed) implements TcpOutcome {}

    /** Anything else, with the exception's simple class name. */
    record Other(String kind, String message, Duration elapsed) implements TcpOutcome {}

    /** Maps a connect failure to its outcome; the single place that reads JDK exception texts. */
    static TcpOutcome ofFailure(java.io.IOException e, Duration elapsed) {
        String m = String.valueOf(e.getMessage());
        String lower = m.toLowerCase(java.util.Locale.ROOT);
        if (e instanceof java.net.SocketTimeoutException || lower.contains("timed out")) {
            return new TimedOut(elapsed);
        }
        if (e instanceof java.net.NoRouteToHostException || lower.contains("unreachable")
                || lower.contains("no route to host")) {
            return new Unreachable(m, elapsed);
        }
        if (lower.contains("refused")) {
            return new Refused(m, elapsed);
        }
        if (lower.contains("reset")) {
            return new Reset(m, elapsed);
        }
        return new Other(e.getClass().getSimpleName(), m, elapsed);
    }
}
