package dev.goferry.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/** Forwards every hook to two listeners in order; lets a probe record its own timeline and still report. */
public record TeeProbeListener(ProbeListener first, ProbeListener second) implements ProbeListener {
    @Override public void dnsStart(Endpoint e, String n) { first.dnsStart(e, n); second.dnsStart(e, n); }
    @Override public void dnsEnd(Endpoint e, String n, List<InetAddress> a) { first.dnsEnd(e, n, a); second.dnsEnd(e, n, a); }
    @Override public void dnsFailed(Endpoint e, String n, String r) { first.dnsFailed(e, n, r); second.dnsFailed(e, n, r); }
    @Override public void connectStart(Endpoint e, InetSocketAddress a) { first.connectStart(e, a); second.connectStart(e, a); }
    @Override public void connectEnd(Endpoint e, InetSocketAddress a, InetSocketAddress l) {
        first.connectEnd(e, a, l);
        second.connectEnd(e, a, l);
    }
    @Override public void connectFailed(Endpoint e, InetSocketAddress a, String r) {
        first.connectFailed(e, a, r);
        second.connectFailed(e, a, r);
    }
    @Override public void proxyConnectStart(Endpoint e, InetSocketAddress p) {
        first.proxyConnectStart(e, p);
        second.proxyConnectStart(e, p);
    }
    @Override public void proxyConnectEnd(Endpoint e, int s) { first.proxyConnectEnd(e, s); second.proxyConnectEnd(e, s); }
    @Override public void proxyConnectFailed(Endpoint e, String r) { first.proxyConnectFailed(e, r); second.proxyConnectFailed(e, r); }
    @Override public void tlsStart(Endpoint e, String s) { first.tlsStart(e, s); second.tlsStart(e, s); }
    @Override public void tlsEnd(Endpoint e, String p, String c) { first.tlsEnd(e, p, c); second.tlsEnd(e, p, c); }
    @Override public void tlsFailed(Endpoint e, String r) { first.tlsFailed(e, r); second.tlsFailed(e, r); }
    @Override public void requestSent(Endpoint e, String m, String t) { first.requestSent(e, m, t); second.requestSent(e, m, t); }
    @Override public void firstByte(Endpoint e) { first.firstByte(e); second.firstByte(e); }
    @Override public void bodyRead(Endpoint e, long b) { first.bodyRead(e, b); second.bodyRead(e, b); }
    @Override public void responseEnd(Endpoint e, long b) { first.responseEnd(e, b); second.responseEnd(e, b); }
    @Override public void responseFailed(Endpoint e, String r) { first.responseFailed(e, r); second.responseFailed(e, r); }
}
