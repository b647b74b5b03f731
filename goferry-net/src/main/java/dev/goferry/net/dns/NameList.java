package dev.goferry.net.dns;

import java.util.ArrayList;
import java.util.List;

/**
 * The fully-qualified names Go's resolver queries for a host, in order
 * ({@code net/dnsclient_unix.go dnsConfig.nameList}): a rooted name (trailing dot) alone; else the
 * name as-is first when it has at least {@code ndots} dots, then the name under each search
 * domain, then the name as-is last when it has fewer dots. Names over 254 bytes and
 * {@code .onion} names (RFC 7686) are never sent to DNS.
 */
public final class NameList {

    private NameList() {}

    /** {@return the names Go would query for {@code host} under {@code conf}; empty when none} */
    public static List<String> of(String host, ResolvConf conf) {
        int l = host.length();
        boolean rooted = l > 0 && host.charAt(l - 1) == '.';
        if (l > 254 || l == 254 && !rooted) {
            return List.of();
        }
        if (rooted) {
            return avoidDns(host) ? List.of() : List.of(host);
        }
        boolean hasNdots = host.chars().filter(c -> c == '.').count() >= conf.ndots();
        String name = host + ".";
        List<String> names = new ArrayList<>();
        if (hasNdots && !avoidDns(name)) {
            names.add(name);
        }
        for (String suffix : conf.search()) {
            String fqdn = name + suffix;
            if (!avoidDns(fqdn) && fqdn.length() <= 254) {
                names.add(fqdn);
            }
        }
        if (!hasNdots && !avoidDns(name)) {
            names.add(name);
        }
        return List.copyOf(names);
    }

    /** Go's {@code avoidDNS}: the empty name and {@code .onion} names stay off the wire. */
    static boolean avoidDns(String name) {
        if (name.isEmpty()) {
            return true;
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return name.regionMatches(true, Math.max(0, name.length() - 6), ".onion", 0, 6) && name.length() >= 6;
    }
}
