package dev.goferry.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback forward proxy that records what a client asks it for: the {@code CONNECT host:port}
 * target of an https URL (HTTPS_PROXY) or the absolute URI of a plain-http GET (HTTP_PROXY). It
 * lets a test see which URLs the real {@code go} command sends through the HTTP proxy.
 *
 * <p>CONNECT is always refused with {@code connectStatus} (a tunnel would need TLS the lab does
 * not have). An absolute-URI request is either refused with 403 or, when built with
 * {@link #forwardingTo}, relayed to that loopback port with the URI's path and query (the host is
 * ignored, so the proxy can never reach anything but loopback). One request per connection.
 */
public final class RecordingForwardProxy implements AutoCloseable {

    private static final int MAX_HEAD = 16 * 1024;
    private static final int MAX_RESPONSE = 8 * 1024 * 1024;
    private static final int SOCKET_TIMEOUT_MS = 10_000;

    private final ServerSocket socket;
    private final ExecutorService executor;
    private final int connectStatus;
    private final OptionalInt upstreamPort;
    private final RequestLog log = new RequestLog();

    private RecordingForwardProxy(int connectStatus, OptionalInt upstreamPort) {
        this.connectStatus = connectStatus;
        this.upstreamPort = upstreamPort;
        try {
            this.socket = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback", e);
        }
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "recording-forward-proxy");
            t.setDaemon(true);
            return t;
        });
        executor.execute(this::acceptLoop);
    }

    /** {@return a proxy that answers 403 to CONNECT and to every absolute-URI request} */
    public static RecordingForwardProxy refusing() {
        return new RecordingForwardProxy(403, OptionalInt.empty());
    }

    /**
     * {@return a proxy that relays absolute-URI requests to {@code 127.0.0.1:upstreamPort} and
     * answers 403 to CONNECT}
     */
    public static RecordingForwardProxy forwardingTo(int upstreamPort) {
        return new RecordingForwardProxy(403, OptionalInt.of(upstreamPort));
    }

    /** {@return the port on 127.0.0.1} */
    public int port() {
        return socket.getLocalPort();
    }

    /** {@return {@code http://127.0.0.1:<port>}, the value for HTTP_PROXY / HTTPS_PROXY} */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** {@return every request recorded since the start or the last {@link #clear()}, in arrival order} */
    public List<RecordedRequest> requests() {
        return log.snapshot();
    }

    /** Forgets the recorded requests. */
    public void clear() {
        log.clear();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        executor.shutdownNow();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                executor.execute(() -> serve(client));
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                // a failed accept: keep serving
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(SOCKET_TIMEOUT_MS);
            Optional<byte[]> head = readHead(client.getInputStream());
            if (head.isEmpty()) {
                return;
            }
            String[] lines = new String(head.get(), StandardCharsets.ISO_8859_1).split("\r\n");
            String[] requestLine = lines[0].split(" ");
            if (requestLine.length != 3) {
                reply(client.getOutputStream(), 400, "Bad Request");
                return;
            }
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0 && RecordedRequest.isProxyRelated(lines[i].substring(0, colon).trim())) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            String method = requestLine[0];
            String target = requestLine[1];
            int q = method.equals("CONNECT") ? -1 : target.indexOf('?');
            log.add(new RecordedRequest(RequestLog.nextSequence(), method, q < 0 ? target : target.substring(0, q),
                    q < 0 ? Optional.empty() : Optional.of(target.substring(q + 1)), headers));
            if (method.equals("CONNECT")) {
                reply(client.getOutputStream(), connectStatus, reason(connectStatus));
            } else if (upstreamPort.isPresent() && target.startsWith("http://")) {
                relay(client, method, URI.create(target), lines);
            } else {
                reply(client.getOutputStream(), 403, "Forbidden");
            }
        } catch (IOException | IllegalArgumentException e) {
            // the client went away or sent garbage: nothing to record beyond what was logged
        }
    }

    private void relay(Socket client, String method, URI target, String[] lines) throws IOException {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target.getRawPath().isEmpty() ? "/" : target.getRawPath());
        if (target.getRawQuery() != null) {
            head.append('?').append(target.getRawQuery());
        }
        head.append(" HTTP/1.1\r\n");
        for (int i = 1; i < lines.length; i++) {
            String name = lines[i].contains(":") ? lines[i].substring(0, lines[i].indexOf(':')).trim() : "";
            if (!name.regionMatches(true, 0, "proxy-", 0, 6) && !name.equalsIgnoreCase("connection")) {
                head.append(lines[i]).append("\r\n");
            }
        }
        head.append("Connection: close\r\n\r\n");
        byte[] response;
        try (Socket upstream = new Socket()) {
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort.getAsInt()),
                    SOCKET_TIMEOUT_MS);
            upstream.setSoTimeout(SOCKET_TIMEOUT_MS);
            upstream.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            upstream.getOutputStream().flush();
            response = upstream.getInputStream().readNBytes(MAX_RESPONSE);
        }
        // Tell the client this connection ends with the response, so it never reuses it.
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            reply(client.getOutputStream(), 502, "Bad Gateway");
            return;
        }
        StringBuilder out = new StringBuilder();
        for (String line : text.substring(0, end).split("\r\n")) {
            if (!line.regionMatches(true, 0, "connection:", 0, 11)) {
                out.append(line).append("\r\n");
            }
        }
        out.append("Connection: close\r\n\r\n");
        OutputStream to = client.getOutputStream();
        to.write(out.toString().getBytes(StandardCharsets.ISO_8859_1));
        to.write(response, end + 4, response.length - end - 4);
        to.flush();
    }

    private static void reply(OutputStream out, int status, String reason) throws IOException {
        String body = "forward proxy: " + status + "\n";
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 403 -> "Forbidden";
            case 407 -> "Proxy Authentication Required";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status " + status;
        };
    }

    /** Reads up to the blank line ending the request head; empty when the client sent none. */
    private static Optional<byte[]> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (head.size() < MAX_HEAD) {
            int b = in.read();
            if (b < 0) {
                return Optional.empty();
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                byte[] bytes = head.toByteArray();
                return Optional.of(java.util.Arrays.copyOf(bytes, bytes.length - 4));
            }
        }
        return Optional.empty();
    }
}
