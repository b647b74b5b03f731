package dev.goferry.net.proxy;

import dev.goferry.net.Endpoint;
import dev.goferry.net.ProbeListener;
import dev.goferry.net.wire.HeadReader;
import dev.goferry.net.wire.ResponseHead;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Asks an HTTP proxy for a tunnel the way Go's transport does ({@code net/http/transport.go
 * dialConn}): {@code CONNECT host:port HTTP/1.1} with {@code Host}, Go's User-Agent and, when the
 * proxy URL has userinfo, {@code Proxy-Authorization: Basic …}. The reply is read without reading
 * past its head, so on 200 the socket is the tunnel, handed back for the TLS probe.
 */
public final class ConnectProbe {

    /** Go's default User-Agent. */
    public static final String GO_USER_AGENT = "Go-http-client/1.1";

    private final LongSupplier clock;

    public ConnectProbe(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@return a probe on the system clock} */
    public static ConnectProbe system() {
        return new ConnectProbe(System::nanoTime);
    }

    /** The evidence and, for {@link ConnectOutcome.Established}, the tunnel (the caller owns and closes it). */
    public record Result(ConnectOutcome outcome, Optional<Socket> tunnel) {}

    /**
     * Sends CONNECT for {@code targetHost:targetPort} over {@code proxySocket} (already connected
     * to {@code proxy}) and reads the reply within {@code timeout}. Unless the tunnel is
     * established, the socket is closed.
     */
    public Result connect(Endpoint endpoint, Socket proxySocket, ProxyUrl proxy, String targetHost, int targetPort,
                          Duration timeout, ProbeListener listener) {
        String authority = (targetHost.contains(":") ? "[" + targetHost + "]" : targetHost) + ":" + targetPort;
        StringBuilder request = new StringBuilder()
                .append("CONNECT ").append(authority).append(" HTTP/1.1\r\n")
                .append("Host: ").append(authority).append("\r\n")
                .append("User-Agent: ").append(GO_USER_AGENT).append("\r\n");
        proxy.authorization().ifPresent(a -> request.append("Proxy-Authorization: ").append(a).append("\r\n"));
        request.append("\r\n");

        listener.proxyConnectStart(endpoint, new InetSocketAddress(proxySocket.getInetAddress(), proxySocket.getPort()));
        long start = clock.getAsLong();
        AtomicInteger received = new AtomicInteger();
        try {
            proxySocket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            OutputStream out = proxySocket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            HeadReader.Head head = HeadReader.read(new CountingInput(proxySocket.getInputStream(), received), () -> { });
            Duration elapsed = elapsed(start);
            if (!head.complete()) {
                if (head.bytes() > 0 && !head.text().startsWith("HTTP/")) {
                    return fail(endpoint, proxySocket, listener, new ConnectOutcome.Malformed(
                            ResponseHead.printable(firstLine(head.text())), "no complete response head", elapsed));
                }
                return fail(endpoint, proxySocket, listener, new ConnectOutcome.ClosedWithoutReply(head.bytes(), elapsed));
            }
            ResponseHead reply;
            try {
                reply = ResponseHead.parse(head.text());
            } catch (ResponseHead.MalformedHeadException e) {
                return fail(endpoint, proxySocket, listener, new ConnectOutcome.Malformed(
                        ResponseHead.printable(firstLine(head.text())), e.getMessage(), elapsed));
            }
            listener.proxyConnectEnd(endpoint, reply.status());
            ConnectOutcome outcome = switch (reply.status()) {
                case 200 -> new ConnectOutcome.Established(reply.reason(), reply.headers(), elapsed);
                case 403 -> new ConnectOutcome.Forbidden(reply.reason(), reply.headers(), elapsed);
                case 407 -> new ConnectOutcome.AuthenticationRequired(reply.reason(),
                        reply.headers("Proxy-Authenticate").stream().map(ConnectOutcome.Challenge::parse).toList(),
                        proxy.authorization().isPresent(), reply.headers(), elapsed);
                default -> new ConnectOutcome.OtherStatus(reply.status(), reply.reason(), reply.headers(), elapsed);
            };
            if (outcome instanceof ConnectOutcome.Established) {
                proxySocket.setSoTimeout(0);
                return new Result(outcome, Optional.of(proxySocket));
            }
            close(proxySocket);
            return new Result(outcome, Optional.empty());
        } catch (SocketTimeoutException e) {
            return fail(endpoint, proxySocket, listener, new ConnectOutcome.TimedOut(received.get(), elapsed(start)));
        } catch (IOException e) {
            return fail(endpoint, proxySocket, listener, new ConnectOutcome.NetworkError(e.getClass().getSimpleName(),
                    String.valueOf(e.getMessage()), elapsed(start)));
        }
    }

    private Result fail(Endpoint endpoint, Socket socket, ProbeListener listener, ConnectOutcome outcome) {
        listener.proxyConnectFailed(endpoint, outcome.getClass().getSimpleName());
        close(socket);
        return new Result(outcome, Optional.empty());
    }

    private Duration elapsed(long start) {
        return Duration.ofNanos(clock.getAsLong() - start);
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // evidence already taken
        }
    }

    /** Counts bytes so a timeout can say how much of a reply had arrived. */
    private static final class CountingInput extends java.io.FilterInputStream {
        private final AtomicInteger count;

        CountingInput(java.io.InputStream in, AtomicInteger count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }
    }
}
