package dev.goferry.doctor.explain;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Loopback servers that fail the way networks do, for the real go command to meet: one that resets
 * every connection, an HTTP proxy that answers a fixed status to CONNECT, HTTPS servers with bad
 * certificates (made with the JDK's keytool). All bound to 127.0.0.1; closed with {@link #close()}.
 */
final class FaultServers implements AutoCloseable {

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-server");
        t.setDaemon(true);
        return t;
    });
    private final List<AutoCloseable> open = new ArrayList<>();

    /** {@return the port of a server that reads the request, then resets the connection} */
    int resetting() {
        return socketServer(s -> {
            readHead(s);
            s.setSoLinger(true, 0);
            s.close();
        });
    }

    /** {@return the port of an HTTP proxy answering {@code statusLine} (e.g. {@code 407 Proxy Authentication Required}) to everything} */
    int proxyAnswering(String statusLine, String extraHeader) {
        return socketServer(s -> {
            readHead(s);
            s.getOutputStream().write(("HTTP/1.1 " + statusLine + "\r\n" + extraHeader + "Content-Length: 0\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.close();
        });
    }

    /** {@return the port of a server that writes a plain HTTP answer as soon as it accepts, without reading} */
    int plainAtOnce() {
        return socketServer(s -> {
            s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.close();
        });
    }

    /**
     * {@return the port of an HTTPS server on 127.0.0.1 with a self-signed certificate made by
     * keytool with {@code san} (e.g. {@code ip:127.0.0.1}) and {@code validity} arguments}
     */
    int https(Path scratch, String name, String san, String... validity) {
        try {
            Files.createDirectories(scratch);
            Path ks = scratch.resolve(name + ".p12");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                    "-keypass", "changeit", "-alias", "s", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=goferry " + name, "-ext", "san=" + san));
            cmd.addAll(List.of(validity));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool for " + name + " failed: " + out);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(ks)) {
                store.load(in, "changeit".toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, "changeit".toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.setHttpsConfigurator(new HttpsConfigurator(ctx));
            server.setExecutor(executor);
            server.createContext("/", ex -> {
                ex.sendResponseHeaders(404, -1);
                ex.close();
            });
            server.start();
            open.add(() -> server.stop(0));
            return server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@return the port of a plain HTTP server on 127.0.0.1 serving the files under {@code root} (git's dumb protocol)} */
    int staticFiles(Path root) {
        try {
            com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.setExecutor(executor);
            server.createContext("/", ex -> {
                Path file = root.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
                if (file.startsWith(root) && Files.isRegularFile(file)) {
                    byte[] body = Files.readAllBytes(file);
                    ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
                    ex.sendResponseHeaders(200, body.length);
                    ex.getResponseBody().write(body);
                } else {
                    ex.sendResponseHeaders(404, -1);
                }
                ex.close();
            });
            server.start();
            open.add(() -> server.stop(0));
            return server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Handler {
        void handle(Socket s) throws IOException;
    }

    private int socketServer(Handler handler) {
        try {
            ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
            open.add(server);
            executor.execute(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        s.setSoTimeout(10_000);
                        executor.execute(() -> {
                            try (s) {
                                handler.handle(s);
                            } catch (IOException ignored) {
                                // the client went away: nothing to fault any more
                            }
                        });
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            return server.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readHead(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int c;
        while (head.size() < 16 * 1024 && (c = in.read()) >= 0) {
            head.write(c);
            byte[] b = head.toByteArray();
            int n = b.length;
            if (n >= 4 && b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n') {
                return;
            }
        }
    }

    @Override
    public void close() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing the rest matters more
            }
        }
        executor.shutdownNow();
    }
}
