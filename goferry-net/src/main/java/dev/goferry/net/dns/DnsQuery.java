package dev.goferry.net.dns;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The evidence of one question put to one server.
 *
 * @param server          the server asked
 * @param name            the fully-qualified name asked (rooted)
 * @param type            A or AAAA
 * @param transport       the transport of the final exchange
 * @param truncatedOverUdp whether a UDP reply came back truncated and the query was repeated over TCP
 * @param outcome         what the (final) exchange produced
 */
public record DnsQuery(InetSocketAddress server, String name, QueryType type, DnsTransport transport,
                       boolean truncatedOverUdp, DnsOutcome outcome) {
    public DnsQuery {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(outcome, "outcome");
    }
}
