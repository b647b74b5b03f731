package dev.goferry.gomod.httpproxy;

import dev.goferry.gomod.gostd.GoStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * NO_PROXY read the way Go's {@code httpproxy} reads it ({@code config.init}): split on
 * {@code ,} only, each entry trimmed and lower-cased, empty entries skipped, {@code *} ends the
 * list and sends everything direct. Errors are not reported by Go; entries it drops are kept
 * here in {@link #ignored()} so goferry can say so.
 *
 * @param rules the rules in order
 * @param ignored entries Go drops silently (an empty host, as in {@code :1})
 */
public record NoProxyList(List<NoProxyRule> rules, List<String> ignored) {

    public NoProxyList {
        rules = List.copyOf(rules);
        ignored = List.copyOf(ignored);
    }

    /** {@return the list Go builds from {@code value} under {@code goRules}} */
    public static NoProxyList parse(String value, ProxyRules goRules) {
        List<NoProxyRule> rules = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (String raw : value.split(",", -1)) {
            String p = Idna.toLower(GoStrings.trimSpace(raw));
            if (p.isEmpty()) {
                continue;
            }
            if (p.equals("*")) {
                return new NoProxyList(List.of(new NoProxyRule.All(p)), ignored);
            }
            Optional<NoProxyRule.Cidr> cidr = parseCidr(p, goRules.strictIpLiterals());
            if (cidr.isPresent()) {
                rules.add(cidr.get());
                continue;
            }
            String phost = p;
            Optional<String> pport = Optional.empty();
            Optional<String[]> split = HostPort.split(p);
            if (split.isPresent()) {
                phost = split.get()[0];
                pport = Optional.of(split.get()[1]).filter(s -> !s.isEmpty());
                if (phost.isEmpty()) {
                    ignored.add(p);
                    continue;
                }
                if (phost.startsWith("[") && phost.endsWith("]")) {
                    phost = phost.substring(1, phost.length() - 1);
                }
            }
            if (IpLiteral.parse(phost, goRules.strictIpLiterals()).isPresent()) {
                rules.add(new NoProxyRule.Ip(p, phost, pport));
                continue;
            }
            if (phost.isEmpty()) {
                ignored.add(p);
                continue;
            }
            if (phost.startsWith("*.")) {
                phost = phost.substring(1);
            }
            boolean itself = phost.charAt(0) != '.';
            if (itself) {
                phost = "." + phost;
            }
            rules.add(new NoProxyRule.Domain(p, toAscii(phost).orElse(phost), itself, pport));
        }
        return new NoProxyList(rules, ignored);
    }

    /** {@return the first rule that sends {@code host} direct, ip matchers first, as Go checks} */
    Optional<NoProxyRule> match(String host, String port, Optional<IpLiteral> ip, ProxyRules goRules) {
        if (ip.isPresent()) {
            for (NoProxyRule rule : rules) {
                boolean hit = switch (rule) {
                    case NoProxyRule.All a -> true;
                    case NoProxyRule.Cidr c -> c.contains(ip.get());
                    case NoProxyRule.Ip i -> IpLiteral.parse(i.address(), goRules.strictIpLiterals())
                            .map(a -> a.sameAddress(ip.get())).orElse(false)
                            && (i.port().isEmpty() || i.port().get().equals(port));
                    case NoProxyRule.Domain d -> false;
                };
                if (hit) {
                    return Optional.of(rule);
                }
            }
        }
        for (NoProxyRule rule : rules) {
            boolean hit = switch (rule) {
                case NoProxyRule.All a -> true;
                case NoProxyRule.Domain d -> !(ip.isPresent() && goRules.domainRulesSkipIps()) && d.matches(host, port);
                case NoProxyRule.Cidr c -> false;
                case NoProxyRule.Ip i -> false;
            };
            if (hit) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** Go's {@code net.ParseCIDR}: IPv4 blocks compare 4 bytes, IPv6 blocks 16. */
    private static Optional<NoProxyRule.Cidr> parseCidr(String s, boolean strict) {
        int slash = s.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String addr = s.substring(0, slash);
        String mask = s.substring(slash + 1);
        if (mask.isEmpty() || mask.length() > 9 || !mask.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int bits = Integer.parseInt(mask);
        boolean v4 = IpLiteral.isDottedQuad(addr);
        Optional<IpLiteral> ip = IpLiteral.parse(addr, strict);
        if (ip.isEmpty() || bits > (v4 ? 32 : 128)) {
            return Optional.empty();
        }
        byte[] network = v4 ? ip.get().to4().orElseThrow() : ip.get().bytes();
        for (int bit = bits; bit < network.length * 8; bit++) {
            network[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
        }
        if (!v4 && isV4Mapped(network)) {
            // Go's IPNet.Contains takes To4 of a v4-mapped network and the mask's last four bytes:
            // ::ffff:0:0/96 matches every IPv4 host (checked with 1.19 and 1.24).
            return Optional.of(new NoProxyRule.Cidr(s, java.util.Arrays.copyOfRange(network, 12, 16),
                    Math.max(0, bits - 96)));
        }
        return Optional.of(new NoProxyRule.Cidr(s, network, bits));
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    /** Go's {@code idnaASCII}; see {@link Idna}. */
    static Optional<String> toAscii(String s) {
        return Idna.toAscii(s);
    }
}
