package dev.goferry.install.download;

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
 * Routes goferry's own downloads exactly as the go command would route them: the decision is
 * {@link ProxyEnvironment#decide}, Go's {@code http.ProxyFromEnvironment}, so HTTPS_PROXY,
 * HTTP_PROXY and NO_PROXY mean for goferry what they mean for go.
 */
public final class ProxyRouting extends ProxySelector {

    private final ProxyEnvironment environment;

    public ProxyRouting(ProxyEnvironment environment) {
        this.environment = environment;
    }

    /**
     * {@return why a request to this URL cannot be sent as Go would send it: Go's own error, or a
     * proxy scheme the JDK client cannot speak (socks5)}
     */
    public Optional<String> refusal(URI url) {
        return switch (environment.decide(url)) {
            case ProxyDecision.Direct d -> Optional.empty();
            case ProxyDecision.Error e -> Optional.of(e.message());
            case ProxyDecision.Proxy p -> p.proxy().scheme().equals("http") || p.proxy().scheme().equals("https")
                    ? Optional.empty()
                    : Optional.of("proxy " + p.proxy().redacted() + " (" + p.variable() + "): scheme "
                            + p.proxy().scheme() + " is not supported by goferry's downloader");
        };
    }

    @Override
    public List<Proxy> select(URI uri) {
        if (environment.decide(uri) instanceof ProxyDecision.Proxy p
                && (p.proxy().scheme().equals("http") || p.proxy().scheme().equals("https"))) {
            String port = p.proxy().port();
            int number = port.isEmpty() ? (p.proxy().scheme().equals("https") ? 443 : 80) : Integer.parseInt(port);
            return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.proxy().hostname(), number)));
        }
        return List.of(Proxy.NO_PROXY);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // The download loop records the failure against the source; nothing to remember here.
    }
}
