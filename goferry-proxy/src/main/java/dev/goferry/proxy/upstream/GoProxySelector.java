package dev.goferry.proxy.upstream;

import dev.goferry.gomod.httpproxy.ProxyDecision;
import dev.goferry.gomod.httpproxy.ProxyEnvironment;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the HTTP proxy for an upstream request by Go's {@code http.ProxyFromEnvironment} rules
 * (goferry-gomod's {@link ProxyEnvironment}), so goferry routes exactly as the go command on the
 * same host would. The JDK client speaks only to HTTP proxies: a decision for an https:// or
 * socks5:// proxy is reported by {@link #unsupported(URI)} rather than silently bypassed.
 */
public final class GoProxySelector extends ProxySelector {

    private final ProxyEnvironment environment;

    public GoProxySelector(ProxyEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public List<Proxy> select(URI uri) {
        if (environment.decide(uri) instanceof ProxyDecision.Proxy p && p.proxy().scheme().equals("http")) {
            String port = p.proxy().port();
            return List.of(new Proxy(Proxy.Type.HTTP,
                    InetSocketAddress.createUnresolved(p.proxy().hostname(), port.isEmpty() ? 80 : Integer.parseInt(port))));
        }
        return List.of(Proxy.NO_PROXY);
    }

    /** {@return why a request to {@code uri} cannot be made as Go would make it, if so} */
    public Optional<String> unsupported(URI uri) {
        return switch (environment.decide(uri)) {
            case ProxyDecision.Error e -> Optional.of(e.message());
            case ProxyDecision.Proxy p when !p.proxy().scheme().equals("http") ->
                    Optional.of("proxy " + p.proxy().redacted() + " from " + p.variable()
                            + ": only http:// proxies are supported for upstream requests");
            case ProxyDecision.Proxy p when p.proxy().user().isPresent() ->
                    Optional.of("proxy " + p.proxy().redacted() + " from " + p.variable()
                            + ": proxies with credentials are not supported yet");
            default -> Optional.empty();
        };
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // The request itself reports the failure.
    }
}
