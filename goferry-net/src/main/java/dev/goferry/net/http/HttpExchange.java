package dev.goferry.net.http;

import dev.goferry.net.Endpoint;
import dev.goferry.net.ProbeListener;
import dev.goferry.net.wire.HeadReader;
import dev.goferry.net.wire.Header;
import dev.goferry.net.wire.ResponseHead;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One HTTP/1.1 request and response over an already-established connection (plain, TLS, or a
 * tunnel), written on sockets rather than {@code java.net.http} so every phase can be timed and
 * the connection can be anything. Sends what Go's client sends (Host, {@code Go-http-client/1.1},
 * {@code Accept-Encoding: gzip} on GET), never follows redirects, reads the body by its framing
 * (Content-Length, chunked, or to close) up to a byte cap, and watches for stalls.
 */
public final class HttpExchange {

    private static final int MAX_INTERIM_RESPONSES = 5;

    private final LongSupplier clock;

    public HttpExchange(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@return an exchange on the system clock} */
    public static HttpExchange system() {
        return new HttpExchange(System::nanoTime);
    }

    /**
     * Sends {@code method target} with {@code Host: hostHeader} (plus {@code extraHeaders}) and reads
     * the response within {@code limits}. Does not close the socket.
     */
    public HttpOutcome exchange(Endpoint endpoint, Socket socket, String method, String target, String hostHeader,
                                List<Header> extraHeaders, Limits limits, ProbeListener listener) {
        StringBuilder req = new StringBuilder().append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n")
                .append("User-Agent: Go-http-client/1.1\r\n");
        for (Header h : extraHeaders) {
            req.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        if (method.equals("GET")) {
            req.append("Accept-Encoding: gzip\r\n");
        }
        req.append("\r\n");
        AtomicLong firstByteAt = new AtomicLong(-1);
        long sentAt = clock.getAsLong();
        InputStream in;
        ResponseHead head;
        int headBytes = 0;
        try {
            OutputStream out = socket.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            sentAt = clock.getAsLong();
            listener.requestSent(endpoint, method, target);
            socket.setSoTimeout(millis(limits.headerTimeout()));
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            int interim = 0;
            while (true) {
                HeadReader.Head raw = HeadReader.read(in, () -> {
                    if (firstByteAt.compareAndSet(-1, clock.getAsLong())) {
                        listener.firstByte(endpoint);
                    }
                });
                headBytes += raw.bytes();
                if (!raw.complete()) {
                    if (raw.bytes() > 0 && !raw.text().startsWith("HTTP/")) {
                        return failed(endpoint, listener, new HttpOutcome.Malformed(
                                ResponseHead.printable(firstLine(raw.text())), "no complete response head"));
                    }
                    return failed(endpoint, listener, new HttpOutcome.ClosedBeforeResponse(headBytes,
                            Duration.ofNanos(clock.getAsLong() - sentAt)));
                }
                try {
                    head = ResponseHead.parse(raw.text());
                } catch (ResponseHead.MalformedHeadException e) {
                    return failed(endpoint, listener, new HttpOutcome.Malformed(
                            ResponseHead.printable(firstLine(raw.text())), e.getMessage()));
                }
                if (head.status() >= 100 && head.status() < 200 && head.status() != 101
                        && ++interim <= MAX_INTERIM_RESPONSES) {
                    continue; // 100 Continue, 103 Early Hints: Go reads on to the final response
                }
                break;
            }
        } catch (SocketTimeoutException e) {
            return failed(endpoint, listener, new HttpOutcome.TimedOut(headBytes,
                    Duration.ofNanos(clock.getAsLong() - sentAt)));
        } catch (IOException e) {
            return failed(endpoint, listener, new HttpOutcome.NetworkError(e.getClass().getSimpleName(),
                    String.valueOf(e.getMessage())));
        }

        long headEnd = clock.getAsLong();
        Duration ttfb = Duration.ofNanos(firstByteAt.get() - sentAt);
        BodyReader body = new BodyReader(socket, in, limits, headEnd, endpoint, listener);
        HttpOutcome.BodyEnd end;
        Optional<String> error = Optional.empty();
        try {
            end = readBody(method, head, body);
        } catch (BodyReader.Stop stop) {
            end = stop.end;
            error = stop.end == HttpOutcome.BodyEnd.ERROR ? Optional.of(stop.getMessage()) : Optional.empty();
        }
        Duration bodyTime = Duration.ofNanos(clock.getAsLong() - headEnd);
        switch (end) {
            case COMPLETE, NONE, CAPPED -> listener.responseEnd(endpoint, body.count);
            default -> listener.responseFailed(endpoint, end.name().toLowerCase(Locale.ROOT)
                    + error.map(m -> ": " + m).orElse(""));
        }
        return new HttpOutcome.Response(head.version(), head.status(), head.reason(), head.headers(),
                head.header("Location"), body.count, end, error, ttfb, bodyTime, body.sample.toByteArray());
    }

    private static HttpOutcome.BodyEnd readBody(String method, ResponseHead head, BodyReader body)
            throws BodyReader.Stop {
        int s = head.status();
        if (method.equals("HEAD") || s < 200 || s == 204 || s == 304) {
            return HttpOutcome.BodyEnd.NONE;
        }
        String te = head.header("Transfer-Encoding").orElse("").toLowerCase(Locale.ROOT);
        if (te.contains("chunked")) {
            return body.chunked();
        }
        Optional<String> cl = head.header("Content-Length");
        if (cl.isPresent()) {
            long length;
            try {
                length = Long.parseLong(cl.get().strip());
            } catch (NumberFormatException e) {
                throw new BodyReader.Stop(HttpOutcome.BodyEnd.ERROR, "bad Content-Length \"" + cl.get() + "\"");
            }
            return body.exactly(length);
        }
        return body.untilClose();
    }

    private static HttpOutcome failed(Endpoint endpoint, ProbeListener listener, HttpOutcome outcome) {
        listener.responseFailed(endpoint, outcome.getClass().getSimpleName());
        return outcome;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    /** Reads a body under the byte cap, the stall threshold and the body deadline. */
    private final class BodyReader {
        private final Socket socket;
        private final InputStream in;
        private final Limits limits;
        private final long start;
        private final byte[] buf = new byte[16 * 1024];
        /** The first {@link HttpOutcome.Response#SAMPLE_CAP} body bytes, as received (still encoded). */
        final java.io.ByteArrayOutputStream sample = new java.io.ByteArrayOutputStream();
        long count;

        private void keep(int got) {
            int room = HttpOutcome.Response.SAMPLE_CAP - sample.size();
            if (room > 0) {
                sample.write(buf, 0, Math.min(room, got));
            }
        }

        private final Endpoint endpoint;
        private final ProbeListener listener;

        BodyReader(Socket socket, InputStream in, Limits limits, long start, Endpoint endpoint,
                   ProbeListener listener) {
            this.socket = socket;
            this.in = in;
            this.limits = limits;
            this.start = start;
            this.endpoint = endpoint;
            this.listener = listener;
        }

        private void counted(int got) {
            count += got;
            listener.bodyRead(endpoint, count);
        }

        static final class Stop extends Exception {
            final HttpOutcome.BodyEnd end;

            Stop(HttpOutcome.BodyEnd end, String message) {
                super(message, null, false, false);
                this.end = end;
            }
        }

        /** Reads up to {@code max} bytes; -1 at end of stream. */
        private int read(byte[] b, int off, int max) throws Stop {
            long now = clock.getAsLong();
            long left = limits.bodyDeadline().toNanos() - (now - start);
            if (limits.bodyEndsBy().isPresent()) {
                left = Math.min(left, limits.bodyEndsBy().getAsLong() - now);
            }
            if (left <= 0) {
                throw new Stop(HttpOutcome.BodyEnd.DEADLINE, "body deadline");
            }
            boolean stallDecides = limits.stallAfter().toNanos() <= left;
            try {
                socket.setSoTimeout(millis(stallDecides ? limits.stallAfter() : Duration.ofNanos(left)));
                return in.read(b, off, max);
            } catch (SocketTimeoutException e) {
                throw new Stop(stallDecides ? HttpOutcome.BodyEnd.STALLED : HttpOutcome.BodyEnd.DEADLINE,
                        "no data");
            } catch (IOException e) {
                throw new Stop(HttpOutcome.BodyEnd.ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }

        /** Consumes {@code n} body bytes; stops at the cap. */
        private void consume(long n) throws Stop {
            long left = n;
            while (left > 0) {
                if (count >= limits.bodyCap()) {
                    throw new Stop(HttpOutcome.BodyEnd.CAPPED, "cap");
                }
                int want = (int) Math.min(Math.min(buf.length, left), limits.bodyCap() - count);
                int got = read(buf, 0, want);
                if (got < 0) {
                    throw new Stop(HttpOutcome.BodyEnd.CLOSED_EARLY, "closed early");
                }
                keep(got);
                counted(got);
                left -= got;
            }
        }

        HttpOutcome.BodyEnd exactly(long length) throws Stop {
            consume(length);
            return HttpOutcome.BodyEnd.COMPLETE;
        }

        HttpOutcome.BodyEnd untilClose() throws Stop {
            while (true) {
                if (count >= limits.bodyCap()) {
                    return HttpOutcome.BodyEnd.CAPPED;
                }
                int got = read(buf, 0, (int) Math.min(buf.length, limits.bodyCap() - count));
                if (got < 0) {
                    return HttpOutcome.BodyEnd.COMPLETE;
                }
                keep(got);
                counted(got);
            }
        }

        HttpOutcome.BodyEnd chunked() throws Stop {
            while (true) {
                String line = line();
                int semi = line.indexOf(';');
                String hex = (semi < 0 ? line : line.substring(0, semi)).strip();
                long size;
                try {
                    size = Long.parseLong(hex, 16);
                } catch (NumberFormatException e) {
                    throw new Stop(HttpOutcome.BodyEnd.ERROR,
                            "malformed chunk size \"" + ResponseHead.printable(line) + "\"");
                }
                if (size < 0) {
                    throw new Stop(HttpOutcome.BodyEnd.ERROR, "negative chunk size");
                }
                if (size == 0) {
                    while (!line().isEmpty()) {
                        // trailers: read and ignore
                    }
                    return HttpOutcome.BodyEnd.COMPLETE;
                }
                consume(size);
                if (!line().isEmpty()) {
                    throw new Stop(HttpOutcome.BodyEnd.ERROR, "chunk not followed by CRLF");
                }
            }
        }

        private String line() throws Stop {
            StringBuilder b = new StringBuilder();
            byte[] one = new byte[1];
            while (b.length() < 4096) {
                int got = read(one, 0, 1);
                if (got < 0) {
                    throw new Stop(HttpOutcome.BodyEnd.CLOSED_EARLY, "closed early");
                }
                if (one[0] == '\n') {
                    int n = b.length();
                    return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
                }
                b.append((char) (one[0] & 0xff));
            }
            throw new Stop(HttpOutcome.BodyEnd.ERROR, "chunk line too long");
        }
    }
}
