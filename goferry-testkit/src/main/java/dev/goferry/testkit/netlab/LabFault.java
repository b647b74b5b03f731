package dev.goferry.testkit.netlab;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;

/**
 * The lab's fault server, for what no real server can be told to do: reset or close a connection after
 * the request, hold it silently, or answer every DNS query with SERVFAIL. Test code cannot bind inside
 * a namespace, so it runs as a child JVM through {@code ip netns exec}: see {@link #start}.
 */
public final class LabFault {

    /** What the server does. */
    public enum Mode {
        /** Accepts, reads the first bytes the client sends, then closes with RST (SO_LINGER 0). */
        RESET,
        /** Accepts, reads the first bytes the client sends, then closes normally (FIN) without a reply. */
        CLOSE,
        /** Accepts and never sends a byte. */
        SILENCE,
        /** Answers every DNS query over UDP with SERVFAIL. */
        SERVFAIL
    }

    private LabFault() {}

    /** Starts a fault server on {@code address:port} in {@code namespace} of {@code lab}. */
    public static ServerProcess start(NetLab lab, String namespace, String name, Mode mode, String address, int port) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(java, "-Xmx32m", "-XX:TieredStopAtLevel=1",
                "-Djava.net.preferIPv4Stack=true", "-cp",
                System.getProperty("java.class.path"), LabFault.class.getName(), mode.name(), address,
                String.valueOf(port));
        return lab.start(namespace, name, cmd, (mode == Mode.SERVFAIL ? "udp:" : "tcp:") + address + ":" + port);
    }

    public static void main(String[] args) throws IOException {
        Mode mode = Mode.valueOf(args[0]);
        InetAddress address = InetAddress.getByName(args[1]);
        int port = Integer.parseInt(args[2]);
        if (mode == Mode.SERVFAIL) {
            servfail(new DatagramSocket(new InetSocketAddress(address, port)));
            return;
        }
        try (ServerSocket server = new ServerSocket(port, 50, address)) {
            while (true) {
                Socket s = server.accept();
                Thread.ofVirtual().start(() -> serve(s, mode));
            }
        }
    }

    private static void serve(Socket s, Mode mode) {
        try {
            InputStream in = s.getInputStream();
            if (mode == Mode.RESET || mode == Mode.CLOSE) {
                byte[] buf = new byte[4096];
                if (in.read(buf) > 0) {
                    Thread.sleep(50);  // let the whole request arrive: the reset or close then answers it
                    if (mode == Mode.RESET) {
                        s.setSoLinger(true, 0);
                    }
                    s.close();
                    return;
                }
            }
            while (in.read(new byte[4096]) >= 0) {
                // SILENCE (or a RESET client that sent nothing): hold the connection until the client leaves
            }
            s.close();
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void servfail(DatagramSocket socket) throws IOException {
        byte[] buf = new byte[1500];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            socket.receive(p);
            byte[] q = Arrays.copyOf(p.getData(), p.getLength());
            if (q.length < 12) {
                continue;
            }
            int end = 12;
            while (end < q.length && q[end] != 0) {
                end += (q[end] & 0xff) + 1;
            }
            byte[] r = Arrays.copyOf(q, Math.min(q.length, end + 5));
            r[2] = (byte) (0x80 | (q[2] & 0x01));  // a response; keep RD
            r[3] = (byte) 0x82;                     // RA, SERVFAIL
            Arrays.fill(r, 6, 12, (byte) 0);         // no answer, authority or additional records
            socket.send(new DatagramPacket(r, r.length, p.getSocketAddress()));
        }
    }
}
