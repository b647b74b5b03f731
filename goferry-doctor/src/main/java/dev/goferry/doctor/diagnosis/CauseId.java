package dev.goferry.doctor.diagnosis;

import dev.goferry.doctor.Layer;
import java.util.Arrays;
import java.util.Optional;

/**
 * The root-cause catalog: stable ids that never change meaning (JSON output and tests use them),
 * each with the layer it belongs to. Texts live in the {@code cause} catalog area under
 * {@code cause.<id>.title}, {@code cause.<id>.explain} and {@code cause.<id>.fix}.
 *
 * <p>A {@link Cause} normally carries its id's layer. Two ids name the layer where the failure
 * really happened instead: {@link #PROXY_UNREACHABLE} (the DNS or TCP layer towards the proxy is
 * reported as the PROXY layer, since the fix is the proxy setting) and {@link #SUMDB_UNREACHABLE}
 * (the layer at which the checksum database failed). {@link #HEALTHY} is LOCAL by convention.
 */
public enum CauseId {
    NET_OFFLINE("net.offline", Layer.LOCAL),
    DNS_NXDOMAIN("dns.nxdomain", Layer.DNS),
    DNS_TIMEOUT("dns.timeout", Layer.DNS),
    DNS_SERVFAIL("dns.servfail", Layer.DNS),
    DNS_HIJACKED("dns.hijacked", Layer.DNS),
    DNS_HOSTS_OVERRIDE("dns.hosts-override", Layer.DNS),
    IPV6_BROKEN("ipv6.broken", Layer.TCP),
    TCP_REFUSED("tcp.refused", Layer.TCP),
    TCP_TIMEOUT("tcp.timeout", Layer.TCP),
    TCP_RESET("tcp.reset", Layer.TCP),
    TCP_UNREACHABLE("tcp.unreachable", Layer.TCP),
    PROXY_UNREACHABLE("proxy.unreachable", Layer.PROXY),
    PROXY_AUTH_REQUIRED("proxy.auth-required", Layer.PROXY),
    PROXY_FORBIDDEN("proxy.forbidden", Layer.PROXY),
    PROXY_MISCONFIGURED("proxy.misconfigured", Layer.PROXY),
    PROXY_BYPASSED("proxy.bypassed", Layer.PROXY),
    PROXY_MISSING_HTTPS("proxy.missing-https", Layer.PROXY),
    PROXY_UPSTREAM_FAILED("proxy.upstream-failed", Layer.PROXY),
    TLS_INTERCEPTED("tls.intercepted", Layer.TLS),
    TLS_UNTRUSTED("tls.untrusted", Layer.TLS),
    TLS_EXPIRED("tls.expired", Layer.TLS),
    TLS_HOSTNAME_MISMATCH("tls.hostname-mismatch", Layer.TLS),
    TLS_CLOCK_SKEW("tls.clock-skew", Layer.TLS),
    TLS_HANDSHAKE_FAILURE("tls.handshake-failure", Layer.TLS),
    HTTP_FORBIDDEN("http.forbidden", Layer.HTTP),
    HTTP_NOT_FOUND("http.not-found", Layer.HTTP),
    HTTP_SERVER_ERROR("http.server-error", Layer.HTTP),
    HTTP_UNEXPECTED_CONTENT("http.unexpected-content", Layer.PROTOCOL),
    GOPROXY_OFF("goproxy.off", Layer.LOCAL),
    GOPROXY_INVALID("goproxy.invalid", Layer.LOCAL),
    GOPROXY_NO_FALLBACK("goproxy.no-fallback", Layer.HTTP),
    GOPROXY_PRIVATE_LEAK("goproxy.private-leak", Layer.HTTP),
    GOPROXY_FILE_UNREADABLE("goproxy.file-unreadable", Layer.LOCAL),
    SUMDB_UNREACHABLE("sumdb.unreachable", Layer.HTTP),
    SUMDB_DISABLED("sumdb.disabled", Layer.LOCAL),
    SUMDB_INVALID("sumdb.invalid", Layer.LOCAL),
    NETWORK_SLOW("network.slow", Layer.THROUGHPUT),
    /** Nothing wrong in what finished, but the deadline cut targets off: no verdict of health. */
    DOCTOR_INCOMPLETE("doctor.incomplete", Layer.LOCAL),
    HEALTHY("healthy", Layer.LOCAL);

    private final String id;
    private final Layer layer;

    CauseId(String id, Layer layer) {
        this.id = id;
        this.layer = layer;
    }

    /** {@return the stable id, e.g. {@code dns.nxdomain}} */
    public String id() {
        return id;
    }

    /** {@return the layer this cause belongs to} */
    public Layer layer() {
        return layer;
    }

    /** {@return the catalog key of the one-line title} */
    public String titleKey() {
        return "cause." + id + ".title";
    }

    /** {@return the catalog key of the explanation} */
    public String explainKey() {
        return "cause." + id + ".explain";
    }

    /** {@return the catalog key of the main fix} */
    public String fixKey() {
        return "cause." + id + ".fix";
    }

    /** {@return the cause with stable id {@code id}} */
    public static Optional<CauseId> of(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
