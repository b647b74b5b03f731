package dev.goferry.net.dns;

import dev.goferry.net.Endpoint;
import dev.goferry.net.ProbeListener;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The seam through which the HTTP probe turns a host into addresses, after OkHttp's {@code Dns}:
 * addresses in the order to dial them, or {@link UnknownHostException}. Implementations report
 * {@code dnsStart}/{@code dnsEnd}/{@code dnsFailed} to the listener.
 */
@FunctionalInterface
public interface Resolver {

    /** {@return the addresses of {@code host}, never empty} @throws UnknownHostException when there are none */
    List<InetAddress> resolve(String host, Endpoint endpoint, ProbeListener listener) throws UnknownHostException;

    /** Resolves like Go's pure-Go resolver over {@code resolver}'s files and servers. */
    static Resolver likeGo(GoResolver resolver) {
        return (host, endpoint, listener) -> {
            GoResolution r = resolver.resolveLikeGo(host, endpoint, listener);
            if (r.addresses().isEmpty()) {
                throw new UnknownHostException(host + ": no addresses after " + r.queries().size() + " queries");
            }
            return r.addresses();
        };
    }

    /** {@return a resolver of fixed answers, for tests and for endpoints already resolved} */
    static Resolver fixed(java.util.Map<String, List<InetAddress>> answers) {
        return (host, endpoint, listener) -> {
            listener.dnsStart(endpoint, host);
            List<InetAddress> a = answers.getOrDefault(host, List.of());
            if (a.isEmpty()) {
                listener.dnsFailed(endpoint, host, "no such host");
                throw new UnknownHostException(host);
            }
            listener.dnsEnd(endpoint, host, a);
            return a;
        };
    }
}
