package dev.goferry.doctor.diagnosis;

import dev.goferry.doctor.Message;
import dev.goferry.doctor.target.Target;
import dev.goferry.doctor.target.TargetKind;
import dev.goferry.gomod.goproxy.ProxyEntry;
import dev.goferry.gomod.httpproxy.ProxyVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fixes of a cause: the least invasive safe change first, as commands the user can paste
 * (passed as arguments, so translations never touch them), then an alternative mirror — but only
 * one this same run saw working end to end.
 */
public final class Fixes {

    /**
     * Alternatives that worked in this run.
     *
     * @param goproxyMirror a module proxy base URL
     * @param sumdbMirror   a GOSUMDB value whose database answered with a valid signed tree head
     */
    record Working(Optional<String> goproxyMirror, Optional<String> sumdbMirror) {}

    /** Causes a different, working mirror gets around (not interception: a mirror would be intercepted too). */
    private static final Set<CauseId> MIRROR_HELPS = Set.of(CauseId.DNS_NXDOMAIN, CauseId.DNS_TIMEOUT,
            CauseId.DNS_SERVFAIL, CauseId.DNS_HIJACKED, CauseId.TCP_REFUSED, CauseId.TCP_TIMEOUT, CauseId.TCP_RESET,
            CauseId.TCP_UNREACHABLE, CauseId.PROXY_FORBIDDEN, CauseId.PROXY_UPSTREAM_FAILED, CauseId.TLS_EXPIRED,
            CauseId.TLS_HANDSHAKE_FAILURE, CauseId.HTTP_FORBIDDEN, CauseId.HTTP_SERVER_ERROR,
            CauseId.HTTP_UNEXPECTED_CONTENT, CauseId.NETWORK_SLOW, CauseId.GOPROXY_OFF, CauseId.SUMDB_UNREACHABLE);

    private final DiagnosisContext ctx;
    private final Working working;

    Fixes(DiagnosisContext ctx, Working working) {
        this.ctx = ctx;
        this.working = working;
    }

    List<Message> of(CauseId id, List<String> key, List<Target> targets) {
        List<Message> out = new ArrayList<>();
        out.add(primary(id, key, targets));
        boolean modules = id == CauseId.GOPROXY_OFF || targets.stream().anyMatch(t -> t.kind() == TargetKind.GOPROXY
                || t.kind() == TargetKind.TOOLCHAIN_MODULE);
        boolean sumdb = id == CauseId.SUMDB_UNREACHABLE || targets.stream().anyMatch(t -> t.kind() == TargetKind.SUMDB_DIRECT);
        if (MIRROR_HELPS.contains(id)) {
            if (modules) {
                working.goproxyMirror().filter(m -> targets.stream().noneMatch(t -> t.base().equals(m)))
                        .ifPresent(m -> out.add(Message.of("cause.fix.mirror.goproxy", "go env -w GOPROXY=" + m + ",direct")));
            }
            if (sumdb) {
                working.sumdbMirror().ifPresent(m -> out.add(Message.of("cause.fix.mirror.sumdb",
                        "go env -w GOSUMDB=" + (m.contains(" ") ? "\"" + m + "\"" : m))));
            }
        }
        return out;
    }

    private Message primary(CauseId id, List<String> key, List<Target> targets) {
        String firstHost = targets.isEmpty() ? "" : targets.getFirst().host();
        String fix = id.fixKey();
        return switch (id) {
            case DNS_NXDOMAIN, TCP_REFUSED, TLS_HOSTNAME_MISMATCH, HTTP_FORBIDDEN -> Message.of(fix, firstHost);
            case DNS_TIMEOUT, DNS_SERVFAIL, TLS_INTERCEPTED, TLS_UNTRUSTED, PROXY_MISCONFIGURED,
                 GOPROXY_FILE_UNREADABLE, SUMDB_UNREACHABLE -> Message.of(fix, key.getFirst());
            case DNS_HOSTS_OVERRIDE -> Message.of(fix, String.join(", ", Diagnoser.hosts(targets)));
            case PROXY_UNREACHABLE -> Message.of(fix, key.get(0), "unset " + key.get(1) + " "
                    + key.get(1).toLowerCase(Locale.ROOT));
            case PROXY_AUTH_REQUIRED -> key.get(1).equalsIgnoreCase("Basic")
                    ? Message.of(fix, "export " + key.get(2) + "=http://USER:PASSWORD@" + hostPort(key.get(0)))
                    : Message.of(fix + ".negotiate", key.get(1), "export " + key.get(2) + "=http://127.0.0.1:3128");
            case PROXY_FORBIDDEN -> Message.of(fix, key.getFirst(), String.join(", ", Diagnoser.hosts(targets)));
            case PROXY_UPSTREAM_FAILED -> Message.of(fix, key.getFirst());
            case PROXY_BYPASSED -> Message.of(fix, key.getFirst(), noProxyWithout(key.getFirst()));
            case PROXY_MISSING_HTTPS -> Message.of(fix, "export HTTPS_PROXY=" + key.getFirst());
            case GOPROXY_NO_FALLBACK -> Message.of(fix, "go env -w GOPROXY=" + pipeAfter(key.getFirst()), key.getFirst());
            case GOPROXY_PRIVATE_LEAK -> Message.of(fix, "go env -w GOPRIVATE=" + goprivateWith(key.getFirst()));
            default -> factFree(id).orElseThrow(() -> new IllegalStateException("no fix for " + id));
        };
    }

    /**
     * {@return the main fix of {@code id} when it needs no fact from a run or a log (the same for
     * {@code doctor} and {@code explain}), else empty}
     */
    public static Optional<Message> factFree(CauseId id) {
        String fix = id.fixKey();
        return Optional.ofNullable(switch (id) {
            case HTTP_NOT_FOUND -> Message.of(fix, "go env GOPROXY GOSUMDB");
            case GOPROXY_OFF, GOPROXY_INVALID -> Message.of(fix, "go env -u GOPROXY", "unset GOPROXY");
            case SUMDB_DISABLED, SUMDB_INVALID -> Message.of(fix, "go env -u GOSUMDB", "unset GOSUMDB");
            case TLS_CLOCK_SKEW -> Message.of(fix, "sudo timedatectl set-ntp true");
            case TLS_HANDSHAKE_FAILURE -> Message.of(fix, "export GODEBUG=tlsmlkem=0,tlskyber=0");
            case NET_OFFLINE -> Message.of(fix, "export GOPROXY=off GOFLAGS=-mod=mod");
            case DOCTOR_INCOMPLETE -> Message.of(fix, "goferry doctor --timeout 30s");
            case DNS_HIJACKED, IPV6_BROKEN, TCP_TIMEOUT, TCP_RESET, TCP_UNREACHABLE, TLS_EXPIRED, HTTP_SERVER_ERROR,
                 HTTP_UNEXPECTED_CONTENT, NETWORK_SLOW, HEALTHY -> Message.of(fix);
            default -> null;
        });
    }

    /** {@code host:port} of a redacted proxy URL. */
    private static String hostPort(String url) {
        String s = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        int at = s.lastIndexOf('@');
        s = at >= 0 ? s.substring(at + 1) : s;
        int slash = s.indexOf('/');
        return slash >= 0 ? s.substring(0, slash) : s;
    }

    /** The command that drops {@code entry} from NO_PROXY (keeping every other entry as written). */
    private String noProxyWithout(String entry) {
        Optional<Map.Entry<ProxyVariable, String>> np = ctx.settings().httpProxies().noProxy();
        if (np.isEmpty()) {
            return "unset NO_PROXY no_proxy";
        }
        List<String> kept = new ArrayList<>();
        for (String part : np.get().getValue().split(",")) {
            if (!part.strip().equalsIgnoreCase(entry.strip()) && !part.isBlank()) {
                kept.add(part.strip());
            }
        }
        String var = np.get().getKey().name();
        return kept.isEmpty() ? "unset " + var : "export " + var + "=" + String.join(",", kept);
    }

    /** GOPROXY with {@code |} after {@code failing}, so its errors fall through to the next entry. */
    private String pipeAfter(String failing) {
        StringBuilder b = new StringBuilder();
        for (ProxyEntry e : ctx.settings().proxies().entries()) {
            switch (e) {
                case ProxyEntry.ProxyUrl p -> b.append(p.url()).append(p.fallBackOnError() || p.url().equals(failing) ? "|" : ",");
                case ProxyEntry.Direct d -> b.append("direct,");
                case ProxyEntry.Off o -> b.append("off,");
                case ProxyEntry.NoProxy n -> { }
            }
        }
        return b.isEmpty() ? "" : b.substring(0, b.length() - 1);
    }

    /** GOPRIVATE extended with the first element of {@code module}. */
    private String goprivateWith(String module) {
        String host = module.split("/", 2)[0];
        String current = ctx.settings().goprivate();
        return current.isEmpty() ? host : current + "," + host;
    }
}
