package dev.goferry.net.http;

import dev.goferry.net.Timeline;
import dev.goferry.net.proxy.ConnectOutcome;
import dev.goferry.net.proxy.ProxyUrl;
import dev.goferry.net.tcp.TcpAttempt;
import dev.goferry.net.tls.TlsOutcome;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one HTTP probe saw, layer by layer. A layer that was not reached is empty; the last
 * present layer is where the walk stopped. Filled in on failure too.
 *
 * @param url          the URL probed
 * @param proxy        the proxy dialled, if any
 * @param dialedHost   the host resolved and dialled (the proxy's, when there is one)
 * @param addresses    the addresses it resolved to (empty when resolution failed)
 * @param dnsError     why resolution failed, when it did
 * @param connects     every TCP attempt, in order; the last one connected if any did
 * @param proxyConnect the CONNECT evidence (https through an http proxy)
 * @param tls          the TLS evidence (https)
 * @param http         the HTTP evidence
 * @param timeline     the phase timings
 */
public record HttpProbeReport(URI url, Optional<ProxyUrl> proxy, String dialedHost, List<InetAddress> addresses,
                              Optional<String> dnsError, List<TcpAttempt> connects,
                              Optional<ConnectOutcome> proxyConnect, Optional<TlsOutcome> tls,
                              Optional<HttpOutcome> http, Timeline timeline) {
    public HttpProbeReport {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(dialedHost, "dialedHost");
        addresses = List.copyOf(addresses);
        Objects.requireNonNull(dnsError, "dnsError");
        connects = List.copyOf(connects);
        Objects.requireNonNull(proxyConnect, "proxyConnect");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(timeline, "timeline");
    }
}
