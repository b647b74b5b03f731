package dev.goferry.doctor.target;

import dev.goferry.doctor.Message;
import dev.goferry.gomod.httpproxy.ProxyDecision;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One endpoint the doctor examines, and why.
 *
 * @param id         stable identifier, {@code <kind>:<base>} (e.g. {@code goproxy:https://goproxy.cn}); the
 *                   JSON output and causes name targets by it
 * @param kind       what the endpoint is for
 * @param base       the setting value it came from: a GOPROXY entry URL, a checksum database name or
 *                   URL, a host, a GOPRIVATE pattern, a {@code --target} URL
 * @param url        the URL probed (a module's {@code @v/list}, {@code /sumdb/<name>/supported},
 *                   {@code /latest}, …); empty for a target that is not probed over the network
 * @param host       the host Go would dial without a proxy (empty for a file:// proxy)
 * @param port       the port (0 when not probed over the network)
 * @param proxy      the HTTP proxy decision Go's {@code http.ProxyFromEnvironment} makes for {@code url}
 * @param module     the module path whose route this target serves, when {@code --module} asked for one
 * @param why        why it is a target, for the user (area {@code doctor})
 */
public record Target(String id, TargetKind kind, String base, Optional<URI> url, String host, int port,
                     ProxyDecision proxy, Optional<String> module, Message why) {

    public Target {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(why, "why");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("target \"" + id + "\": port " + port + " out of range");
        }
    }

    /** {@return the stable id for a target of {@code kind} derived from {@code base}} */
    public static String idOf(TargetKind kind, String base) {
        return kind.id() + ":" + base;
    }

    /** Reports whether Go would send this target's requests through an HTTP proxy. */
    public boolean proxied() {
        return proxy instanceof ProxyDecision.Proxy;
    }

    /** {@return the proxy URL Go would use, redacted, when it uses one} */
    public Optional<String> proxyUrl() {
        return proxy instanceof ProxyDecision.Proxy p ? Optional.of(p.proxy().redacted()) : Optional.empty();
    }

    /** {@return the URL scheme, or empty when not probed over the network} */
    public String scheme() {
        return url.map(u -> Objects.requireNonNullElse(u.getScheme(), "")).orElse("");
    }
}
