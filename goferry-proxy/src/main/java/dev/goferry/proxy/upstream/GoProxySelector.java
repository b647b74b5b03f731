package dev.goferry.proxy.upstream;

import dev.goferry.gomod.httpproxy.ProxyDecision;
import dev.goferry.gomod.httpproxy.ProxyEnvironment;
import java.io.IOException;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the HTTP proxy for an upstream request by Go's {@code http.ProxyFromEnvironment} rules
 * (goferry-gomod's {@link ProxyEnvironment}), so goferry routes exactly as the go command on the
 * same host would. The JDK client speaks only to HTTP proxies (it ignores a SOCKS proxy a selector
 * returns and would go direct): a decision for an https:// or socks5:// proxy is reported by
 * {@link #unsupported(URI)} rather than silently bypassed, and the server refuses to start with it.
 * A proxy URL's user and password are sent as Go sends them, in a {@code Proxy-Authorization:
 * Basic} header on every request through the proxy ({@link #authorization(URI)}).
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
            default -> Optional.empty();
        };
    }

    /**
     * {@return the {@code Proxy-Authorization} value for a plain-http request to {@code uri}, when
     * it goes through a proxy whose URL has a user: {@code Basic base64(user:password)}, as Go's
     * transport sends it without waiting for a 407}. Never for https: that header would travel
     * inside the tunnel to the upstream itself (the JDK client does not put it on the CONNECT);
     * the tunnel's credentials come from {@link #authenticator()} instead.
     */
    public Optional<String> authorization(URI uri) {
        if ("http".equalsIgnoreCase(uri.getScheme()) && environment.decide(uri) instanceof ProxyDecision.Proxy p
                && p.proxy().scheme().equals("http")) {
            return p.proxy().user().map(u -> "Basic " + Base64.getEncoder().encodeToString(
                    (u.username() + ":" + u.password().orElse("")).getBytes(StandardCharsets.UTF_8)));
        }
        return Optional.empty();
    }

    /**
     * {@return an authenticator that answers a proxy's 407 with the user and password of the
     * proxy URL Go's rules chose for the request (never a server's 401)}. The JDK client sends
     * credentials on a CONNECT only after a 407, where Go sends them at once: one more round trip,
     * same credentials.
     */
    public Authenticator authenticator() {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                if (getRequestorType() != RequestorType.PROXY || getRequestingURL() == null) {
                    return null;
                }
                try {
                    if (environment.decide(getRequestingURL().toURI()) instanceof ProxyDecision.Proxy p
                            && p.proxy().scheme().equals("http") && p.proxy().user().isPresent()) {
                        var u = p.proxy().user().get();
                        return new PasswordAuthentication(u.username(), u.password().orElse("").toCharArray());
                    }
                } catch (java.net.URISyntaxException e) {
                    return null;
                }
                return null;
            }
        };
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // The request itself reports the failure.
    }
}
