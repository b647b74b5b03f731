package dev.goferry.gomod.route;

import dev.goferry.gomod.httpproxy.ProxyDecision;
import dev.goferry.gomod.httpproxy.ProxyEnvironment;
import dev.goferry.gomod.module.Escaping;
import java.util.List;
import java.util.Optional;

/**
 * The path a module fetch takes, as the go command would take it.
 *
 * @param query the module and version query
 * @param goproxyError Go's error when GOPROXY does not parse: then every lookup fails with it
 * @param chain what each GOPROXY entry does with this module, in order; every file (.info, .mod,
 *     .zip) walks it anew
 * @param privateByPattern the GONOPROXY (or GOPRIVATE) pattern that makes the module private
 * @param sumdb how the checksum database is reached
 * @param httpProxies the HTTP proxy settings that decide, per URL, whether a request is proxied
 * @param vcs GOVCS, for repositories found by discovery
 */
public record Route(RouteQuery query, Optional<String> goproxyError, List<Entry> chain,
                    Optional<String> privateByPattern, SumDbRoute sumdb, ProxyEnvironment httpProxies,
                    VcsPolicy vcs) {

    public Route {
        chain = List.copyOf(chain);
    }

    /** {@return the case-escaped module path used in URLs} */
    public String escapedPath() {
        return Escaping.escapePath(query.path());
    }

    /** {@return the URL of {@code step} for {@code version} at proxy {@code base}} */
    public String url(String base, Step step, String version) {
        String p = escapedPath();
        String path = switch (step) {
            case LIST -> p + "/@v/list";
            case LATEST -> p + "/@latest";
            case INFO -> p + "/@v/" + Escaping.escapeVersion(version) + ".info";
            case MOD -> p + "/@v/" + Escaping.escapeVersion(version) + ".mod";
            case ZIP -> p + "/@v/" + Escaping.escapeVersion(version) + ".zip";
            case SUMDB_SUPPORTED, SUMDB_LOOKUP, DISCOVERY, VCS ->
                    throw new IllegalArgumentException("not a module proxy request: " + step);
        };
        return GoUrlPath.join(base, path);
    }

    /** {@return the URL Go asks whether proxy {@code base} serves checksum database {@code name}} */
    public static String sumdbSupportedUrl(String base, String name) {
        return SumDbBase.of(base).join("sumdb/" + name + "/supported").url();
    }

    /** {@return the lookup URL of {@code version} in the checksum database at {@code base}} */
    public String sumdbLookupUrl(SumDbBase base, String version) {
        return base.join("lookup/" + escapedPath() + "@" + Escaping.escapeVersion(version)).url();
    }

    /** {@return what Go's HTTP client does with {@code url}: direct, through a proxy, or fail} */
    public ProxyDecision via(String url) {
        return httpProxies.decide(url);
    }
}
