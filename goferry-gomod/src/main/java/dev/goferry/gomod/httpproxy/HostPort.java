package dev.goferry.gomod.httpproxy;

import java.util.Optional;

/** Go's {@code net.SplitHostPort} and {@code net.JoinHostPort}, which proxy selection relies on. */
final class HostPort {

    private HostPort() {}

    /** {@return host and port, or empty where Go's SplitHostPort returns an error} */
    static Optional<String[]> split(String hostport) {
        Result r = splitOrNull(hostport);
        return r.host() == null ? Optional.empty() : Optional.of(new String[] {r.host(), r.port()});
    }

    /** {@return Go's SplitHostPort error text for {@code hostport}, or empty if it splits} */
    static Optional<String> error(String hostport) {
        return Optional.ofNullable(splitOrNull(hostport).error());
    }

    static String join(String host, String port) {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }

    private record Result(String host, String port, String error) {}

    private static Result fail(String hostport, String why) {
        return new Result(null, null, "address " + hostport + ": " + why);
    }

    private static Result splitOrNull(String hostport) {
        int i = hostport.lastIndexOf(':');
        if (i < 0) {
            return fail(hostport, "missing port in address");
        }
        int j = 0;
        int k = 0;
        String host;
        if (hostport.startsWith("[")) {
            int end = hostport.indexOf(']');
            if (end < 0) {
                return fail(hostport, "missing ']' in address");
            }
            if (end + 1 == hostport.length()) {
                return fail(hostport, "missing port in address");
            }
            if (end + 1 != i) {
                return fail(hostport, hostport.charAt(end + 1) == ':' ? "too many colons in address"
                        : "missing port in address");
            }
            host = hostport.substring(1, end);
            j = 1;
            k = end + 1;
        } else {
            host = hostport.substring(0, i);
            if (host.indexOf(':') >= 0) {
                return fail(hostport, "too many colons in address");
            }
        }
        if (hostport.indexOf('[', j) >= 0) {
            return fail(hostport, "unexpected '[' in address");
        }
        if (hostport.indexOf(']', k) >= 0) {
            return fail(hostport, "unexpected ']' in address");
        }
        return new Result(host, hostport.substring(i + 1), null);
    }
}
