package dev.goferry.gomod.httpproxy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of Go's proxy selection that changed between releases, as flags, so one model serves
 * every go command a user may have.
 *
 * <p>Checked against the real Go 1.19.8 and 1.24.4 (see {@code ProxyDecisionConformanceTest});
 * the first release of each change between those two is inferred from the x/net history and
 * Go's release notes, not run:
 * <ul>
 *   <li>{@code anyProxyScheme}: x/net {@code 8c07e20f} "httpproxy: allow any scheme"
 *       (golang/go#24135), vendored from Go 1.22. Before it, a proxy value whose scheme is not
 *       http, https or socks5 is re-parsed with {@code http://} in front: {@code socks5h://p:1080}
 *       becomes the garbage proxy {@code http://socks5h://p:1080}.</li>
 *   <li>{@code strictIpLiterals}: {@code net.ParseIP} is built on {@code netip.ParseAddr} (Go
 *       1.22), which refuses IPv6 groups of more than four digits; 1.19 reads {@code ::00001} as
 *       {@code ::1}.</li>
 *   <li>{@code domainRulesSkipIps}: the CVE-2025-22870 fix (x/net {@code cde1dda9},
 *       golang/go#71984; Go 1.23.7 and 1.24.1): request hosts are read with
 *       {@code netip.ParseAddr}, so {@code [::1%25eth0]} is loopback, and NO_PROXY domain rules
 *       never match an IP literal, so {@code [fe80::1%25.corp.example]} is no longer "in"
 *       {@code .corp.example}.</li>
 * </ul>
 *
 * @param anyProxyScheme whether any proxy URL scheme is kept as written
 * @param strictIpLiterals whether IP literals follow netip's syntax
 * @param domainRulesSkipIps whether the CVE-2025-22870 fix is in
 */
public record ProxyRules(boolean anyProxyScheme, boolean strictIpLiterals, boolean domainRulesSkipIps) {

    /** The behaviour of the newest Go this model knows. */
    public static final ProxyRules LATEST = new ProxyRules(true, true, true);

    private static final Pattern VERSION = Pattern.compile("(?:go)?1\\.(\\d+)(?:\\.(\\d+))?.*");

    /**
     * {@return the rules of a Go release named like {@code go1.19.8}, {@code 1.24.4} or
     * {@code go1.22rc1}} An unknown form gets {@link #LATEST}.
     */
    public static ProxyRules forGoVersion(String version) {
        Matcher m = VERSION.matcher(version.trim());
        if (!m.matches()) {
            return LATEST;
        }
        int minor = Integer.parseInt(m.group(1));
        int patch = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        boolean cveFix = minor > 24 || minor == 24 && patch >= 1 || minor == 23 && patch >= 7;
        return new ProxyRules(minor >= 22, minor >= 22, cveFix);
    }
}
