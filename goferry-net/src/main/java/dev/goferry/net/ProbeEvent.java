package dev.goferry.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * One recorded {@link ProbeListener} call, stamped with {@code System.nanoTime}-style time from an
 * injected clock. Records carry the hook's arguments, so a pure step ({@link Timeline}) can pair
 * starts with ends, the way OkHttp's {@code CallEvent.closes} does.
 */
public sealed interface ProbeEvent {

    /** {@return the endpoint the event belongs to} */
    Endpoint endpoint();

    /** {@return the clock reading when the hook ran, in nanoseconds of an arbitrary origin} */
    long nanoTime();

    /** {@return the phase this event opens, closes or marks} */
    Phase phase();

    /** {@return what this event does to its phase} */
    Kind kind();

    /** {@return what distinguishes repeated attempts of the phase: the name or address, else empty} */
    default String detail() {
        return "";
    }

    /** How an event relates to its phase. */
    enum Kind { START, END, FAILED, MARK }

    record DnsStart(Endpoint endpoint, long nanoTime, String name) implements ProbeEvent {
        public Phase phase() { return Phase.DNS; }
        public Kind kind() { return Kind.START; }
        public String detail() { return name; }
    }

    record DnsEnd(Endpoint endpoint, long nanoTime, String name, List<InetAddress> addresses) implements ProbeEvent {
        public DnsEnd {
            addresses = List.copyOf(addresses);
        }
        public Phase phase() { return Phase.DNS; }
        public Kind kind() { return Kind.END; }
        public String detail() { return name; }
    }

    record DnsFailed(Endpoint endpoint, long nanoTime, String name, String reason) implements ProbeEvent {
        public Phase phase() { return Phase.DNS; }
        public Kind kind() { return Kind.FAILED; }
        public String detail() { return name; }
    }

    record ConnectStart(Endpoint endpoint, long nanoTime, InetSocketAddress address) implements ProbeEvent {
        public Phase phase() { return Phase.CONNECT; }
        public Kind kind() { return Kind.START; }
        public String detail() { return address.toString(); }
    }

    record ConnectEnd(Endpoint endpoint, long nanoTime, InetSocketAddress address, InetSocketAddress local)
            implements ProbeEvent {
        public Phase phase() { return Phase.CONNECT; }
        public Kind kind() { return Kind.END; }
        public String detail() { return address.toString(); }
    }

    record ConnectFailed(Endpoint endpoint, long nanoTime, InetSocketAddress address, String reason)
            implements ProbeEvent {
        public Phase phase() { return Phase.CONNECT; }
        public Kind kind() { return Kind.FAILED; }
        public String detail() { return address.toString(); }
    }

    record ProxyConnectStart(Endpoint endpoint, long nanoTime, InetSocketAddress proxy) implements ProbeEvent {
        public Phase phase() { return Phase.PROXY; }
        public Kind kind() { return Kind.START; }
    }

    record ProxyConnectEnd(Endpoint endpoint, long nanoTime, int status) implements ProbeEvent {
        public Phase phase() { return Phase.PROXY; }
        public Kind kind() { return Kind.END; }
    }

    record ProxyConnectFailed(Endpoint endpoint, long nanoTime, String reason) implements ProbeEvent {
        public Phase phase() { return Phase.PROXY; }
        public Kind kind() { return Kind.FAILED; }
    }

    record TlsStart(Endpoint endpoint, long nanoTime, String serverName) implements ProbeEvent {
        public Phase phase() { return Phase.TLS; }
        public Kind kind() { return Kind.START; }
    }

    record TlsEnd(Endpoint endpoint, long nanoTime, String protocol, String cipherSuite) implements ProbeEvent {
        public Phase phase() { return Phase.TLS; }
        public Kind kind() { return Kind.END; }
    }

    record TlsFailed(Endpoint endpoint, long nanoTime, String reason) implements ProbeEvent {
        public Phase phase() { return Phase.TLS; }
        public Kind kind() { return Kind.FAILED; }
    }

    /** Opens {@link Phase#WAIT}. */
    record RequestSent(Endpoint endpoint, long nanoTime, String method, String target) implements ProbeEvent {
        public Phase phase() { return Phase.WAIT; }
        public Kind kind() { return Kind.START; }
    }

    /** Closes {@link Phase#WAIT} and opens {@link Phase#BODY}. */
    record FirstByte(Endpoint endpoint, long nanoTime) implements ProbeEvent {
        public Phase phase() { return Phase.WAIT; }
        public Kind kind() { return Kind.END; }
    }

    /** Closes {@link Phase#BODY}. */
    record ResponseEnd(Endpoint endpoint, long nanoTime, long bodyBytes) implements ProbeEvent {
        public Phase phase() { return Phase.BODY; }
        public Kind kind() { return Kind.END; }
    }

    /** Fails {@link Phase#BODY} or, before the first byte, {@link Phase#WAIT}. */
    record ResponseFailed(Endpoint endpoint, long nanoTime, String reason) implements ProbeEvent {
        public Phase phase() { return Phase.BODY; }
        public Kind kind() { return Kind.FAILED; }
    }

}
