package dev.goferry.net.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A blackholed loopback port without firewall rules: a listening socket with backlog 1 that never
 * accepts, filled with connections until the kernel starts dropping SYNs, so a further connect
 * gets no answer at all (as behind a DROP rule).
 */
public final class FullBacklog implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> fillers = new ArrayList<>();

    public FullBacklog() throws IOException {
        server = new ServerSocket(0, 1, Loopback.v4());
        for (int i = 0; i < 16; i++) {
            Socket s = new Socket();
            try {
                s.connect(server.getLocalSocketAddress(), 300);
                fillers.add(s);
            } catch (SocketTimeoutException e) {
                s.close();
                return; // the queue is full: SYNs are now dropped
            }
        }
        close();
        throw new IllegalStateException("backlog of " + server + " never filled");
    }

    /** {@return the blackholed address} */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    @Override
    public void close() throws IOException {
        for (Socket s : fillers) {
            s.close();
        }
        server.close();
    }
}
