package dev.goferry.net.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** The one seam through which probes open TCP connections; {@link #SYSTEM} uses the JDK socket. */
@FunctionalInterface
public interface SocketConnector {

    /** Connects to {@code address} within {@code timeout}, or throws what the connect threw. */
    Socket connect(InetSocketAddress address, Duration timeout) throws IOException;

    /** A plain JDK socket with TCP_NODELAY, as Go's dialer sets it. */
    SocketConnector SYSTEM = (address, timeout) -> {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    };
}
