package dev.goferry.net.dns;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * The evidence of resolving one host the way Go's pure-Go resolver does.
 *
 * @param host      the host as given
 * @param source    where the addresses came from (or would have)
 * @param conf      the resolver configuration in force
 * @param names     the names Go would query, in order ({@link NameList})
 * @param queries   every query made, in order
 * @param addresses the addresses Go would dial, in its order (IPv4 answers before IPv6 here; Go sorts
 *                  them by RFC 6724 afterwards, which this probe does not model)
 */
public record GoResolution(String host, Source source, ResolvConf conf, List<String> names, List<DnsQuery> queries,
                           List<InetAddress> addresses) {

    public GoResolution {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(conf, "conf");
        names = List.copyOf(names);
        queries = List.copyOf(queries);
        addresses = List.copyOf(addresses);
    }

    /** Where Go took the answer from. */
    public enum Source {
        /** The host is an IP literal: nothing is looked up. */
        LITERAL,
        /** The hosts file named it. */
        HOSTS_FILE,
        /** DNS was queried (whether or not it answered). */
        DNS
    }
}
