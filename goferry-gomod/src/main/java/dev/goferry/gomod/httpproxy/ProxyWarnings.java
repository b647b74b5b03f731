package dev.goferry.gomod.httpproxy;

import dev.goferry.gomod.gostd.GoUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the proxy settings that make Go do something other than what the user most likely meant.
 * Go itself reports none of these: it silently ignores, re-parses or falls through.
 */
final class ProxyWarnings {

    private ProxyWarnings() {}

    /** Warning ids, in the order they are reported. */
    static final List<String> IDS = List.of("cgi", "case-conflict", "all-proxy-ignored", "https-proxy-missing",
            "proxy-quoted", "proxy-garbled", "proxy-unusable", "proxy-no-port", "proxy-https-scheme",
            "no-proxy-semicolon", "no-proxy-entry-ignored");

    static List<ProxyWarning> of(ProxyEnvironment pe) {
        Map<String, String> env = pe.environment();
        List<ProxyWarning> out = new ArrayList<>();
        pe.cgi().ifPresent(method -> out.add(ProxyWarning.of("cgi", method)));
        caseConflict(env, ProxyVariable.HTTP_PROXY, ProxyVariable.http_proxy, out);
        caseConflict(env, ProxyVariable.HTTPS_PROXY, ProxyVariable.https_proxy, out);
        caseConflict(env, ProxyVariable.NO_PROXY, ProxyVariable.no_proxy, out);
        for (String name : List.of("ALL_PROXY", "all_proxy")) {
            String v = env.get(name);
            if (v != null && !v.isEmpty()) {
                out.add(ProxyWarning.of("all-proxy-ignored", name, v));
            }
        }
        if (pe.httpProxy().flatMap(ProxySetting::used).isPresent() && pe.httpsProxy().isEmpty()) {
            ProxySetting http = pe.httpProxy().get();
            out.add(ProxyWarning.of("https-proxy-missing", http.variable().name(), http.maskedValue()));
        }
        pe.httpProxy().ifPresent(s -> value(s, out));
        pe.httpsProxy().ifPresent(s -> value(s, out));
        pe.noProxy().ifPresent(np -> {
            if (np.getValue().indexOf(';') >= 0) {
                out.add(ProxyWarning.of("no-proxy-semicolon", np.getKey().name(), np.getValue()));
            }
            for (String entry : pe.noProxyList().ignored()) {
                out.add(ProxyWarning.of("no-proxy-entry-ignored", np.getKey().name(), entry));
            }
        });
        return List.copyOf(out);
    }

    private static void caseConflict(Map<String, String> env, ProxyVariable upper, ProxyVariable lower,
                                     List<ProxyWarning> out) {
        String u = env.get(upper.name());
        String l = env.get(lower.name());
        if (u == null || l == null || u.equals(l)) {
            return;
        }
        String winner = !u.isEmpty() ? upper.name() : !l.isEmpty() ? lower.name() : "";
        out.add(ProxyWarning.of("case-conflict", upper.name(), mask(u), lower.name(), mask(l), winner));
    }

    private static String mask(String value) {
        return ProxySetting.parse(ProxyVariable.HTTP_PROXY, value, ProxyRules.LATEST).maskedValue();
    }

    private static void value(ProxySetting s, List<ProxyWarning> out) {
        String name = s.variable().name();
        String raw = s.maskedValue();
        Optional<GoUrl> used = s.used();
        if (used.isEmpty()) {
            out.add(ProxyWarning.of("proxy-unusable", name, raw, s.error().orElse("")));
            return;
        }
        String shown = s.maskedUsed().orElseThrow();
        String v = s.value().strip();
        if (v.startsWith("\"") || v.startsWith("'") || v.endsWith("\"") || v.endsWith("'")) {
            out.add(ProxyWarning.of("proxy-quoted", name, raw, shown));
            return;
        }
        if (garbled(s)) {
            out.add(ProxyWarning.of("proxy-garbled", name, raw, shown));
            return;
        }
        GoUrl u = used.get();
        if (u.port().isEmpty()) {
            String port = switch (u.scheme()) {
                case "http" -> "80";
                case "https" -> "443";
                case "socks5", "socks5h" -> "1080";
                default -> "";
            };
            if (!port.isEmpty()) {
                out.add(ProxyWarning.of("proxy-no-port", name, shown, port));
            }
        }
        if (u.scheme().equals("https")) {
            out.add(ProxyWarning.of("proxy-https-scheme", name, shown));
        }
    }

    /**
     * Reports whether the URL Go uses cannot be what the value meant: Go's {@code http://} retry
     * turned part of the value into the host ({@code http:} from {@code http://bad host:1}), or the
     * host holds characters no host name has, or a path came along.
     */
    private static boolean garbled(ProxySetting s) {
        GoUrl u = s.used().orElseThrow();
        String host = u.hostname();
        if (host.isEmpty() || u.host().endsWith(":") || !u.opaque().isEmpty()) {
            return true;
        }
        boolean bracketed = u.host().startsWith("[");
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
                    || c == '-' || c == '_' || c >= 0x80 || bracketed && (c == ':' || c == '%');
            if (!ok) {
                return true;
            }
        }
        return !(u.path().isEmpty() || u.path().equals("/")) || s.retriedWithHttp() && s.value().contains("://");
    }
}
