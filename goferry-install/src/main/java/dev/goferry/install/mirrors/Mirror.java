package dev.goferry.install.mirrors;

import java.net.URI;
import java.util.Objects;

/**
 * One endpoint of the mirror catalog.
 *
 * @param name a short name, unique within its kind ("goproxy.cn")
 * @param kind what it serves
 * @param url its base URL: a GOPROXY entry, a checksum database URL (without {@code /latest}),
 *     or a release folder (ending in "/")
 */
public record Mirror(String name, MirrorKind kind, URI url) {

    public Mirror {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(url);
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("mirror \"" + url + "\": not an http or https URL");
        }
        String text = url.toString();
        if (kind == MirrorKind.RELEASE && !text.endsWith("/")) {
            url = URI.create(text + "/");
        } else if (kind != MirrorKind.RELEASE && text.endsWith("/")) {
            url = URI.create(text.replaceAll("/+$", ""));
        }
    }

    /** {@return the URL of {@code path} below the base ("/@v/list", "/latest", a file name)} */
    public URI resolve(String path) {
        String base = url.toString();
        return URI.create(kind == MirrorKind.RELEASE ? base + path : base + (path.startsWith("/") ? path : "/" + path));
    }
}
