package dev.goferry.net.tls;

import dev.goferry.net.Endpoint;
import dev.goferry.net.ProbeListener;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Runs a TLS handshake over an already-connected socket (direct, or a proxy tunnel) the way Go's
 * client starts one: SNI = the target host (none for an IP), TLS 1.2 minimum, ALPN {@code h2} and
 * {@code http/1.1}. A trust manager that only captures the presented chain lets every handshake
 * complete, so the chain is evidence even when Go would reject it; {@link ChainVerifier} then gives
 * Go's verdict against the roots passed in.
 *
 * <p>Known gap: this is the JDK's TLS stack. A middlebox that breaks on Go's larger ClientHello
 * (post-quantum key shares, Go 1.23+) can pass here and still fail for Go.
 */
public final class TlsProbe {

    /** What Go's HTTP transport offers (ForceAttemptHTTP2). */
    public static final List<String> GO_ALPN = List.of("h2", "http/1.1");

    private final ChainVerifier verifier;
    private final LongSupplier clock;

    public TlsProbe(ChainVerifier verifier, LongSupplier clock) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@return a probe on the system clocks} */
    public static TlsProbe system() {
        return new TlsProbe(ChainVerifier.system(), System::nanoTime);
    }

    /**
     * A handshake's evidence and, when it completed, the TLS socket (the caller owns and closes it).
     */
    public record Handshake(TlsOutcome outcome, Optional<SSLSocket> socket) {}

    /**
     * Handshakes over {@code socket} for {@code host}, offering {@code alpn}, within {@code timeout};
     * judges the chain against {@code roots}. On failure the socket is closed.
     */
    public Handshake handshake(Endpoint endpoint, Socket socket, String host, List<String> alpn,
                               List<X509Certificate> roots, Duration timeout, ProbeListener listener) {
        AtomicReference<List<X509Certificate>> seen = new AtomicReference<>(List.of());
        listener.tlsStart(endpoint, host);
        long start = clock.getAsLong();
        SSLSocket tls = null;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {new CapturingTrustManager(seen)}, null);
            tls = (SSLSocket) context.getSocketFactory().createSocket(socket, host, socket.getPort(), true);
            SSLParameters p = tls.getSSLParameters();
            p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            p.setApplicationProtocols(alpn.toArray(String[]::new));
            p.setEndpointIdentificationAlgorithm(null);
            Optional<String> sni = sniName(host);
            p.setServerNames(sni.isEmpty() ? List.of() : List.of(new SNIHostName(sni.get())));
            tls.setSSLParameters(p);
            tls.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            tls.startHandshake();
            Duration elapsed = Duration.ofNanos(clock.getAsLong() - start);
            var s = tls.getSession();
            List<X509Certificate> chain = seen.get();
            String negotiated = tls.getApplicationProtocol();
            TlsSession session = new TlsSession(s.getProtocol(), s.getCipherSuite(),
                    negotiated == null || negotiated.isEmpty() ? Optional.empty() : Optional.of(negotiated),
                    infos(chain), chain);
            listener.tlsEnd(endpoint, s.getProtocol(), s.getCipherSuite());
            tls.setSoTimeout(0);
            return new Handshake(new TlsOutcome.Completed(session, verifier.verify(chain, host, roots), elapsed),
                    Optional.of(tls));
        } catch (IOException e) {
            Duration elapsed = Duration.ofNanos(clock.getAsLong() - start);
            close(tls, socket);
            listener.tlsFailed(endpoint, String.valueOf(e.getMessage()));
            if (e instanceof SocketTimeoutException) {
                return new Handshake(new TlsOutcome.TimedOut(infos(seen.get()), elapsed), Optional.empty());
            }
            return new Handshake(new TlsOutcome.Failed(alert(e), describe(e), infos(seen.get()), elapsed),
                    Optional.empty());
        } catch (GeneralSecurityException e) {
            close(tls, socket);
            throw new IllegalStateException("tls context: " + e.getMessage(), e);
        }
    }

    /**
     * Go's {@code hostnameInSNI}: no SNI for an IP literal (brackets and zone allowed), else the
     * host without trailing dots.
     */
    static Optional<String> sniName(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int zone = h.lastIndexOf('%');
        if (zone > 0) {
            h = h.substring(0, zone);
        }
        if (HostnameMatcher.isIp(h)) {
            return Optional.empty();
        }
        String name = host;
        while (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    private static String describe(IOException e) {
        String m = String.valueOf(e.getMessage());
        return e.getCause() != null && e.getCause().getMessage() != null && !m.contains(e.getCause().getMessage())
                ? m + ": " + e.getCause().getMessage() : m;
    }

    /** Pulls the alert name out of the JDK's "Received fatal alert: X" text. */
    static Optional<String> alert(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.contains("Received fatal alert: ")) {
                return Optional.of(m.substring(m.indexOf("Received fatal alert: ") + 22).trim());
            }
        }
        return Optional.empty();
    }

    private static List<CertificateInfo> infos(List<X509Certificate> chain) {
        List<CertificateInfo> out = new ArrayList<>();
        for (X509Certificate c : chain) {
            out.add(CertificateInfo.of(c));
        }
        return out;
    }

    private static void close(SSLSocket tls, Socket socket) {
        try {
            if (tls != null) {
                tls.close();
            }
            socket.close();
        } catch (IOException e) {
            // evidence already taken
        }
    }

    /** Records the server's chain and accepts it: judging is {@link ChainVerifier}'s job. */
    private static final class CapturingTrustManager extends X509ExtendedTrustManager {
        private final AtomicReference<List<X509Certificate>> seen;

        CapturingTrustManager(AtomicReference<List<X509Certificate>> seen) {
            this.seen = seen;
        }

        private void capture(X509Certificate[] chain) {
            seen.set(chain == null ? List.of() : List.of(chain));
        }

        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) { capture(chain); }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { capture(chain); }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { capture(chain); }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
        @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }
}
