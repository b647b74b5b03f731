package dev.goferry.net.http;

import dev.goferry.net.wire.Header;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What one HTTP request over an established connection produced. Evidence only. */
public sealed interface HttpOutcome {

    /** How reading the body ended. */
    enum BodyEnd {
        /** The framing (Content-Length, last chunk, close) said the body was complete. */
        COMPLETE,
        /** No body by the rules (HEAD, 1xx, 204, 304). */
        NONE,
        /** The probe's byte cap was reached; the rest was not read. */
        CAPPED,
        /** No byte arrived for {@link Limits#stallAfter()}. */
        STALLED,
        /** The body took longer than {@link Limits#bodyDeadline()} in all. */
        DEADLINE,
        /** The peer closed before the framing said the body was complete (Go: unexpected EOF). */
        CLOSED_EARLY,
        /** Malformed chunked framing, a reset, another I/O error. */
        ERROR
    }

    /**
     * A response head arrived.
     *
     * @param version         e.g. HTTP/1.1
     * @param status          status code
     * @param reason          reason phrase
     * @param headers         headers in order
     * @param location        the Location header (redirects are never followed)
     * @param bodyBytes       body bytes read (after removing chunked framing; as sent, so still compressed)
     * @param bodyEnd         how reading the body ended
     * @param bodyError       the error text for {@link BodyEnd#ERROR}
     * @param timeToFirstByte from request sent to the first response byte
     * @param bodyTime        from the end of the head to the end of body reading
     * @param bodySample      the first {@link #SAMPLE_CAP} body bytes as received (still content-encoded),
     *                        so the doctor can judge the body against the protocol without a second request
     */
    record Response(String version, int status, String reason, List<Header> headers, Optional<String> location,
                    long bodyBytes, BodyEnd bodyEnd, Optional<String> bodyError, Duration timeToFirstByte,
                    Duration bodyTime, byte[] bodySample) implements HttpOutcome {

        /** The most body bytes kept in {@link #bodySample}: enough for a version list or a tree head. */
        public static final int SAMPLE_CAP = 64 * 1024;

        public Response {
            headers = List.copyOf(headers);
            bodySample = bodySample.clone();
            if (bodySample.length > SAMPLE_CAP) {
                throw new IllegalArgumentException("body sample of " + bodySample.length + " bytes: over the cap");
            }
        }

        /** A response whose body was not kept (recorded evidence). */
        public Response(String version, int status, String reason, List<Header> headers, Optional<String> location,
                        long bodyBytes, BodyEnd bodyEnd, Optional<String> bodyError, Duration timeToFirstByte,
                        Duration bodyTime) {
            this(version, status, reason, headers, location, bodyBytes, bodyEnd, bodyError, timeToFirstByte,
                    bodyTime, new byte[0]);
        }

        @Override
        public byte[] bodySample() {
            return bodySample.clone();
        }

        /** {@return body bytes per second over {@link #bodyTime}, or 0 when no time passed} */
        public double bytesPerSecond() {
            long nanos = bodyTime.toNanos();
            return nanos <= 0 ? 0 : bodyBytes * 1e9 / nanos;
        }
    }

    /** No response head before the deadline. */
    record TimedOut(int bytesReceived, Duration elapsed) implements HttpOutcome {}

    /** The peer closed before a complete head (Go: {@code EOF} / {@code unexpected EOF}). */
    record ClosedBeforeResponse(int bytesReceived, Duration elapsed) implements HttpOutcome {}

    /** The bytes received were not an HTTP/1.x response head. */
    record Malformed(String firstLine, String problem) implements HttpOutcome {}

    /** Writing the request or reading the head failed (reset, broken pipe). */
    record NetworkError(String kind, String message) implements HttpOutcome {}
}
