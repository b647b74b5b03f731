package dev.goferry.gomod.httpproxy;

import java.util.Arrays;
import java.util.Optional;

/**
 * An IP address literal as Go's {@code net.ParseIP} / {@code netip.ParseAddr} read it: sixteen
 * bytes, IPv4 held in IPv4-mapped form, plus the zone if one was allowed and given. Pure
 * parsing; never a name lookup (which is why {@link java.net.InetAddress} is not used).
 *
 * <p>Two syntaxes matter. Go 1.19's own parser lets an IPv6 group have more than four hex digits
 * as long as its value fits ({@code ::00001} is {@code ::1}); {@code netip.ParseAddr}, which
 * later releases use everywhere, allows at most four. Both reject IPv4 octets with leading
 * zeros.
 */
final class IpLiteral {

    private final byte[] bytes;
    private final String zone;

    private IpLiteral(byte[] bytes, String zone) {
        this.bytes = bytes;
        this.zone = zone;
    }

    /** Parses like {@code net.ParseIP}: no zone allowed. */
    static Optional<IpLiteral> parse(String s, boolean strictGroups) {
        return parse(s, strictGroups, false);
    }

    /** Parses like {@code netip.ParseAddr} ({@code withZone}) or {@code net.ParseIP}. */
    static Optional<IpLiteral> parse(String s, boolean strictGroups, boolean withZone) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                return parseV4(s).map(v4 -> new IpLiteral(mapped(v4), ""));
            }
            if (c == ':') {
                String zone = "";
                int pct = s.indexOf('%');
                if (pct >= 0) {
                    if (!withZone || pct == s.length() - 1) {
                        return Optional.empty();
                    }
                    zone = s.substring(pct + 1);
                    s = s.substring(0, pct);
                }
                String z = zone;
                return parseV6(s, strictGroups).map(b -> new IpLiteral(b, z));
            }
            if (c == '%') {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Reports whether the literal was written as dotted-quad IPv4 (decides CIDR mask width). */
    static boolean isDottedQuad(String s) {
        int dot = s.indexOf('.');
        int colon = s.indexOf(':');
        return dot >= 0 && (colon < 0 || dot < colon);
    }

    /** {@return the IPv4 address if this is IPv4 or IPv4-mapped (Go's {@code To4})} */
    Optional<byte[]> to4() {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return Optional.empty();
            }
        }
        if (bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(bytes, 12, 16));
    }

    /** Reports whether this is 127/8 or ::1, as Go's {@code IP.IsLoopback}. */
    boolean isLoopback() {
        Optional<byte[]> v4 = to4();
        if (v4.isPresent()) {
            return v4.get()[0] == 127;
        }
        byte[] one = new byte[16];
        one[15] = 1;
        return Arrays.equals(bytes, one);
    }

    /** {@return the 16 bytes} */
    byte[] bytes() {
        return bytes.clone();
    }

    /** {@return the zone, empty if none} */
    String zone() {
        return zone;
    }

    /** Reports whether both are the same address, as Go's {@code IP.Equal} (zones ignored). */
    boolean sameAddress(IpLiteral other) {
        return Arrays.equals(bytes, other.bytes);
    }

    private static byte[] mapped(byte[] v4) {
        byte[] b = new byte[16];
        b[10] = (byte) 0xff;
        b[11] = (byte) 0xff;
        System.arraycopy(v4, 0, b, 12, 4);
        return b;
    }

    static Optional<byte[]> parseV4(String s) {
        byte[] out = new byte[4];
        int pos = 0;
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                if (pos >= s.length() || s.charAt(pos) != '.') {
                    return Optional.empty();
                }
                pos++;
            }
            int start = pos;
            int n = 0;
            while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9' && pos - start < 4) {
                n = n * 10 + (s.charAt(pos) - '0');
                pos++;
            }
            if (pos == start || n > 255 || (pos - start > 1 && s.charAt(start) == '0')) {
                return Optional.empty();
            }
            out[i] = (byte) n;
        }
        return pos == s.length() ? Optional.of(out) : Optional.empty();
    }

    private static Optional<byte[]> parseV6(String s, boolean strictGroups) {
        byte[] ip = new byte[16];
        int ellipsis = -1;
        if (s.startsWith("::")) {
            ellipsis = 0;
            s = s.substring(2);
            if (s.isEmpty()) {
                return Optional.of(ip);
            }
        }
        int i = 0;
        while (i < 16) {
            int c = 0;
            int n = 0;
            while (c < s.length() && Character.digit(s.charAt(c), 16) >= 0 && s.charAt(c) < 0x80) {
                n = Math.min(n * 16 + Character.digit(s.charAt(c), 16), 0x1000000);
                c++;
            }
            if (c == 0 || n > 0xFFFF || (strictGroups && c > 4)) {
                return Optional.empty();
            }
            if (c < s.length() && s.charAt(c) == '.') {
                if (ellipsis < 0 && i != 12 || i + 4 > 16) {
                    return Optional.empty();
                }
                Optional<byte[]> v4 = parseV4(s);
                if (v4.isEmpty()) {
                    return Optional.empty();
                }
                System.arraycopy(v4.get(), 0, ip, i, 4);
                s = "";
                i += 4;
                break;
            }
            ip[i] = (byte) (n >> 8);
            ip[i + 1] = (byte) n;
            i += 2;
            s = s.substring(c);
            if (s.isEmpty()) {
                break;
            }
            if (s.charAt(0) != ':' || s.length() == 1) {
                return Optional.empty();
            }
            s = s.substring(1);
            if (s.charAt(0) == ':') {
                if (ellipsis >= 0) {
                    return Optional.empty();
                }
                ellipsis = i;
                s = s.substring(1);
                if (s.isEmpty()) {
                    break;
                }
            }
        }
        if (!s.isEmpty()) {
            return Optional.empty();
        }
        if (i < 16) {
            if (ellipsis < 0) {
                return Optional.empty();
            }
            int n = 16 - i;
            for (int j = i - 1; j >= ellipsis; j--) {
                ip[j + n] = ip[j];
            }
            for (int j = ellipsis + n - 1; j >= ellipsis; j--) {
                ip[j] = 0;
            }
        } else if (ellipsis >= 0) {
            return Optional.empty();
        }
        return Optional.of(ip);
    }
}
