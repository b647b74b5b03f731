package dev.goferry.net.http;

import dev.goferry.net.Endpoint;
import dev.goferry.net.ProbeListener;
import dev.goferry.net.RecordingProbeListener;
import dev.goferry.net.TeeProbeListener;
import dev.goferry.net.dns.Resolver;
import dev.goferry.net.proxy.ConnectOutcome;
import dev.goferry.net.proxy.ConnectProbe;
import dev.goferry.net.proxy.ProxyUrl;
import dev.goferry.net.tcp.TcpAttempt;
import dev.goferry.net.tcp.TcpProbe;
import dev.goferry.net.tls.TlsOutcome;
import dev.goferry.net.tls.TlsProbe;
import dev.goferry.net.wire.Header;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Walks one URL through every layer as Go's transport would and keeps the evidence of each:
 * resolve (the target, or the proxy), connect (addresses in order until one connects), then
 * <ul>
 *   <li>{@code https} direct: TLS to the target, request in origin form;</li>
 *   <li>{@code https} through an http proxy: CONNECT, TLS through the tunnel, origin form;</li>
 *   <li>{@code http} through an http proxy: the request in absolute form to the proxy, with
 *       {@code Proxy-Authorization} when the proxy URL has credentials;</li>
 *   <li>{@code http} direct: origin form.</li>
 * </ul>
 * The request's TLS offers only {@code http/1.1} in ALPN since the exchange speaks HTTP/1.1;
 * use {@link TlsProbe} directly with {@link TlsProbe#GO_ALPN} to see what Go would negotiate.
 * A TLS verdict other than verified does not stop the walk: the HTTP layer is still probed, so a
 * diagnosis sees both the certificate problem and what is behind it.
 */
public final class HttpProbe {

    private final Resolver resolver;
    private final TcpProbe tcp;
    private final ConnectProbe connect;
    private final TlsProbe tls;
    private final HttpExchange exchange;
    private final LongSupplier clock;

    public HttpProbe(Resolver resolver, TcpProbe tcp, ConnectProbe connect, TlsProbe tls, HttpExchange exchange,
                     LongSupplier clock) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.tcp = Objects.requireNonNull(tcp, "tcp");
        this.connect = Objects.requireNonNull(connect, "connect");
        this.tls = Objects.requireNonNull(tls, "tls");
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@return a probe on the system's sockets and clocks, resolving through {@code resolver}} */
    public static HttpProbe system(Resolver resolver) {
        return new HttpProbe(resolver, TcpProbe.system(), ConnectProbe.system(), TlsProbe.system(),
                HttpExchange.system(), System::nanoTime);
    }

    /**
     * Probes {@code method} ({@code GET} or {@code HEAD}) of {@code url}, through {@code proxy}
     * when present, judging TLS against {@code roots}, within {@code limits}.
     */
    public HttpProbeReport probe(String method, URI url, Optional<ProxyUrl> proxy, List<X509Certificate> roots,
                                 Limits limits, ProbeListener listener) {
        return probe(method, url, proxy, roots, limits, List.of(), listener);
    }

    /**
     * As {@link #probe(String, URI, Optional, List, Limits, ProbeListener)}, sending {@code headers}
     * too (a {@code Range} for a bounded download).
     */
    public HttpProbeReport probe(String method, URI url, Optional<ProxyUrl> proxy, List<X509Certificate> roots,
                                 Limits limits, List<Header> headers, ProbeListener listener) {
        String scheme = Objects.requireNonNullElse(url.getScheme(), "").toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("probe url \"" + url + "\": scheme must be http or https");
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new IllegalArgumentException("probe method \"" + method + "\": only GET and HEAD");
        }
        String host = unbracket(Objects.requireNonNull(url.getHost(), () -> "probe url \"" + url + "\": no host"));
        int port = url.getPort() > 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        Endpoint endpoint = new Endpoint(scheme, host, port);
        RecordingProbeListener recorder = new RecordingProbeListener(clock);
        ProbeListener events = new TeeProbeListener(recorder, listener);

        String dialHost = proxy.map(ProxyUrl::host).orElse(host);
        int dialPort = proxy.map(ProxyUrl::port).orElse(port);
        Builder report = new Builder(url, proxy, dialHost);

        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(dialHost, endpoint, events);
        } catch (UnknownHostException e) {
            report.dnsError = Optional.of(String.valueOf(e.getMessage()));
            return report.build(recorder);
        }
        report.addresses = addresses;

        Socket socket = null;
        for (InetAddress a : addresses) {
            TcpProbe.Connection c = tcp.connect(endpoint, new InetSocketAddress(a, dialPort), 1, limits.connectTimeout(),
                    events);
            report.connects.add(c.attempt());
            if (c.socket().isPresent()) {
                socket = c.socket().get();
                break;
            }
        }
        if (socket == null) {
            return report.build(recorder);
        }
        try {
            String authority = authority(host, port, scheme);
            String target = requestTarget(url);
            List<Header> extra = new ArrayList<>(headers);
            if (scheme.equals("https")) {
                if (proxy.isPresent()) {
                    ConnectProbe.Result r = connect.connect(endpoint, socket, proxy.get(), host, port,
                            limits.proxyTimeout(), events);
                    report.proxyConnect = Optional.of(r.outcome());
                    if (!(r.outcome() instanceof ConnectOutcome.Established)) {
                        socket = null; // closed by the connect probe
                        return report.build(recorder);
                    }
                }
                TlsProbe.Handshake h = tls.handshake(endpoint, socket, host, List.of("http/1.1"), roots,
                        limits.tlsTimeout(), events);
                report.tls = Optional.of(h.outcome());
                if (h.socket().isEmpty()) {
                    socket = null; // closed by the TLS probe
                    return report.build(recorder);
                }
                socket = h.socket().get();
            } else if (proxy.isPresent()) {
                target = url.toASCIIString().replaceFirst("#.*$", "");
                proxy.get().authorization().ifPresent(a -> extra.add(new Header("Proxy-Authorization", a)));
            }
            report.http = Optional.of(exchange.exchange(endpoint, socket, method, target, authority, extra, limits,
                    events));
            return report.build(recorder);
        } finally {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // evidence already taken
                }
            }
        }
    }

    /** Go's Host header: the port only when it is not the scheme's default. */
    static String authority(String host, int port, String scheme) {
        String h = host.contains(":") ? "[" + host + "]" : host;
        boolean defaultPort = scheme.equals("https") ? port == 443 : port == 80;
        return defaultPort ? h : h + ":" + port;
    }

    /** The origin-form target: raw path (or "/") and raw query. */
    static String requestTarget(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static final class Builder {
        final URI url;
        final Optional<ProxyUrl> proxy;
        final String dialHost;
        List<InetAddress> addresses = List.of();
        Optional<String> dnsError = Optional.empty();
        final List<TcpAttempt> connects = new ArrayList<>();
        Optional<ConnectOutcome> proxyConnect = Optional.empty();
        Optional<TlsOutcome> tls = Optional.empty();
        Optional<HttpOutcome> http = Optional.empty();

        Builder(URI url, Optional<ProxyUrl> proxy, String dialHost) {
            this.url = url;
            this.proxy = proxy;
            this.dialHost = dialHost;
        }

        HttpProbeReport build(RecordingProbeListener recorder) {
            return new HttpProbeReport(url, proxy, dialHost, addresses, dnsError, connects, proxyConnect, tls, http,
                    recorder.timeline());
        }
    }
}
