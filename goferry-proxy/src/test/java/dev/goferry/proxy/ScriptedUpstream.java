package dev.goferry.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A loopback upstream on a raw socket that answers each request path with a scripted
 * {@link Fault} or answer, after MockWebServer's socket effects: things a real HTTP server
 * library would not let a test do (cut a body short, stall after the headers).
 */
public final class ScriptedUpstream implements AutoCloseable {

    /** What the upstream does for one request. */
    public sealed interface Script {}

    /** A normal answer. */
    public record Answer(int status, String contentType, byte[] body) implements Script {
        public static Answer text(int status, String body) {
            return new Answer(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Waits for {@code gate} before answering {@code then}. */
    public record Gated(CountDownLatch gate, Script then) implements Script {}

    /** Socket-level faults. */
    public enum Fault implements Script {
        /** Close the connection without a response. */
        RESET,
        /** Send headers promising 1 MiB, then half of it, then close. */
        TRUNCATE,
        /** Send headers, then nothing until the test ends. */
        STALL,
        /** Send headers promising 1 MiB, then one byte every 100 ms until the test ends (a "slow drip"). */
        DRIP
    }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Function<String, Script> script;
    private final CountDownLatch closed = new CountDownLatch(1);

    public ScriptedUpstream(Function<String, Script> script) throws IOException {
        this.script = script;
        this.socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    /** {@return the base URL} */
    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** {@return the request paths received, in order} */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                threads.submit(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String path = head.split(" ")[1];
                requests.add(path);
                Script sc = script.apply(path);
                if (sc instanceof Gated g) {
                    g.gate().await(30, TimeUnit.SECONDS);
                    sc = g.then();
                }
                switch (sc) {
                    case Answer a -> {
                        // One answer per connection, ended by closing it: relays (a forward proxy) read to the end.
                        out.write(("HTTP/1.1 " + a.status() + " X\r\nContent-Type: " + a.contentType() + "\r\nContent-Length: "
                                + a.body().length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(a.body());
                        out.flush();
                        return;
                    }
                    case Fault f when f == Fault.RESET -> {
                        s.setSoLinger(true, 0);
                        return;
                    }
                    case Fault f when f == Fault.TRUNCATE -> {
                        out.write("HTTP/1.1 200 OK\r\nContent-Type: application/zip\r\nContent-Length: 1048576\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                        out.write(new byte[512 * 1024]);
                        out.flush();
                        return;
                    }
                    case Fault f when f == Fault.DRIP -> {
                        out.write("HTTP/1.1 200 OK\r\nContent-Type: application/zip\r\nContent-Length: 1048576\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        // Bounded: at most 1 MiB of drops, and never past the test's end.
                        for (int i = 0; i < 1 << 20 && !closed.await(100, TimeUnit.MILLISECONDS); i++) {
                            out.write('x');
                            out.flush();
                        }
                        return;
                    }
                    case Fault f -> {
                        out.write("HTTP/1.1 200 OK\r\nContent-Type: application/zip\r\nContent-Length: 1048576\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                        out.write(new byte[1000]);
                        out.flush();
                        closed.await(60, TimeUnit.SECONDS);
                        return;
                    }
                    default -> throw new IllegalStateException();
                }
            }
        } catch (IOException | InterruptedException e) {
            // The client went away.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            b.append((char) c);
            if (b.length() >= 4 && b.substring(b.length() - 4).equals("\r\n\r\n")) {
                return b.toString();
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        socket.close();
        for (Socket s : open) {
            s.close();
        }
        threads.shutdownNow();
    }

    /** A map-backed script: exact path → script, else 404. */
    public static Function<String, Script> table(ConcurrentHashMap<String, Script> table) {
        return path -> table.getOrDefault(path, Answer.text(404, "not found: " + path));
    }
}
