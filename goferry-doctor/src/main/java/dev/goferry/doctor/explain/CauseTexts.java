package dev.goferry.doctor.explain;

import dev.goferry.doctor.Message;
import dev.goferry.doctor.diagnosis.CauseId;
import dev.goferry.doctor.diagnosis.Fixes;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The explanation and fix of a cause group as catalog messages, with arguments taken from the facts
 * of the log. Doctor causes use the doctor's own keys and argument positions (area {@code cause}:
 * {0} the hosts, then the cause's own arguments; see {@code cause.properties}); log causes use the
 * {@code explain} area, {0} the hosts or modules and {1} the detail the line gave. A fact the log
 * does not give is the caller's text for it ("not in the log", by fact name), never invented.
 */
public final class CauseTexts {

    private static final String DEFAULT_GOPROXY = "https://proxy.golang.org,direct";

    private CauseTexts() {}

    /** {@return the explanation of {@code g}, a fact the log lacks shown as {@code missing.apply(fact name)}} */
    public static Message explanation(CauseGroup g, UnaryOperator<String> missing) {
        String unknown = missing.apply("");
        String subjects = subjects(g, unknown);
        String key = g.meaning().explainKey();
        return switch (g.meaning()) {
            case Meaning.Doctor d -> switch (d.cause()) {
                case DNS_NXDOMAIN, DNS_TIMEOUT, DNS_SERVFAIL -> Message.of(key, subjects, fact(g, "resolver", unknown));
                case PROXY_UNREACHABLE -> Message.of(key, subjects, fact(g, "proxy", unknown), "HTTPS_PROXY/HTTP_PROXY");
                case PROXY_AUTH_REQUIRED -> Message.of(key, subjects, fact(g, "proxy", unknown), unknown,
                        "HTTPS_PROXY/HTTP_PROXY");
                case PROXY_FORBIDDEN -> Message.of(key, subjects, fact(g, "proxy", unknown));
                case PROXY_UPSTREAM_FAILED -> Message.of(key, subjects, fact(g, "proxy", unknown),
                        fact(g, "status", unknown));
                case PROXY_MISCONFIGURED -> Message.of(key, subjects, "HTTPS_PROXY/HTTP_PROXY");
                case TLS_UNTRUSTED, TLS_INTERCEPTED -> Message.of(key, subjects, fact(g, "issuer", missing.apply("issuer")));
                case TLS_CLOCK_SKEW -> Message.of(key, subjects, fact(g, "detail", unknown));
                case HTTP_FORBIDDEN, HTTP_NOT_FOUND, HTTP_SERVER_ERROR, HTTP_UNEXPECTED_CONTENT ->
                        Message.of(key, subjects, fact(g, "status", unknown));
                case GOPROXY_OFF -> Message.of(key, subjects, "off", g.samples().getFirst().text());
                case GOPROXY_INVALID -> Message.of(key, subjects, fact(g, "value", unknown), g.samples().getFirst().text());
                case GOPROXY_PRIVATE_LEAK -> Message.of(key, subjects, firstModule(g, unknown),
                        g.urls().stream().findFirst().map(CauseTexts::base).orElse(unknown));
                case SUMDB_UNREACHABLE -> Message.of(key, subjects, g.hosts().stream().findFirst().orElse(unknown));
                case SUMDB_DISABLED -> Message.of(key, subjects, "off");
                case SUMDB_INVALID -> Message.of(key, subjects, unknown, fact(g, "detail", g.samples().getFirst().text()));
                case GOPROXY_NO_FALLBACK -> Message.of(key, subjects, unknown, unknown);
                case PROXY_BYPASSED -> Message.of(key, subjects, unknown, unknown);
                case PROXY_MISSING_HTTPS -> Message.of(key, subjects, unknown);
                case GOPROXY_FILE_UNREADABLE -> Message.of(key, subjects, fact(g, "url", unknown));
                case NET_OFFLINE, DOCTOR_INCOMPLETE -> Message.of(key, subjects, String.valueOf(g.hosts().size()));
                case HEALTHY -> Message.of(key, subjects, "0");
                case DNS_HIJACKED, DNS_HOSTS_OVERRIDE, IPV6_BROKEN, TCP_REFUSED, TCP_TIMEOUT, TCP_RESET, TCP_UNREACHABLE,
                     TLS_EXPIRED, TLS_HOSTNAME_MISMATCH, TLS_HANDSHAKE_FAILURE, NETWORK_SLOW -> Message.of(key, subjects);
            };
            case Meaning.Log l -> switch (l.cause()) {
                case TOOLCHAIN_UNAVAILABLE, TOOLCHAIN_TOO_NEW -> Message.of(key, fact(g, "detail", unknown),
                        g.fact("version").map(v -> v.startsWith("go") ? v.substring(2) : v).orElse(unknown));
                default -> Message.of(key, subjects, fact(g, "detail", g.samples().getFirst().text()));
            };
        };
    }

    /** {@return the fixes of {@code g}, least invasive first; a missing fact as in {@link #explanation}} */
    public static List<Message> fixes(CauseGroup g, UnaryOperator<String> missing) {
        String unknown = missing.apply("");
        String key = g.meaning().fixKey();
        String host = g.hosts().stream().findFirst().orElse(unknown);
        return switch (g.meaning()) {
            case Meaning.Doctor d -> List.of(switch (d.cause()) {
                case DNS_NXDOMAIN, TCP_REFUSED, TLS_HOSTNAME_MISMATCH, HTTP_FORBIDDEN -> Message.of(key, host);
                case DNS_TIMEOUT, DNS_SERVFAIL -> Message.of(key, fact(g, "resolver", unknown));
                case TLS_INTERCEPTED, TLS_UNTRUSTED -> Message.of(key, fact(g, "issuer", missing.apply("issuer")));
                case SUMDB_UNREACHABLE -> Message.of(key, host);
                case PROXY_UNREACHABLE -> Message.of(key, fact(g, "proxy", unknown),
                        "unset HTTPS_PROXY https_proxy HTTP_PROXY http_proxy");
                case PROXY_AUTH_REQUIRED -> Message.of(key, "export HTTPS_PROXY=http://USER:PASSWORD@PROXY_HOST:PORT");
                case PROXY_FORBIDDEN, PROXY_UPSTREAM_FAILED -> d.cause() == CauseId.PROXY_FORBIDDEN
                        ? Message.of(key, fact(g, "proxy", unknown), String.join(", ", g.hosts()))
                        : Message.of(key, fact(g, "proxy", unknown));
                case PROXY_MISCONFIGURED -> Message.of(key, "HTTPS_PROXY");
                case PROXY_BYPASSED -> Message.of(key, unknown, "unset NO_PROXY no_proxy");
                case PROXY_MISSING_HTTPS -> Message.of(key, "export HTTPS_PROXY=http://PROXY_HOST:PORT");
                case GOPROXY_NO_FALLBACK -> Message.of(key, "go env -w GOPROXY=" + DEFAULT_GOPROXY, unknown);
                case GOPROXY_PRIVATE_LEAK -> Message.of(key, "go env -w GOPRIVATE="
                        + firstModule(g, unknown).split("[/@]", 2)[0]);
                case GOPROXY_FILE_UNREADABLE -> Message.of(key, fact(g, "url", unknown));
                case DNS_HOSTS_OVERRIDE -> Message.of(key, String.join(", ", g.hosts()));
                default -> Fixes.factFree(d.cause()).orElseThrow(() -> new IllegalStateException("no fix for " + d));
            });
            case Meaning.Log l -> List.of(switch (l.cause()) {
                case PRIVATE_NO_DIRECT -> Message.of(key, "go env -w GOPROXY=" + DEFAULT_GOPROXY);
                case MISSING_SUM -> Message.of(key, "go mod tidy");
                case VCS_AUTH_REQUIRED, UNRECOGNIZED_IMPORT -> Message.of(key, firstModule(g, host).split("[/@]", 2)[0]);
                case VCS_DISALLOWED -> Message.of(key, "go env -w GOVCS=" + firstModule(g, unknown)
                        .split("[/@]", 2)[0] + ":" + g.fact("detail").orElse("git"));
                case TOOLCHAIN_UNAVAILABLE, TOOLCHAIN_TOO_NEW -> Message.of(key, g.fact("version").map(
                        v -> v.startsWith("go") ? v : "go" + v).orElse(unknown));
                case GOFLAGS_INVALID -> Message.of(key, "go env GOFLAGS");
                case VCS_MISSING_TOOL -> Message.of(key, g.fact("detail").orElse("git"));
                case CHECKSUM_MISMATCH, SUMDB_MISBEHAVIOR, UNKNOWN_REVISION, INVALID_VERSION,
                     PATH_MISMATCH, MODULE_NOT_FOUND, ZIP_TOO_LARGE -> Message.of(key, firstModule(g, unknown));
            });
        };
    }

    /** {@return the hosts the group names, else its modules, else {@code unknown}} */
    static String subjects(CauseGroup g, String unknown) {
        List<String> list = !g.hosts().isEmpty() ? g.hosts() : g.modules();
        return list.isEmpty() ? unknown : String.join(", ", list);
    }

    private static String fact(CauseGroup g, String name, String unknown) {
        return g.fact(name).orElse(unknown);
    }

    private static String firstModule(CauseGroup g, String unknown) {
        return g.modules().stream().findFirst().or(() -> g.fact("detail").filter(d -> d.contains("."))).orElse(unknown);
    }

    /** {@return scheme://host[:port] of {@code url}} */
    static String base(String url) {
        int start = url.indexOf("//");
        int slash = start < 0 ? -1 : url.indexOf('/', start + 2);
        return slash < 0 ? url : url.substring(0, slash);
    }
}
