package dev.goferry.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Loopback ports with a known behaviour, for tests that need a connection to fail. */
public final class LoopbackPorts {

    /** The sockets holding the refused ports, open for the life of the test JVM. */
    private static final List<Socket> HELD = new CopyOnWriteArrayList<>();

    private LoopbackPorts() {}

    /**
     * {@return a port on 127.0.0.1 that refuses connections}: a socket is bound there and kept
     * open but never listens, so a connection gets a reset and no later bind (of this JVM or any
     * other process) can be handed the port while the tests run.
     */
    public static int refused() {
        Socket socket = new Socket();
        try {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing was bound
            }
            throw new UncheckedIOException("cannot bind a loopback port", e);
        }
        HELD.add(socket);
        return socket.getLocalPort();
    }
}
