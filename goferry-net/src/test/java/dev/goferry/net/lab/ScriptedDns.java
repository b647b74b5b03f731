package dev.goferry.net.lab;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * A UDP DNS responder for replies dnsmasq cannot be made to give on demand: it answers every
 * query with the same header flags and rcode and no records (SERVFAIL, NOTIMP, a "lame referral"
 * NOERROR without AA and RA). The question is echoed, as real servers do.
 */
public final class ScriptedDns implements AutoCloseable {

    private final DatagramSocket socket;
    private final Thread thread;

    /**
     * @param listen      where to listen (port 0 for any)
     * @param rcode       the rcode to answer with
     * @param recursionAvailable whether to set RA (and AA is never set)
     */
    public ScriptedDns(InetSocketAddress listen, int rcode, boolean recursionAvailable) throws IOException {
        socket = new DatagramSocket(listen);
        thread = Thread.ofVirtual().start(() -> serve(rcode, recursionAvailable));
    }

    /** {@return the address to query} */
    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void serve(int rcode, boolean ra) {
        byte[] buf = new byte[1500];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                byte[] q = Arrays.copyOf(p.getData(), p.getLength());
                int end = questionEnd(q);
                byte[] r = Arrays.copyOf(q, end);
                r[2] = (byte) (0x80 | (q[2] & 0x01));               // QR, keep RD
                r[3] = (byte) ((ra ? 0x80 : 0) | (rcode & 0x0f));
                r[6] = 0; r[7] = 0; r[8] = 0; r[9] = 0; r[10] = 0; r[11] = 0; // no AN/NS/AR (drops the OPT)
                socket.send(new DatagramPacket(r, r.length, p.getSocketAddress()));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static int questionEnd(byte[] q) {
        int i = 12;
        while (i < q.length && q[i] != 0) {
            i += (q[i] & 0xff) + 1;
        }
        return Math.min(q.length, i + 1 + 4);
    }

    @Override
    public void close() {
        socket.close();
        thread.interrupt();
    }
}
