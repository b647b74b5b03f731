package dev.goferry.doctor.explain;

import dev.goferry.doctor.diagnosis.CauseId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The error forms of the go command (1.16 to 1.24) that {@code goferry explain} recognises, in
 * the order they are tried: the first that matches a line names its cause.
 *
 * <p>The order encodes which cause is the root when one line holds several: go wraps errors, so a
 * line like {@code verifying module: …: Get "…": dial tcp: lookup sum.golang.org on 10.0.0.2:53:
 * no such host} is a DNS failure first and a checksum-database failure only as a consequence. So
 * checksum and certificate verdicts come first, then the resolver, the proxy, TLS and TCP, then
 * HTTP statuses, and the wrappers that only say "something below failed" ({@code unrecognized
 * import path}, {@code verifying module}, {@code go: download go1.x}) come last, matching only
 * when nothing more precise did.
 *
 * <p>Texts come from Go's sources and from real runs (see ErrorPatternsTest and the corpus
 * tests); the section "Error strings users see" of the project's Go network reference lists them.
 */
public final class ErrorPatterns {

    private ErrorPatterns() {}

    /** Go's url.Error head, {@code Get "<url>": } (without quotes before Go 1.14). */
    private static final String GET = "(?:Get|Head|Post) \"?(?<url>[a-z][a-z0-9+.-]*://[^\"\\s]+?)\"?: ";
    /** The host and the resolver of a DNSError: {@code lookup <host>[ on <server>]: }. */
    private static final String LOOKUP = "lookup (?<host>\\S+?)(?: on (?<resolver>\\S+?))?: ";

    private static final List<ErrorPattern> ALL = build();

    /** {@return every pattern, in the order they are tried} */
    public static List<ErrorPattern> all() {
        return ALL;
    }

    private static List<ErrorPattern> build() {
        List<ErrorPattern> p = new ArrayList<>();
        // Checksums: a mismatch is a security verdict whatever else the line says.
        log(p, "sumdb.checksum-mismatch", LogCause.CHECKSUM_MISMATCH, "verifying .*: checksum mismatch",
                "verifying example.com/m@v1.0.0: checksum mismatch", "checksum mismatch");
        log(p, "sumdb.misbehavior", LogCause.SUMDB_MISBEHAVIOR, "go\\.sum database server misbehavior detected",
                "go.sum database server misbehavior detected!", "server misbehavior detected");
        log(p, "module.missing-sum", LogCause.MISSING_SUM, "missing go\\.sum entry",
                "main.go:3:8: missing go.sum entry for module providing package example.com/m (imported by x); to add:",
                "missing go.sum entry");
        doctor(p, "sumdb.not-found", CauseId.GOPROXY_PRIVATE_LEAK,
                "verifying (?:module|go\\.mod): .*reading (?<url>\\S+/lookup/\\S+?): (?<status>404 Not Found|410 Gone)",
                "go: verifying module: example.com/private@v1.0.0: reading https://sum.golang.org/lookup/example.com/private@v1.0.0: 404 Not Found",
                "verifying ");
        // Checksum database settings.
        doctor(p, "sumdb.off", CauseId.SUMDB_DISABLED, "checksum database disabled by GOSUMDB=off",
                "go: example.com/m@v1.0.0: checksum database disabled by GOSUMDB=off", "GOSUMDB=off");
        doctor(p, "sumdb.invalid", CauseId.SUMDB_INVALID,
                "(?<detail>missing GOSUMDB|invalid GOSUMDB(?: URL)?: .*|invalid sumdb name .*|malformed verifier id"
                        + "|unknown verifier algorithm|invalid verifier hash|unknown GOSUMDB .*)",
                "go: verifying module: invalid GOSUMDB: malformed verifier id", "GOSUMDB", "verifier");
        // The resolver.
        doctor(p, "dns.no-such-host", CauseId.DNS_NXDOMAIN, LOOKUP + "no such host",
                "go: example.com/m@v1.0.0: Get \"https://proxy.golang.org/example.com/m/@v/v1.0.0.info\": dial tcp: "
                        + "lookup proxy.golang.org on 10.255.255.53:53: no such host", "no such host");
        doctor(p, "dns.server-misbehaving", CauseId.DNS_SERVFAIL, LOOKUP + "server misbehaving",
                "dial tcp: lookup proxy.golang.org on 127.0.0.53:53: server misbehaving", "server misbehaving");
        doctor(p, "dns.lookup-timeout", CauseId.DNS_TIMEOUT, LOOKUP + "(?:read udp \\S+: )?i/o timeout",
                "dial tcp: lookup proxy.golang.org on 10.0.0.2:53: read udp 10.0.0.5:41234->10.0.0.2:53: i/o timeout",
                "lookup ");
        doctor(p, "dns.resolver-unreachable", CauseId.DNS_TIMEOUT,
                LOOKUP + "(?:read|dial|write) (?:udp|tcp) \\S+: (?:read: |write: |connect: )?"
                        + "(?:connection refused|no route to host|network is unreachable|connection reset by peer)",
                "dial tcp: lookup proxy.golang.org on 127.0.0.1:53: read udp 127.0.0.1:38217->127.0.0.1:53: read: "
                        + "connection refused", "lookup ");
        doctor(p, "dns.temporary-failure", CauseId.DNS_TIMEOUT,
                "lookup (?<host>\\S+?): (?:Temporary failure in name resolution|temporary failure|"
                        + "getaddrinfow: This is usually a temporary error)",
                "dial tcp: lookup proxy.golang.org: Temporary failure in name resolution", "lookup ");
        doctor(p, "dns.bad-answer", CauseId.DNS_SERVFAIL,
                LOOKUP + "(?:lame referral|cannot unmarshal DNS message|no answer from DNS server)",
                "dial tcp: lookup goproxy.cn on 10.0.0.2:53: cannot unmarshal DNS message", "lookup ");
        // The HTTP proxy.
        doctor(p, "proxy.connect-not-tls", CauseId.PROXY_MISCONFIGURED,
                "proxyconnect tcp: (?:tls: first record does not look like a TLS handshake|net/http: TLS handshake timeout)",
                "go: example.com/m@v1.0.0: Get \"https://proxy.golang.org/example.com/m/@v/v1.0.0.info\": proxyconnect "
                        + "tcp: tls: first record does not look like a TLS handshake", "proxyconnect tcp");
        doctor(p, "proxy.connect-failed", CauseId.PROXY_UNREACHABLE,
                "proxyconnect tcp: (?:dial tcp:? (?:lookup )?(?<proxy>\\[[^\\]]+\\]|[^\\s:\\[]+))?",
                "go: example.com/m@v1.0.0: Get \"https://proxy.golang.org/example.com/m/@v/v1.0.0.info\": proxyconnect "
                        + "tcp: dial tcp 127.0.0.1:3128: connect: connection refused", "proxyconnect tcp");
        doctor(p, "proxy.auth-required", CauseId.PROXY_AUTH_REQUIRED, "(?<status>(?:407 )?Proxy Authentication Required)",
                "go: example.com/m@v1.0.0: Get \"https://proxy.golang.org/example.com/m/@v/v1.0.0.info\": Proxy "
                        + "Authentication Required", "Proxy Authentication Required");
        doctor(p, "proxy.connect-forbidden", CauseId.PROXY_FORBIDDEN, GET + "(?<status>Forbidden)$",
                "go: example.com/m@v1.0.0: Get \"https://proxy.golang.org/example.com/m/@v/v1.0.0.info\": Forbidden",
                ": Forbidden");
        doctor(p, "proxy.connect-status", CauseId.PROXY_UPSTREAM_FAILED,
                GET + "(?<status>Bad Gateway|Service Unavailable|Gateway Timeout|unknown status code)$",
                "go: example.com/m@v1.0.0: Get \"https://proxy.golang.org/example.com/m/@v/v1.0.0.info\": Bad Gateway",
                "Bad Gateway", "Service Unavailable", "Gateway Timeout", "unknown status code");
        doctor(p, "proxy.cgi", CauseId.PROXY_MISCONFIGURED, "refusing to use HTTP_PROXY value in CGI environment",
                "refusing to use HTTP_PROXY value in CGI environment; see golang.org/s/cgihttpproxy",
                "refusing to use HTTP_PROXY");
        // TLS and certificates.
        doctor(p, "tls.unknown-authority", CauseId.TLS_UNTRUSTED,
                "x509: certificate signed by unknown authority(?: \\(possibly because of \"(?<detail>[^\"]*)\" while "
                        + "trying to verify candidate authority certificate \"(?<issuer>[^\"]*)\"\\))?",
                "go: example.com/m@v1.0.0: Get \"https://127.0.0.1:8443/example.com/m/@v/v1.0.0.info\": tls: failed to "
                        + "verify certificate: x509: certificate signed by unknown authority", "unknown authority");
        doctor(p, "tls.no-system-roots", CauseId.TLS_UNTRUSTED, "x509: failed to load system roots and no roots provided",
                "x509: failed to load system roots and no roots provided", "failed to load system roots");
        doctor(p, "tls.not-yet-valid", CauseId.TLS_CLOCK_SKEW,
                "x509: certificate has expired or is not yet valid: current time (?<detail>\\S+ is before \\S+)",
                "x509: certificate has expired or is not yet valid: current time 2020-01-01T00:00:00Z is before "
                        + "2026-01-01T00:00:00Z", "is not yet valid");
        doctor(p, "tls.expired", CauseId.TLS_EXPIRED,
                "x509: certificate has expired or is not yet valid(?:: current time (?<detail>\\S+ is after \\S+))?",
                "x509: certificate has expired or is not yet valid: current time 2026-11-22T03:00:00Z is after "
                        + "2025-01-01T00:00:00Z", "is not yet valid");
        doctor(p, "tls.valid-for-other-names", CauseId.TLS_HOSTNAME_MISMATCH,
                "x509: certificate is valid for (?<detail>.+?), not (?<host>\\S+)",
                "tls: failed to verify certificate: x509: certificate is valid for localhost, not 127.0.0.1",
                "x509: certificate is valid for");
        doctor(p, "tls.no-names", CauseId.TLS_HOSTNAME_MISMATCH,
                "x509: certificate is not valid for any names, but wanted to match (?<host>\\S+)",
                "x509: certificate is not valid for any names, but wanted to match proxy.golang.org",
                "not valid for any names");
        doctor(p, "tls.no-ip-sans", CauseId.TLS_HOSTNAME_MISMATCH,
                "x509: cannot validate certificate for (?<host>\\S+) because it doesn't contain any IP SANs",
                "tls: failed to verify certificate: x509: cannot validate certificate for 127.0.0.1 because it doesn't "
                        + "contain any IP SANs", "IP SANs");
        doctor(p, "tls.legacy-common-name", CauseId.TLS_HOSTNAME_MISMATCH,
                "x509: certificate relies on legacy Common Name field",
                "x509: certificate relies on legacy Common Name field, use SANs instead", "legacy Common Name");
        doctor(p, "tls.handshake-timeout", CauseId.TLS_HANDSHAKE_FAILURE, "net/http: TLS handshake timeout",
                "go: example.com/m@v1.0.0: Get \"https://proxy.golang.org/example.com/m/@v/v1.0.0.info\": net/http: TLS "
                        + "handshake timeout", "TLS handshake timeout");
        doctor(p, "tls.not-tls", CauseId.TLS_HANDSHAKE_FAILURE, "tls: first record does not look like a TLS handshake",
                "go: example.com/m@v1.0.0: Get \"https://127.0.0.1:18080/x/example.com/m/@v/v1.0.0.info\": tls: first "
                        + "record does not look like a TLS handshake", "first record does not look like");
        doctor(p, "tls.http-response", CauseId.TLS_HANDSHAKE_FAILURE, "server gave HTTP response to HTTPS client",
                "http: server gave HTTP response to HTTPS client", "server gave HTTP response");
        doctor(p, "tls.remote-error", CauseId.TLS_HANDSHAKE_FAILURE, "remote error: tls: (?<detail>[a-z ]+)",
                "Get \"https://goproxy.example/x/@v/list\": remote error: tls: handshake failure", "remote error: tls");
        // TCP.
        doctor(p, "tcp.refused", CauseId.TCP_REFUSED, "dial tcp (?<address>\\S+?): (?:connect: connection refused|"
                        + "connectex: No connection could be made because the target machine actively refused it)",
                "go: example.com/m@v1.0.0: Get \"http://127.0.0.1:1/example.com/m/@v/v1.0.0.info\": dial tcp "
                        + "127.0.0.1:1: connect: connection refused", "connection refused", "actively refused");
        doctor(p, "tcp.dial-timeout", CauseId.TCP_TIMEOUT, "dial tcp (?<address>\\S+?): (?:i/o timeout|connect: "
                        + "connection timed out|connectex: A connection attempt failed)",
                "Get \"https://proxy.golang.org/golang.org/x/text/@v/list\": dial tcp 142.250.0.1:443: i/o timeout",
                "i/o timeout", "timed out", "connection attempt failed");
        doctor(p, "tcp.unreachable", CauseId.TCP_UNREACHABLE,
                "dial tcp (?<address>\\S+?): connect: (?:no route to host|network is unreachable)",
                "dial tcp 10.9.9.9:443: connect: no route to host", "no route to host", "network is unreachable");
        doctor(p, "tcp.reset", CauseId.TCP_RESET, "connection reset by peer|forcibly closed by the remote host",
                "Get \"https://proxy.golang.org/golang.org/x/text/@v/list\": read tcp 10.0.0.5:51234->142.250.0.1:443: "
                        + "read: connection reset by peer", "connection reset", "forcibly closed");
        doctor(p, "tcp.eof", CauseId.TCP_RESET, GET + "(?:unexpected )?EOF$",
                "go: example.com/m@v1.0.0: Get \"http://127.0.0.1:8080/example.com/m/@v/v1.0.0.info\": EOF", "\": EOF", ": unexpected EOF");
        doctor(p, "net.client-timeout", CauseId.NETWORK_SLOW,
                "Client\\.Timeout exceeded|context deadline exceeded|stream error: stream ID \\d+; INTERNAL_ERROR",
                "Get \"https://proxy.golang.org/x/@v/list\": net/http: request canceled (Client.Timeout exceeded while "
                        + "awaiting headers)", "Client.Timeout", "deadline exceeded", "stream error");
        doctor(p, "sumdb.server-error", CauseId.SUMDB_UNREACHABLE,
                "verifying (?:module|go\\.mod|\\S+@\\S+): .*reading (?<url>\\S+?): (?<status>5\\d\\d .*)",
                "go: verifying module: golang.org/x/text@v0.3.0: reading https://sum.golang.org/lookup/golang.org/x/"
                        + "text@v0.3.0: 503 Service Unavailable", "verifying ");
        // HTTP statuses (after the proxy's 407: that one names the proxy, not the server).
        doctor(p, "http.not-found", CauseId.HTTP_NOT_FOUND,
                "(?:reading (?<url>\\S+?)|unexpected status \\((?<oldurl>\\S+)\\)): (?<status>404 Not Found|410 Gone)",
                "go: example.com/m@v1.0.0: reading https://proxy.golang.org/example.com/m/@v/v1.0.0.info: 410 Gone",
                "404 Not Found", "410 Gone");
        doctor(p, "http.forbidden", CauseId.HTTP_FORBIDDEN,
                "(?:reading (?<url>\\S+?)|unexpected status \\((?<oldurl>\\S+)\\)): (?<status>4\\d\\d [A-Za-z].*)",
                "go: example.com/m@v1.0.0: reading https://goproxy.example/example.com/m/@v/v1.0.0.info: 403 Forbidden",
                "reading ", "unexpected status");
        doctor(p, "http.server-error", CauseId.HTTP_SERVER_ERROR,
                "(?:reading (?<url>\\S+?)|unexpected status \\((?<oldurl>\\S+)\\)): (?<status>5\\d\\d [A-Za-z].*)",
                "go: example.com/m@v1.0.0: reading https://goproxy.example/example.com/m/@v/v1.0.0.info: 502 Bad Gateway",
                "reading ", "unexpected status");
        doctor(p, "http.invalid-response", CauseId.HTTP_UNEXPECTED_CONTENT,
                "invalid response from proxy \"(?<proxy>[^\"]+)\"|proxy returned info for version",
                "go: example.com/m@v1.0.0: invalid response from proxy \"https://goproxy.example\": invalid character "
                        + "'<' looking for beginning of value", "invalid response from proxy", "proxy returned info");
        doctor(p, "http.redirect", CauseId.HTTP_UNEXPECTED_CONTENT,
                "redirected from secure URL \\S+ to insecure URL (?<url>\\S+)|stopped after 10 redirects",
                "redirected from secure URL https://example.com/m?go-get=1 to insecure URL http://example.com/m?go-get=1",
                "redirected from secure URL", "stopped after 10 redirects");
        // GOPROXY and GOPRIVATE.
        doctor(p, "goproxy.off", CauseId.GOPROXY_OFF, "module lookup disabled by GOPROXY=off",
                "go: example.com/m@v1.0.0: module lookup disabled by GOPROXY=off", "GOPROXY=off");
        doctor(p, "goproxy.missing-scheme", CauseId.GOPROXY_INVALID, "invalid proxy URL missing scheme: (?<value>\\S+)",
                "go: invalid proxy URL missing scheme: goproxy.example", "invalid proxy URL");
        doctor(p, "goproxy.bad-scheme", CauseId.GOPROXY_INVALID,
                "invalid proxy URL scheme \\(must be https, http, file\\): (?<value>\\S+)",
                "go: invalid proxy URL scheme (must be https, http, file): ftp://x", "invalid proxy URL");
        doctor(p, "goproxy.bad-file-url", CauseId.GOPROXY_INVALID,
                "invalid file:// proxy URL with non-path elements: (?<value>\\S+)",
                "go: invalid file:// proxy URL with non-path elements: file://host/x", "invalid file://");
        doctor(p, "goproxy.empty-list", CauseId.GOPROXY_INVALID, "GOPROXY list is not the empty string, but contains no entries",
                "go: GOPROXY list is not the empty string, but contains no entries", "contains no entries");
        log(p, "goproxy.private-no-direct", LogCause.PRIVATE_NO_DIRECT, "disabled by GOPRIVATE/GONOPROXY",
                "go: example.com/private@v1.0.0: disabled by GOPRIVATE/GONOPROXY", "GOPRIVATE/GONOPROXY");
        // Version control (direct mode).
        log(p, "vcs.terminal-prompts", LogCause.VCS_AUTH_REQUIRED,
                "terminal prompts disabled|could not read (?:Username|Password) for '(?<url>[^']+)'",
                "fatal: could not read Username for 'https://github.com': terminal prompts disabled",
                "terminal prompts disabled", "could not read Username", "could not read Password");
        log(p, "vcs.ssh-denied", LogCause.VCS_AUTH_REQUIRED,
                "Permission denied \\(publickey\\)|Host key verification failed",
                "git@github.com: Permission denied (publickey).", "Permission denied (publickey)",
                "Host key verification failed");
        log(p, "vcs.govcs", LogCause.VCS_DISALLOWED, "GOVCS disallows using (?<detail>\\S+) for",
                "go: example.com/m@v1.0.0: GOVCS disallows using git for public example.com/m; see 'go help vcs'",
                "GOVCS disallows");
        log(p, "vcs.missing-tool", LogCause.VCS_MISSING_TOOL,
                "exec: \"(?<detail>git|hg|svn|bzr|fossil)\": executable file not found",
                "go: example.com/m@v1.0.0: git init --bare in /root/go/pkg/mod/cache/vcs/x: exec: \"git\": executable "
                        + "file not found in $PATH", "executable file not found");
        log(p, "module.unknown-revision", LogCause.UNKNOWN_REVISION, "unknown revision (?<detail>\\S+)",
                "go: example.com/m@v1.9.9: invalid version: unknown revision v1.9.9", "unknown revision");
        log(p, "module.path-mismatch", LogCause.PATH_MISMATCH,
                "go\\.mod has (?:non-\\S+|post-v\\d+) module path \"(?<detail>[^\"]+)\"|module declares its path as: "
                        + "(?<declared>\\S+)",
                "go: example.com/m@v2.0.0: invalid version: go.mod has post-v2 module path \"example.com/m/v3\" at "
                        + "revision v2.0.0", "module path", "declares its path");
        log(p, "module.zip-too-large", LogCause.ZIP_TOO_LARGE,
                "downloaded zip file too large|module source tree too large|zip file too large|file too large",
                "go: example.com/m@v1.0.0: downloaded zip file too large", "too large");
        // Not a failing VCS command's header ("invalid version: git ls-remote … exit status 128:"): the
        // next lines say why, and match their own pattern.
        log(p, "module.invalid-version", LogCause.INVALID_VERSION,
                "invalid version: (?!(?:git|hg|svn|bzr|fossil) .*exit status \\d+:$)(?<detail>.+)",
                "go: example.com/m@v1.0: invalid version: should be v0 or v1, not v2", "invalid version");
        log(p, "module.not-found", LogCause.MODULE_NOT_FOUND,
                "no matching versions for query \"(?<detail>[^\"]+)\"|cannot find module providing package (?<pkg>\\S+)"
                        + "|no required module provides package (?<pkg2>\\S+)",
                "go: example.com/m@v1.5: no matching versions for query \"v1.5\"", "no matching versions",
                "cannot find module providing", "no required module provides");
        // Toolchains (Go 1.21+).
        log(p, "toolchain.not-available", LogCause.TOOLCHAIN_UNAVAILABLE,
                "download (?<version>go\\S+) for (?<detail>\\S+): toolchain not available",
                "go: download go1.99.0 for linux/amd64: toolchain not available", "toolchain not available");
        log(p, "toolchain.too-new", LogCause.TOOLCHAIN_TOO_NEW,
                "requires go >= (?<version>\\S+) \\(running go (?<detail>[^;]+); GOTOOLCHAIN=",
                "go: go.mod requires go >= 1.99.0 (running go 1.24.4; GOTOOLCHAIN=local)", "requires go >=");
        log(p, "goflags.invalid", LogCause.GOFLAGS_INVALID, "parsing \\$GOFLAGS: (?<detail>.+)",
                "go: parsing $GOFLAGS: unknown flag -insecure", "parsing $GOFLAGS");
        // Wrappers: only when nothing more precise matched the line.
        doctor(p, "sumdb.unreachable", CauseId.SUMDB_UNREACHABLE,
                "verifying (?:module|go\\.mod|\\S+@\\S+): .*Get \"[^\"]+\": .+",
                "go: verifying go.mod: golang.org/x/text@v0.3.0/go.mod: Get \"https://sum.golang.org/lookup/golang.org/"
                        + "x/text@v0.3.0\": some new failure", "verifying ");
        log(p, "vcs.unrecognized-import", LogCause.UNRECOGNIZED_IMPORT, "unrecognized import path \"(?<detail>[^\"]+)\"",
                "go: example.com/m@v1.0.0: unrecognized import path \"example.com/m\": https fetch: Get "
                        + "\"https://example.com/m?go-get=1\": remote error: weird", "unrecognized import path");
        log(p, "toolchain.download-failed", LogCause.TOOLCHAIN_UNAVAILABLE, "^go: download (?<version>go[0-9]\\S*): ",
                "go: download go1.99.0: golang.org/toolchain@v0.0.1-go1.99.0.linux-amd64: something unexpected",
                "go: download go");
        return List.copyOf(p);
    }

    private static void doctor(List<ErrorPattern> out, String id, CauseId cause, String regex, String example,
                               String... keywords) {
        out.add(new ErrorPattern(id, List.of(keywords), Pattern.compile(regex), new Meaning.Doctor(cause), example));
    }

    private static void log(List<ErrorPattern> out, String id, LogCause cause, String regex, String example,
                            String... keywords) {
        out.add(new ErrorPattern(id, List.of(keywords), Pattern.compile(regex), new Meaning.Log(cause), example));
    }
}
