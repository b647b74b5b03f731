package dev.goferry.net.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The hosts file as Go reads it ({@code net/hosts.go readHosts}): {@code #} starts a comment
 * anywhere on a line, a line needs an IP literal and at least one name, names match
 * case-insensitively with or without a trailing dot, and every line naming a host adds its
 * address, in file order.
 *
 * @param byName lowercase rooted name → addresses in file order
 * @param readError why the file could not be read, if it could not (Go then has no entries)
 */
public record HostsFile(Map<String, List<InetAddress>> byName, Optional<String> readError) {

    public HostsFile {
        Map<String, List<InetAddress>> copy = new LinkedHashMap<>();
        byName.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byName = java.util.Collections.unmodifiableMap(copy);
    }

    /** Reads the hosts file through {@code files}; an unreadable file gives no entries. */
    public static HostsFile read(ResolverFiles files) {
        try {
            return parse(files.hosts());
        } catch (IOException e) {
            return new HostsFile(Map.of(), Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** Parses hosts-file {@code text}. */
    public static HostsFile parse(String text) {
        Map<String, List<InetAddress>> byName = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            List<String> f = GoText.fields(line);
            if (f.size() < 2) {
                continue;
            }
            Optional<InetAddress> addr = Ips.parse(f.get(0));
            if (addr.isEmpty()) {
                continue;
            }
            for (String name : f.subList(1, f.size())) {
                byName.computeIfAbsent(key(name), k -> new ArrayList<>()).add(addr.get());
            }
        }
        return new HostsFile(byName, Optional.empty());
    }

    /** {@return the addresses the file gives {@code host}, in file order; empty when it names none} */
    public List<InetAddress> lookup(String host) {
        return byName.getOrDefault(key(host), List.of());
    }

    private static String key(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }
}
