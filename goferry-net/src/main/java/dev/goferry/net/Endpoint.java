package dev.goferry.net;

import java.util.Locale;
import java.util.Objects;

/**
 * The key every probe event carries: the endpoint a probe is about, as the go command would
 * address it (scheme, host as written, port). Two probes of the same endpoint can run at once;
 * their events are told apart by the endpoint and by the per-event detail (name, address).
 *
 * @param scheme lowercase URL scheme, e.g. {@code https}
 * @param host   host name or IP literal without brackets
 * @param port   TCP port, 1–65535
 */
public record Endpoint(String scheme, String host, int port) {

    public Endpoint {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("endpoint \"" + scheme + "://\": empty host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("endpoint \"" + host + "\": port " + port + " out of range");
        }
    }

    /** {@return the endpoint of {@code https://host:port}} */
    public static Endpoint https(String host, int port) {
        return new Endpoint("https", host, port);
    }

    /** {@return the endpoint of {@code http://host:port}} */
    public static Endpoint http(String host, int port) {
        return new Endpoint("http", host, port);
    }

    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return scheme + "://" + h + ":" + port;
    }
}
