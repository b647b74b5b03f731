package dev.goferry.net.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback addresses and ports for test servers; nothing here ever leaves 127.0.0.0/8. */
public final class Loopback {

    private Loopback() {}

    /** {@return 127.0.0.1} */
    public static InetAddress v4() {
        return InetAddress.getLoopbackAddress();
    }

    /**
     * {@return a random address in 127.64.0.0/10}, so a server can take a well-known port (53)
     * without colliding with anything else on the machine
     */
    public static InetAddress randomV4() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        byte[] b = {127, (byte) (64 + r.nextInt(64)), (byte) r.nextInt(256), (byte) (2 + r.nextInt(250))};
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** {@return a TCP port free on 127.0.0.1 at the time of the call} */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, v4())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reports whether something accepts TCP connections at {@code address}. */
    public static boolean accepts(InetSocketAddress address) {
        try (Socket s = new Socket()) {
            s.connect(address, 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
