package dev.goferry.doctor.explain;

import java.util.Optional;

/** The host part of the URLs and addresses go prints. */
final class Hosts {

    private Hosts() {}

    /**
     * {@return the host of {@code url} ({@code scheme://[user@]host[:port]/…}, or {@code //host:port}),
     * without brackets around an IPv6 literal; empty for a file:// URL or when there is none}
     */
    static Optional<String> of(String url) {
        int start = url.indexOf("//");
        if (start < 0 || url.startsWith("file:")) {
            return Optional.empty();
        }
        String rest = url.substring(start + 2);
        int end = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        String authority = rest.substring(0, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        String host;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            host = close > 0 ? authority.substring(1, close) : authority;
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon >= 0 && authority.indexOf(':') == colon ? authority.substring(0, colon) : authority;
        }
        return host.isEmpty() ? Optional.empty() : Optional.of(host);
    }
}
