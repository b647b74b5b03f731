package dev.goferry.gomod.route;

import dev.goferry.gomod.gostd.GoUrl;

/**
 * A checksum-database base URL as cmd/go holds it: a {@code url.URL} whose Path and RawPath
 * {@code web.Join} extends separately. How the final URL is written depends on whether the two
 * still agree: then the raw form goes out as is (a {@code !} stays {@code !}); else net/url
 * escapes Path ({@code !} becomes {@code %21}). They agree only when the base had no path of its
 * own, e.g. {@code https://sum.golang.org}, or a proxy at a host's root.
 *
 * @param origin scheme and authority, e.g. {@code https://sum.golang.org}
 * @param path the decoded path
 * @param rawPath the raw path (empty when Go derives it from path)
 */
public record SumDbBase(String origin, String path, String rawPath) {

    /** {@return the base for a URL Go parsed from text (GOPROXY entry, GOSUMDB URL, https://name)} */
    public static SumDbBase of(String url) {
        int schemeEnd = url.indexOf("://");
        int pathStart = schemeEnd < 0 ? -1 : url.indexOf('/', schemeEnd + 3);
        return pathStart < 0 ? new SumDbBase(url, "", "") : new SumDbBase(url.substring(0, pathStart), url.substring(pathStart), "");
    }

    /** cmd/go's web.Join: appends to Path and RawPath alike, with no cleaning. */
    public SumDbBase join(String relative) {
        String tail = "/" + (relative.startsWith("/") ? relative.substring(1) : relative);
        return new SumDbBase(origin, trimSlash(path) + tail, trimSlash(rawPath) + tail);
    }

    /** {@return the URL as net/url writes it} */
    public String url() {
        return origin + (rawPath.equals(path) && GoUrl.validEncodedPath(rawPath) ? rawPath : GoUrl.escapePath(path));
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
