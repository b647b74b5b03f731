package dev.goferry.net.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads resolv.conf the way Go's pure-Go resolver does ({@code net/dnsconfig_unix.go}), not the
 * way glibc does. Differences that matter to a diagnosis: only the first three {@code nameserver}
 * lines count, a server must be an IP literal (port always 53), {@code domain} and {@code search}
 * replace each other (the last one wins), a comment must start the line, and unknown options are
 * ignored silently.
 */
public final class ResolvConfParser {

    private ResolvConfParser() {}

    /** Reads resolv.conf through {@code files}; when it cannot be read, returns Go's defaults. */
    public static ResolvConf read(ResolverFiles files) {
        String text;
        try {
            text = files.resolvConf();
        } catch (IOException e) {
            return defaults(files, Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        return parse(text, files);
    }

    /** Parses resolv.conf {@code text}; {@code files} supplies the host name for the default search list. */
    public static ResolvConf parse(String text, ResolverFiles files) {
        List<InetSocketAddress> servers = new ArrayList<>();
        List<String> search = null;
        int ndots = 1;
        int timeout = 5;
        int attempts = 2;
        boolean rotate = false, single = false, tcp = false, trustAd = false, unknown = false;
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty() && (line.charAt(0) == ';' || line.charAt(0) == '#')) {
                continue;
            }
            List<String> f = GoText.fields(line);
            if (f.isEmpty()) {
                continue;
            }
            switch (f.get(0)) {
                case "nameserver" -> {
                    if (f.size() > 1 && servers.size() < 3) {
                        Optional<InetAddress> ip = Ips.parse(f.get(1));
                        ip.ifPresent(a -> servers.add(new InetSocketAddress(a, 53)));
                    }
                }
                case "domain" -> {
                    if (f.size() > 1) {
                        search = new ArrayList<>(List.of(ensureRooted(f.get(1))));
                    }
                }
                case "search" -> {
                    search = new ArrayList<>();
                    for (String s : f.subList(1, f.size())) {
                        String name = ensureRooted(s);
                        if (!name.equals(".")) {
                            search.add(name);
                        }
                    }
                }
                case "options" -> {
                    for (String s : f.subList(1, f.size())) {
                        if (s.startsWith("ndots:")) {
                            ndots = Math.min(15, Math.max(0, GoText.dtoi(s.substring(6))));
                        } else if (s.startsWith("timeout:")) {
                            timeout = Math.max(1, GoText.dtoi(s.substring(8)));
                        } else if (s.startsWith("attempts:")) {
                            attempts = Math.max(1, GoText.dtoi(s.substring(9)));
                        } else {
                            switch (s) {
                                case "rotate" -> rotate = true;
                                case "single-request", "single-request-reopen" -> single = true;
                                case "use-vc", "usevc", "tcp" -> tcp = true;
                                case "trust-ad" -> trustAd = true;
                                case "edns0", "no-reload" -> { } // Go always sends EDNS0; reloads are not modelled
                                default -> unknown = true;
                            }
                        }
                    }
                }
                case "lookup" -> { } // OpenBSD only
                default -> unknown = true;
            }
        }
        List<InetSocketAddress> effectiveServers = servers.isEmpty() ? ResolvConf.DEFAULT_SERVERS : servers;
        List<String> effectiveSearch = search == null || search.isEmpty() ? defaultSearch(files) : search;
        return new ResolvConf(effectiveServers, effectiveSearch, ndots, Duration.ofSeconds(timeout), attempts,
                rotate, single, tcp, trustAd, unknown, Optional.empty());
    }

    private static ResolvConf defaults(ResolverFiles files, Optional<String> error) {
        return new ResolvConf(ResolvConf.DEFAULT_SERVERS, defaultSearch(files), 1, Duration.ofSeconds(5), 2,
                false, false, false, false, false, error);
    }

    /** Go's {@code dnsDefaultSearch}: the domain part of the host name, if it has one. */
    static List<String> defaultSearch(ResolverFiles files) {
        String hostname;
        try {
            hostname = files.hostname();
        } catch (IOException e) {
            return List.of();
        }
        int dot = hostname.indexOf('.');
        if (dot >= 0 && dot < hostname.length() - 1) {
            return List.of(ensureRooted(hostname.substring(dot + 1)));
        }
        return List.of();
    }

    static String ensureRooted(String name) {
        return !name.isEmpty() && name.endsWith(".") ? name : name + ".";
    }
}
