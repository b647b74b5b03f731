package dev.goferry.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports with a known behaviour, for tests that need a connection to fail. */
public final class LoopbackPorts {

    private LoopbackPorts() {}

    /**
     * {@return a port on 127.0.0.1 that refuses connections}: one the kernel just handed out and
     * that was closed again, so nothing listens there (unless another process grabs it in between,
     * which ephemeral-port reuse makes unlikely within a test).
     */
    public static int refused() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a loopback port", e);
        }
    }
}
