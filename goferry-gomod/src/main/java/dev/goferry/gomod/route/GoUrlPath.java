package dev.goferry.gomod.route;

import dev.goferry.gomod.gostd.GoPath;
import dev.goferry.gomod.gostd.GoUrl;

/**
 * URL paths as cmd/go writes them on the wire: {@code path.Join} of the proxy's path and the
 * request path, then net/url's path escaping. That escaping keeps letters, digits, {@code -._~}
 * and {@code $&+,/:;=@}, and percent-encodes everything else — including the {@code !} of
 * case-escaped module paths, so {@code example.com/!m} goes out as {@code example.com/%21m}
 * (observed with Go 1.19 and 1.24).
 */
final class GoUrlPath {

    private GoUrlPath() {}

    /** Joins {@code base} (a proxy URL) and {@code path} the way proxyRepo.getBody and web.Join do. */
    static String join(String base, String path) {
        int schemeEnd = base.indexOf("://");
        int pathStart = schemeEnd < 0 ? -1 : base.indexOf('/', schemeEnd + 3);
        String origin = pathStart < 0 ? base : base.substring(0, pathStart);
        String basePath = pathStart < 0 ? "" : base.substring(pathStart);
        return origin + GoUrl.escapePath(GoPath.clean(basePath + "/" + path));
    }
}
