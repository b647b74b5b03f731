package dev.goferry.proxy.upstream;

import dev.goferry.gomod.goproxy.ProxyEntry;
import dev.goferry.gomod.goproxy.ProxyList;
import dev.goferry.gomod.httpproxy.ProxyEnvironment;
import dev.goferry.gomod.httpproxy.ProxyRules;
import dev.goferry.gomod.tlsroots.RootsPlan;
import dev.goferry.gomod.tlsroots.SystemRoots;
import dev.goferry.gomod.tlsroots.SystemRootsLoader;
import java.net.URI;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The upstream list built from a GOPROXY-syntax value, parsed by goferry-gomod's
 * {@link ProxyList} exactly as the go command parses GOPROXY.
 *
 * @param upstreams the usable entries, in order
 * @param ignored entries the server cannot use, as written ({@code direct}: a server does not
 *     fetch from version control; anything after {@code off} or {@code direct} is never reached)
 * @param client the HTTP client shared by the http(s) upstreams, if any
 */
public record UpstreamPlan(Upstreams upstreams, List<String> ignored, Optional<HttpClient> client) implements AutoCloseable {

    public UpstreamPlan {
        ignored = List.copyOf(ignored);
    }

    static {
        // The JDK refuses Basic credentials for a CONNECT tunnel unless told otherwise; Go sends
        // them (a proxy URL's user and password) for https requests through an HTTP proxy. Read
        // once, when the JDK's authentication filter is first loaded: set before any client exists.
        if (System.getProperty("jdk.http.auth.tunneling.disabledSchemes") == null) {
            System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
        }
    }

    /** {@return a plan that fetches nothing (offline mode)} */
    public static UpstreamPlan none() {
        return new UpstreamPlan(new Upstreams(List.of()), List.of(), Optional.empty());
    }

    /** Releases the HTTP client's threads and connections; fetches still running fail. */
    @Override
    public void close() {
        client.ifPresent(HttpClient::shutdownNow);
    }

    /** {@return a client that picks HTTP proxies from {@code env} by Go's rules, as the upstreams do} */
    public static HttpClient httpClient(Map<String, String> env, Duration connectTimeout) {
        return httpClient(new GoProxySelector(ProxyEnvironment.from(env, ProxyRules.LATEST)), connectTimeout, env);
    }

    private static HttpClient httpClient(GoProxySelector selector, Duration connectTimeout, Map<String, String> env) {
        return HttpClient.newBuilder().proxy(selector).authenticator(selector.authenticator())
                .connectTimeout(connectTimeout).sslContext(goRoots(env))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * A TLS context that trusts what the go command on this host trusts: the system roots Go reads
     * on Linux ({@code SSL_CERT_FILE}, {@code SSL_CERT_DIR}, else the distribution's bundle and
     * folders), not the JVM's own trust store, so a corporate CA installed for Go works for
     * goferry too and a root only Java knows is not trusted.
     */
    static SSLContext goRoots(Map<String, String> env) {
        try {
            SystemRoots roots = SystemRootsLoader.system().load(RootsPlan.linux(env, GO_ROOTS_RELEASE));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(roots.keyStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context from the system roots", e);
        }
    }

    /** The Go release whose root-loading rules goferry follows (the current ones). */
    private static final String GO_ROOTS_RELEASE = "go1.24";

    /** Thrown for a value the go command would refuse, with Go's message. */
    public static final class InvalidUpstreamException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidUpstreamException(String message) {
            super(message);
        }
    }

    /**
     * Builds the plan.
     *
     * @param value the upstream list (GOPROXY syntax)
     * @param env the environment the HTTP proxy settings are read from, by Go's rules
     */
    public static UpstreamPlan of(String value, Map<String, String> env, Duration timeout, int retries, Duration backoff)
            throws InvalidUpstreamException {
        ProxyList list = ProxyList.parse(value, "", false);
        if (!list.valid()) {
            throw new InvalidUpstreamException(list.error().orElse("invalid upstream list"));
        }
        GoProxySelector selector = new GoProxySelector(ProxyEnvironment.from(env, ProxyRules.LATEST));
        HttpClient client = null;
        List<Upstreams.Entry> entries = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (ProxyEntry entry : list.entries()) {
            switch (entry) {
                case ProxyEntry.ProxyUrl p when p.url().startsWith("file://") ->
                        entries.add(new Upstreams.Entry(new FileUpstream(p.url(), Path.of(URI.create(p.url()).getPath())),
                                p.fallBackOnError()));
                case ProxyEntry.ProxyUrl p -> {
                    // A proxy the JDK client cannot speak (socks5://, https://) or a malformed proxy
                    // setting would fail every request: refuse to start, naming the setting.
                    URI uri = URI.create(p.url());
                    Optional<String> unusable = selector.unsupported(uri);
                    if (unusable.isPresent()) {
                        throw new InvalidUpstreamException("requests to " + uri.getScheme() + "://" + uri.getHost()
                                + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + ": " + unusable.get());
                    }
                    if (client == null) {
                        client = httpClient(selector, timeout, env);
                    }
                    entries.add(new Upstreams.Entry(new HttpUpstream(p.url(), client, selector, timeout, retries, backoff),
                            p.fallBackOnError()));
                }
                case ProxyEntry.Direct d -> ignored.add("direct");
                case ProxyEntry.Off o -> ignored.add("off");
                case ProxyEntry.NoProxy n -> { }
            }
        }
        return new UpstreamPlan(new Upstreams(entries), ignored, Optional.ofNullable(client));
    }
}
