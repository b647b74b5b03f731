package dev.goferry.doctor.run;

import dev.goferry.gomod.goproxy.ProxyEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the go command, having asked the proxies {@code /sumdb/<name>/supported} in GOPROXY
 * order, connects to the checksum database directly: cmd/go's {@code dbClient.initBase} over
 * {@code TryProxies} (the same in Go 1.19 and 1.24). The first 200 serves every lookup. Every other
 * answer is an error that {@code TryProxies} ranks: "not exist" (404, 410, {@code off},
 * {@code noproxy}) lowest, a proxy's other error above it, {@code direct} highest; a {@code ,}
 * proxy's other error ends the walk. Go goes direct when the best-ranked error is a "not exist"
 * one: every proxy said 404/410, or the walk reached {@code direct}. So a {@code |} proxy that
 * failed is forgiven only by a later {@code direct}, not by a later 404. Pure.
 */
final class SumDbFallback {

    private SumDbFallback() {}

    /** What the proxies' answers make Go do. */
    enum Verdict {
        /** Go connects to the database itself. */
        DIRECT,
        /** A proxy answered 200 and serves the database. */
        SERVED,
        /** A proxy's error is the database's error: verification fails, nothing goes direct. */
        FAILS,
        /** A proxy's answer is not known (the deadline cut it off). */
        UNKNOWN
    }

    /**
     * Decides from {@code answers}: per proxy URL, the HTTP status it answered {@code supported}
     * with, or empty when no response came (DNS, connect, TLS failure); a proxy missing from the map
     * was not asked in time. A {@code file://} entry is read from disk by Go; the doctor counts it
     * as "not exist" (a tree without {@code sumdb/}).
     */
    static Verdict decide(List<ProxyEntry> entries, Map<String, Optional<Integer>> answers) {
        boolean proxyError = false;  // TryProxies' bestErrRank == proxyRank
        for (ProxyEntry e : entries) {
            switch (e) {
                case ProxyEntry.NoProxy n -> { }
                case ProxyEntry.Direct d -> {
                    return Verdict.DIRECT;  // directRank beats every proxy error
                }
                case ProxyEntry.Off o -> {
                    return proxyError ? Verdict.FAILS : Verdict.DIRECT;
                }
                case ProxyEntry.ProxyUrl p when p.url().startsWith("file:") -> { }
                case ProxyEntry.ProxyUrl p -> {
                    if (!answers.containsKey(p.url())) {
                        return Verdict.UNKNOWN;
                    }
                    Optional<Integer> status = answers.get(p.url());
                    if (status.isPresent() && status.get() == 200) {
                        return Verdict.SERVED;
                    }
                    boolean notExist = status.isPresent() && (status.get() == 404 || status.get() == 410);
                    if (!notExist) {
                        proxyError = true;
                        if (!p.fallBackOnError()) {
                            return Verdict.FAILS;
                        }
                    }
                }
            }
        }
        return proxyError ? Verdict.FAILS : Verdict.DIRECT;
    }
}
