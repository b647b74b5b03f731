package dev.goferry.net.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny scripted TCP server on loopback for faults no real server can be asked for: it reads one
 * request head per connection, records it, then applies its {@link Fault}. Connections are served
 * on virtual threads and all closed by {@link #close()}.
 */
public final class FaultServer implements AutoCloseable {

    private final ServerSocket server;
    private final Fault fault;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public FaultServer(Fault fault) throws IOException {
        this.fault = fault;
        this.server = new ServerSocket(0, 50, Loopback.v4());
        this.acceptor = Thread.ofVirtual().start(this::acceptLoop);
    }

    /** {@return the address to dial} */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** {@return the request heads received so far} */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try {
            requests.add(readHead(s.getInputStream()));
            OutputStream out = s.getOutputStream();
            switch (fault) {
                case Fault.Reply r -> {
                    out.write(r.bytes().getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    drain(s.getInputStream());
                }
                case Fault.LateReply lr -> {
                    Thread.sleep(lr.delay());
                    out.write(lr.bytes().getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    drain(s.getInputStream());
                }
                case Fault.StallAfter st -> {
                    out.write(st.head().getBytes(StandardCharsets.ISO_8859_1));
                    out.write(new byte[st.firstBytes()]);
                    out.flush();
                    drain(s.getInputStream());
                }
                case Fault.Paced pc -> {
                    out.write(pc.head().getBytes(StandardCharsets.ISO_8859_1));
                    for (java.time.Duration pause : pc.pauses()) {
                        out.write(new byte[pc.pieceBytes()]);
                        out.flush();
                        Thread.sleep(pause);
                    }
                    drain(s.getInputStream());
                }
                case Fault.ReplyAndClose r -> {
                    out.write(r.bytes().getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    s.close();
                }
                case Fault.Close c -> s.close();
                case Fault.Silence si -> drain(s.getInputStream());
            }
        } catch (IOException e) {
            // the client went away: nothing to serve
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();  // closing down
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            String s = b.toString(StandardCharsets.ISO_8859_1);
            if (s.endsWith("\r\n\r\n") || b.size() > 65536) {
                return s;
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[4096];
        while (in.read(buf) >= 0) {
            // hold the connection until the client closes it
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
        acceptor.interrupt();
    }
}
