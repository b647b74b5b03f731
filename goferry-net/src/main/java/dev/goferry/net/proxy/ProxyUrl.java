package dev.goferry.net.proxy;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP proxy as the probe dials it: host, port (Go's default 80 for {@code http}) and the
 * optional Basic credentials from the URL's userinfo. Deciding <em>which</em> proxy Go uses is
 * the settings model's job; this only carries the result.
 *
 * @param host     host name or IP literal (no brackets)
 * @param port     port
 * @param username decoded user name, when the URL had userinfo
 * @param password decoded password, when the URL had one
 */
public record ProxyUrl(String host, int port, Optional<String> username, Optional<String> password) {

    public ProxyUrl {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Parses an {@code http://[user[:password]@]host[:port]} URL.
     *
     * @throws IllegalArgumentException for another scheme or no host
     */
    public static ProxyUrl parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("proxy url \"" + url + "\": " + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http")) {
            throw new IllegalArgumentException("proxy url \"" + url + "\": only http:// proxies are probed with CONNECT");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("proxy url \"" + url + "\": no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        Optional<String> user = Optional.empty();
        Optional<String> pass = Optional.empty();
        String raw = uri.getRawUserInfo();
        if (raw != null) {
            int colon = raw.indexOf(':');
            user = Optional.of(decode(colon < 0 ? raw : raw.substring(0, colon)));
            pass = colon < 0 ? Optional.empty() : Optional.of(decode(raw.substring(colon + 1)));
        }
        return new ProxyUrl(host, uri.getPort() < 0 ? 80 : uri.getPort(), user, pass);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** {@return the {@code Proxy-Authorization} value Go would send, when there are credentials} */
    public Optional<String> authorization() {
        return username.map(u -> "Basic " + java.util.Base64.getEncoder().encodeToString(
                (u + ":" + password.orElse("")).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {  // never prints the password
        return "http://" + username.map(u -> u + ":***@").orElse("") + (host.contains(":") ? "[" + host + "]" : host)
                + ":" + port;
    }
}
