package dev.goferry.install.source;

import java.net.URI;
import java.util.Objects;

/**
 * A place that serves Go release archives: only bytes, never trusted for checksums. Every known
 * mirror is flat: a file's URL is the base URL plus the file name.
 *
 * @param name a short name for messages and ranking ("aliyun")
 * @param base the base URL, ending in "/"
 */
public record ReleaseSource(String name, URI base) {

    public ReleaseSource {
        Objects.requireNonNull(name);
        Objects.requireNonNull(base);
        String scheme = base.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || base.getHost() == null) {
            throw new IllegalArgumentException("release mirror \"" + base + "\": not an http or https URL");
        }
        if (!base.getPath().endsWith("/")) {
            base = URI.create(base + "/");
        }
    }

    /** {@return a source named after its host and path: "mirrors.aliyun.com/golang"} */
    public static ReleaseSource of(String url) {
        URI uri = URI.create(url);
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        return new ReleaseSource(uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + path, uri);
    }

    /** {@return the URL of a release file} */
    public URI fileUrl(String filename) {
        return base.resolve(filename);
    }
}
