package dev.goferry.net.proxy;

import dev.goferry.net.wire.Header;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What an HTTP proxy answered to CONNECT. Evidence only. */
public sealed interface ConnectOutcome {

    /** {@return time from writing CONNECT to this outcome} */
    Duration elapsed();

    /** 200: the tunnel is open. */
    record Established(String reason, List<Header> headers, Duration elapsed) implements ConnectOutcome {
        public Established {
            headers = List.copyOf(headers);
        }
    }

    /** 403: the proxy refuses this target (policy, port not allowed). */
    record Forbidden(String reason, List<Header> headers, Duration elapsed) implements ConnectOutcome {
        public Forbidden {
            headers = List.copyOf(headers);
        }
    }

    /**
     * 407: the proxy wants credentials (or rejected the ones sent).
     *
     * @param challenges   parsed {@code Proxy-Authenticate} values
     * @param sentCredentials whether a {@code Proxy-Authorization} header was sent
     */
    record AuthenticationRequired(String reason, List<Challenge> challenges, boolean sentCredentials,
                                  List<Header> headers, Duration elapsed) implements ConnectOutcome {
        public AuthenticationRequired {
            challenges = List.copyOf(challenges);
            headers = List.copyOf(headers);
        }
    }

    /** Any other status, e.g. 502 when the proxy itself cannot reach the target. */
    record OtherStatus(int status, String reason, List<Header> headers, Duration elapsed) implements ConnectOutcome {
        public OtherStatus {
            headers = List.copyOf(headers);
        }
    }

    /** The proxy closed the connection before a complete reply (Go: {@code unexpected EOF}). */
    record ClosedWithoutReply(int bytesReceived, Duration elapsed) implements ConnectOutcome {}

    /** No complete reply within the deadline. */
    record TimedOut(int bytesReceived, Duration elapsed) implements ConnectOutcome {}

    /** The reply was not an HTTP response; {@code firstLine} shows what came, control characters escaped. */
    record Malformed(String firstLine, String problem, Duration elapsed) implements ConnectOutcome {}

    /** The connection failed while writing or reading (reset, broken pipe). */
    record NetworkError(String kind, String message, Duration elapsed) implements ConnectOutcome {}

    /**
     * One {@code Proxy-Authenticate} challenge.
     *
     * @param scheme e.g. {@code Basic}, {@code Negotiate}, {@code NTLM}
     * @param realm  the realm parameter, when present
     */
    record Challenge(String scheme, Optional<String> realm) {
        /** Parses a header value such as {@code Basic realm="corp"}. */
        public static Challenge parse(String value) {
            String v = value.strip();
            int space = v.indexOf(' ');
            String scheme = space < 0 ? v : v.substring(0, space);
            Optional<String> realm = Optional.empty();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)realm\\s*=\\s*(\"([^\"]*)\"|([^,\\s]+))")
                    .matcher(v);
            if (m.find()) {
                realm = Optional.of(m.group(2) != null ? m.group(2) : m.group(3));
            }
            return new Challenge(scheme, realm);
        }
    }
}
