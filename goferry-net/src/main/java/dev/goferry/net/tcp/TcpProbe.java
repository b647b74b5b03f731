package dev.goferry.net.tcp;

import dev.goferry.net.Endpoint;
import dev.goferry.net.ProbeListener;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Connects to addresses with a deadline and records what happened, IPv4 and IPv6 alike. Go's
 * dialer splits its 30 s budget over the addresses (at least 2 s each); callers pass the
 * per-address deadline they want to mirror.
 */
public final class TcpProbe {

    private final SocketConnector connector;
    private final LongSupplier clock;

    public TcpProbe(SocketConnector connector, LongSupplier clock) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@return a probe on JDK sockets and the system clock} */
    public static TcpProbe system() {
        return new TcpProbe(SocketConnector.SYSTEM, System::nanoTime);
    }

    /**
     * An attempt and, when it connected, the open socket (the caller owns and closes it).
     *
     * @param attempt the evidence
     * @param socket  the connected socket, present only for {@link TcpOutcome.Connected}
     */
    public record Connection(TcpAttempt attempt, Optional<Socket> socket) {}

    /** Makes one attempt, leaving the socket open for the next layer. */
    public Connection connect(Endpoint endpoint, InetSocketAddress address, int attempt, Duration timeout,
                              ProbeListener listener) {
        listener.connectStart(endpoint, address);
        long start = clock.getAsLong();
        try {
            Socket socket = connector.connect(address, timeout);
            Duration elapsed = Duration.ofNanos(clock.getAsLong() - start);
            InetSocketAddress local = (InetSocketAddress) socket.getLocalSocketAddress();
            listener.connectEnd(endpoint, address, local);
            return new Connection(new TcpAttempt(address, attempt, new TcpOutcome.Connected(local, elapsed)),
                    Optional.of(socket));
        } catch (IOException e) {
            Duration elapsed = Duration.ofNanos(clock.getAsLong() - start);
            TcpOutcome outcome = TcpOutcome.ofFailure(e, elapsed);
            listener.connectFailed(endpoint, address, String.valueOf(e.getMessage()));
            return new Connection(new TcpAttempt(address, attempt, outcome), Optional.empty());
        }
    }

    /**
     * Makes {@code attempts} attempts to each of {@code addresses} on {@code port}, closing every
     * connection at once, and returns the evidence in the order made.
     */
    public List<TcpAttempt> probe(Endpoint endpoint, List<InetAddress> addresses, int port, int attempts,
                                  Duration timeout, ProbeListener listener) {
        if (attempts < 1) {
            throw new IllegalArgumentException("tcp probe of \"" + endpoint + "\": attempts " + attempts + " < 1");
        }
        List<TcpAttempt> out = new ArrayList<>();
        for (InetAddress address : addresses) {
            InetSocketAddress target = new InetSocketAddress(address, port);
            for (int i = 1; i <= attempts; i++) {
                Connection c = connect(endpoint, target, i, timeout, listener);
                c.socket().ifPresent(TcpProbe::closeQuietly);
                out.add(c.attempt());
            }
        }
        return List.copyOf(out);
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing to report: the evidence is already recorded
        }
    }
}
