package dev.goferry.gomod.route;

import dev.goferry.gomod.httpproxy.ProxyDecision;

/**
 * One request the go command makes on a route.
 *
 * @param step what it fetches
 * @param url the URL, as Go writes it on the wire (for {@link Step#VCS}, the repository)
 * @param via what Go's HTTP client does with it: direct, through a proxy, or fail before sending
 */
public record Request(Step step, String url, ProxyDecision via) {

    /** Reports whether the request leaves the process (it is not refused by the proxy rules first). */
    public boolean sent() {
        return !(via instanceof ProxyDecision.Error);
    }
}
