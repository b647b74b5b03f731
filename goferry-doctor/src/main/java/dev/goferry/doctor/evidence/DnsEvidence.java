package dev.goferry.doctor.evidence;

import dev.goferry.net.dns.DnsOutcome;
import dev.goferry.net.dns.DnsQuery;
import dev.goferry.net.dns.GoResolution;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything known about resolving one name: Go's own resolution, and direct queries to each
 * configured server and to public resolvers (empty with {@code --no-public-dns}).
 *
 * @param name            the name resolved (the proxy's host when Go would dial a proxy)
 * @param go              the look-up as Go's pure-Go resolver does it
 * @param configured      direct A/AAAA queries to each resolv.conf server
 * @param publicResolvers direct A/AAAA queries to public resolvers (8.8.8.8, 223.5.5.5, …)
 */
public record DnsEvidence(String name, Optional<GoResolution> go, List<DnsQuery> configured,
                          List<DnsQuery> publicResolvers) {

    public DnsEvidence {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(go, "go");
        configured = List.copyOf(configured);
        publicResolvers = List.copyOf(publicResolvers);
    }

    /** {@return the addresses public resolvers answered, in query order, without duplicates} */
    public List<InetAddress> publicAddresses() {
        return addresses(publicResolvers);
    }

    /** {@return the addresses of every NOERROR answer in {@code queries}, without duplicates} */
    public static List<InetAddress> addresses(List<DnsQuery> queries) {
        List<InetAddress> out = new ArrayList<>();
        for (DnsQuery q : queries) {
            if (q.outcome() instanceof DnsOutcome.Answer a) {
                for (InetAddress addr : a.addresses()) {
                    if (!out.contains(addr)) {
                        out.add(addr);
                    }
                }
            }
        }
        return out;
    }
}
