package dev.goferry.gomod.route;

import java.nio.charset.StandardCharsets;

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
        return origin + escape(clean(basePath + "/" + path));
    }

    /** Go's path.Clean for an absolute path: collapses slashes, drops a trailing one. */
    static String clean(String path) {
        StringBuilder out = new StringBuilder();
        for (String element : path.split("/")) {
            if (element.isEmpty() || element.equals(".")) {
                continue;
            }
            if (element.equals("..")) {
                int slash = out.lastIndexOf("/");
                out.setLength(Math.max(slash, 0));
                continue;
            }
            out.append('/').append(element);
        }
        return out.isEmpty() ? "/" : out.toString();
    }

    static String escape(String path) {
        StringBuilder out = new StringBuilder(path.length() + 8);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-_.~$&+,/:;=@".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
