package dev.goferry.gomod.goproxy;

/**
 * One entry of the parsed GOPROXY list, as cmd/go's {@code proxySpec} holds it. The order of
 * entries is the order in which the go command tries them.
 */
public sealed interface ProxyEntry {

    /** The name goferry's JSON uses for the entry kind. */
    String kind();

    /**
     * A module proxy.
     *
     * @param url the URL as the go command uses it (with {@code https://} added where Go adds it)
     * @param fallBackOnError true when a {@code |} followed the entry: any error moves on to the
     *     next entry; with {@code ,} only 404 and 410 do
     */
    record ProxyUrl(String url, boolean fallBackOnError) implements ProxyEntry {
        @Override
        public String kind() {
            return "proxy";
        }
    }

    /** {@code direct}: fetch from the version control system; ends the list. */
    record Direct() implements ProxyEntry {
        @Override
        public String kind() {
            return "direct";
        }
    }

    /** {@code off}: every lookup fails with "module lookup disabled by GOPROXY=off"; ends the list. */
    record Off() implements ProxyEntry {
        @Override
        public String kind() {
            return "off";
        }
    }

    /**
     * The implicit first entry when GONOPROXY (or GOPRIVATE) is set: paths that match go direct,
     * all others move on to the next entry.
     */
    record NoProxy() implements ProxyEntry {
        @Override
        public String kind() {
            return "noproxy";
        }
    }
}
