package dev.goferry.gomod.route;

import java.util.List;

/** How the go command reaches the checksum database for one module. */
public sealed interface SumDbRoute {

    /**
     * Not consulted.
     *
     * @param reason why: {@code GOSUMDB=off}, or the GONOSUMDB/GOPRIVATE pattern that matched
     */
    record Skipped(String reason) implements SumDbRoute {}

    /**
     * Every verification fails with Go's error before any request (a malformed GOSUMDB, or
     * {@code GOSUMDB=off} for a module Go must verify: the toolchain).
     */
    record Fails(String goError) implements SumDbRoute {}

    /**
     * GOSUMDB names a URL: Go goes there, bypassing the proxies.
     *
     * @param name the database name
     * @param base the URL
     */
    record Explicit(String name, String base) implements SumDbRoute {}

    /**
     * Go asks each proxy {@code /sumdb/<name>/supported} in GOPROXY order: the first 200 serves
     * every lookup; if all say "not found" (404/410), or the list reaches {@code direct}/{@code off},
     * Go connects to {@code direct}. Any other error is the database's error, even after a {@code |}:
     * a proxy error there is forgiven only by a later {@code direct}, never by going to the database
     * directly (go 1.19 and 1.24, checked in goferry-doctor's TargetsCoverGoConformanceTest).
     *
     * @param name the database name
     * @param probes the entries asked, in order (proxies; {@code noproxy}, {@code direct} and
     *     {@code off} as skips)
     * @param direct {@code https://<name>}
     */
    record ViaProxies(String name, List<Entry> probes, String direct) implements SumDbRoute {
        public ViaProxies {
            probes = List.copyOf(probes);
        }
    }
}
