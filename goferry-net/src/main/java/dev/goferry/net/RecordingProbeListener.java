package dev.goferry.net;

import dev.goferry.net.ProbeEvent.*;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;

/**
 * A listener that records every hook as a {@link ProbeEvent} stamped by an injected clock.
 * Tests inject a fake clock; production uses {@code System::nanoTime}. Safe to share between
 * threads: events keep the order in which the hooks ran.
 */
public final class RecordingProbeListener implements ProbeListener {

    private final LongSupplier clock;
    private final ConcurrentLinkedQueue<ProbeEvent> events = new ConcurrentLinkedQueue<>();

    public RecordingProbeListener(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@return a recorder on the system's monotonic clock} */
    public static RecordingProbeListener onSystemClock() {
        return new RecordingProbeListener(System::nanoTime);
    }

    /** {@return the events recorded so far, oldest first} */
    public List<ProbeEvent> events() {
        return List.copyOf(events);
    }

    /** {@return the timeline of the events recorded so far} */
    public Timeline timeline() {
        return Timeline.of(events());
    }

    private void add(ProbeEvent event) {
        events.add(event);
    }

    @Override public void dnsStart(Endpoint e, String name) { add(new DnsStart(e, clock.getAsLong(), name)); }
    @Override public void dnsEnd(Endpoint e, String name, List<InetAddress> addresses) {
        add(new DnsEnd(e, clock.getAsLong(), name, addresses));
    }
    @Override public void dnsFailed(Endpoint e, String name, String reason) {
        add(new DnsFailed(e, clock.getAsLong(), name, reason));
    }
    @Override public void connectStart(Endpoint e, InetSocketAddress a) { add(new ConnectStart(e, clock.getAsLong(), a)); }
    @Override public void connectEnd(Endpoint e, InetSocketAddress a, InetSocketAddress local) {
        add(new ConnectEnd(e, clock.getAsLong(), a, local));
    }
    @Override public void connectFailed(Endpoint e, InetSocketAddress a, String reason) {
        add(new ConnectFailed(e, clock.getAsLong(), a, reason));
    }
    @Override public void proxyConnectStart(Endpoint e, InetSocketAddress proxy) {
        add(new ProxyConnectStart(e, clock.getAsLong(), proxy));
    }
    @Override public void proxyConnectEnd(Endpoint e, int status) { add(new ProxyConnectEnd(e, clock.getAsLong(), status)); }
    @Override public void proxyConnectFailed(Endpoint e, String reason) {
        add(new ProxyConnectFailed(e, clock.getAsLong(), reason));
    }
    @Override public void tlsStart(Endpoint e, String serverName) { add(new TlsStart(e, clock.getAsLong(), serverName)); }
    @Override public void tlsEnd(Endpoint e, String protocol, String cipher) {
        add(new TlsEnd(e, clock.getAsLong(), protocol, cipher));
    }
    @Override public void tlsFailed(Endpoint e, String reason) { add(new TlsFailed(e, clock.getAsLong(), reason)); }
    @Override public void requestSent(Endpoint e, String method, String target) {
        add(new RequestSent(e, clock.getAsLong(), method, target));
    }
    @Override public void firstByte(Endpoint e) { add(new FirstByte(e, clock.getAsLong())); }
    @Override public void responseEnd(Endpoint e, long bodyBytes) { add(new ResponseEnd(e, clock.getAsLong(), bodyBytes)); }
    @Override public void responseFailed(Endpoint e, String reason) {
        add(new ResponseFailed(e, clock.getAsLong(), reason));
    }
}
