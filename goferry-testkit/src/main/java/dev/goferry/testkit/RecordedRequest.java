package dev.goferry.testkit;

import java.util.Map;
import java.util.Optional;

/**
 * One request a recording server saw.
 *
 * @param sequence its place in the arrival order of every recorder in this JVM, so the logs of
 *     several servers (a GOPROXY lab, a forward proxy, a go-get host) can be merged in order
 * @param method the HTTP method ({@code GET}, {@code CONNECT})
 * @param target the path (origin-form), the absolute URI (a forward proxy's absolute-form), or
 *     {@code host:port} (CONNECT's authority-form), without the query
 * @param query the raw query, if the request had one
 * @param headers the proxy-related headers (Host, Via, Forwarded, X-Forwarded-*, Proxy-*),
 *     lower-case names, the last value of each
 */
public record RecordedRequest(long sequence, String method, String target, Optional<String> query, Map<String, String> headers) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** Reports whether a header name is one a recorder keeps: those that tell how a request was routed. */
    static boolean isProxyRelated(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.equals("host") || n.equals("via") || n.equals("forwarded") || n.startsWith("x-forwarded-")
                || n.startsWith("proxy-");
    }

    /** {@return the target plus {@code ?query} when there is one} */
    public String targetWithQuery() {
        return query.map(q -> target + "?" + q).orElse(target);
    }
}
