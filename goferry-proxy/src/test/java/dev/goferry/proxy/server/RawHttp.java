package dev.goferry.proxy.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One raw HTTP/1.x connection to a loopback server: what keep-alive, pipelining, a slow reader and
 * a client that leaves mid-body need, none of which a pooling client lets a test control. Bodies
 * are not kept, only their length and SHA-256 (a 100 MB body costs no memory).
 */
final class RawHttp implements AutoCloseable {

    /** One response: status, headers (names in lower case), body length and SHA-256 in hex. */
    record Reply(int status, Map<String, String> headers, long length, String sha256) {}

    /** How the body is read: {@code chunk} bytes per read, {@code pause} after each read. */
    record Pacing(int chunk, Duration pause) {
        static final Pacing FAST = new Pacing(64 * 1024, Duration.ZERO);
    }

    private final Socket socket;
    private final InputStream in;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    }

    /** Connects to {@code port} on loopback; every read waits at most 30 s. */
    static RawHttp open(int port) throws IOException {
        return open(port, -1);
    }

    /** Connects with a receive buffer of {@code receiveBuffer} bytes (set before connecting, so the window stays small). */
    static RawHttp open(int port, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) {
            s.setReceiveBufferSize(receiveBuffer);
        }
        s.setSoTimeout(30_000);
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        return new RawHttp(s);
    }

    /** Sends {@code method path version} with a Host header. */
    RawHttp send(String method, String path, String version) throws IOException {
        String request = method + " " + path + " " + version + "\r\nHost: 127.0.0.1\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return this;
    }

    RawHttp send(String method, String path) throws IOException {
        return send(method, path, "HTTP/1.1");
    }

    /** Reads one response; a HEAD response has no body whatever its Content-Length says. */
    Reply read(boolean head, Pacing pacing) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        String statusLine = line();
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        for (String l = line(); !l.isEmpty(); l = line()) {
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        long length = head ? 0 : Long.parseLong(headers.getOrDefault("content-length", "0"));
        MessageDigest sha = sha256();
        byte[] buf = new byte[pacing.chunk()];
        long left = length;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new EOFException("body ended after " + (length - left) + " of " + length + " bytes");
            }
            sha.update(buf, 0, n);
            left -= n;
            if (!pacing.pause().isZero()) {
                sleep(pacing.pause());
            }
        }
        return new Reply(status, headers, length, HexFormat.of().formatHex(sha.digest()));
    }

    Reply read(boolean head) throws IOException {
        return read(head, Pacing.FAST);
    }

    /** Reads the status line and headers and {@code bodyBytes} of the body, then stops reading. */
    void readPart(long bodyBytes) throws IOException {
        while (!line().isEmpty()) {
            // skip the status line and headers
        }
        byte[] buf = new byte[8192];
        for (long left = bodyBytes; left > 0; ) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new EOFException("body ended early");
            }
            left -= n;
        }
    }

    /** Reports whether the server closed the connection (the next read sees the end of the stream). */
    boolean closedByServer() throws IOException {
        return in.read() < 0;
    }

    /** Closes with a reset instead of a FIN (SO_LINGER 0), as a killed client does. */
    void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed inside the headers");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
