package dev.goferry.cli;


import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A loopback lab for {@code goferry doctor} runs in-process: module proxies on 127.0.0.1, a server
 * whose status line carries an XSS attempt, and DoctorCommand's seams replaced by a machine whose
 * only resolver is 127.0.0.1 and a guard that fails on any other address (as in DoctorCommandTest).
 * {@link #close()} restores the seams, stops the servers and fails when anything else was reached.
 */
final class LoopbackDoctor implements AutoCloseable {

    static final InetAddress LOOPBACK = LoopbackSeams.LOOPBACK;
    /** A reason phrase no page may turn into markup. */
    static final String XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    private final LoopbackSeams seams;
    private final DoctorFix.Confirm savedConfirm = DoctorCommand.confirm;
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<ServerSocket> sockets = new ArrayList<>();

    LoopbackDoctor() {
        seams = LoopbackSeams.install();
    }

    /**
     * {@return the base URL of a module proxy serving the reference module's and the toolchain's
     * lists; {@code sumdb} says whether it also proxies the checksum database}
     */
    String proxy(boolean sumdb) throws IOException {
        Map<String, String> bodies = sumdb ? Map.of("/golang.org/x/text/@v/list", "v0.3.0\nv0.14.0\n",
                "/golang.org/toolchain/@v/list", "v0.0.1-go1.21.0.linux-amd64\n", "/sumdb/sum.golang.org/supported", "")
                : Map.of("/golang.org/x/text/@v/list", "v0.3.0\nv0.14.0\n",
                "/golang.org/toolchain/@v/list", "v0.0.1-go1.21.0.linux-amd64\n");
        HttpServer s = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 16);
        s.createContext("/", ex -> {
            String body = bodies.get(ex.getRequestURI().getPath());
            byte[] b = (body == null ? "not found" : body).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            ex.sendResponseHeaders(body == null ? 404 : 200, b.length == 0 ? -1 : b.length);
            if (b.length > 0) {
                ex.getResponseBody().write(b);
            }
            ex.close();
        });
        s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        s.start();
        servers.add(s);
        return "http://127.0.0.1:" + s.getAddress().getPort();
    }

    /** {@return the base URL of a server answering everything with 503 and {@link #XSS} as reason phrase} */
    String hostile() throws IOException {
        ServerSocket server = new ServerSocket(0, 16, LOOPBACK);
        sockets.add(server);
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(5000);
                    s.getInputStream().read(new byte[4096]);
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 503 " + XSS + "\r\nContent-Type: text/html\r\nContent-Length: 0\r\n"
                            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (IOException e) {
                    // closed by close(), or a probe gave up: next connection
                }
            }
        });
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The options every lab run needs: no public resolvers, no release hosts, a short deadline. */
    static List<String> doctorArgs(String... more) {
        List<String> args = new ArrayList<>(List.of("doctor", "--no-public-dns", "--release-index", "off",
                "--release-download", "off", "--timeout", "10s"));
        args.addAll(List.of(more));
        return args;
    }

    @Override
    public void close() throws IOException {
        DoctorCommand.confirm = savedConfirm;
        servers.forEach(s -> s.stop(0));
        for (ServerSocket s : sockets) {
            s.close();
        }
        seams.close();
    }
}
