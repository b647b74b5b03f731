package dev.goferry.net.tls;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Host name verification as Go does it ({@code crypto/x509 VerifyHostname}): SANs only, never the
 * Common Name; an IP host matches IP SANs only; a {@code *} wildcard stands for exactly one whole
 * leftmost label; comparison is ASCII case-insensitive and ignores a trailing dot on the host.
 */
public final class HostnameMatcher {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private HostnameMatcher() {}

    /** Reports whether {@code host} is an IP literal (brackets allowed). */
    public static boolean isIp(String host) {
        String h = unbracket(host);
        return IPV4.matcher(h).matches() || h.contains(":");
    }

    /** Reports whether {@code leaf}'s SANs name {@code host}. */
    public static boolean matches(String host, CertificateInfo leaf) {
        String h = unbracket(host);
        if (isIp(h)) {
            byte[] want = ipBytes(h);
            return want != null && leaf.ipAddresses().stream().map(HostnameMatcher::ipBytes)
                    .anyMatch(got -> got != null && java.util.Arrays.equals(got, want));
        }
        String candidate = h.toLowerCase(Locale.ROOT);
        return leaf.dnsNames().stream().anyMatch(p -> matchHostnames(p, candidate));
    }

    /** Go's {@code matchHostnames}. */
    static boolean matchHostnames(String pattern, String host) {
        pattern = pattern.toLowerCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (pattern.isEmpty() || host.isEmpty()) {
            return false;
        }
        List<String> p = List.of(pattern.split("\\.", -1));
        List<String> h = List.of(host.split("\\.", -1));
        if (p.size() != h.size()) {
            return false;
        }
        for (int i = 0; i < p.size(); i++) {
            if (i == 0 && p.get(i).equals("*")) {
                continue;
            }
            if (!p.get(i).equals(h.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static byte[] ipBytes(String literal) {
        try {
            String l = unbracket(literal);
            if (!IPV4.matcher(l).matches() && !l.contains(":")) {
                return null;
            }
            byte[] b = java.net.InetAddress.getByName(l).getAddress();
            if (b.length == 16) {  // IPv4-mapped IPv6 compares equal to IPv4, as Go's net.IP.Equal does
                boolean mapped = true;
                for (int i = 0; i < 10; i++) {
                    mapped &= b[i] == 0;
                }
                if (mapped && b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
                    return java.util.Arrays.copyOfRange(b, 12, 16);
                }
            }
            return b;
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }
}
