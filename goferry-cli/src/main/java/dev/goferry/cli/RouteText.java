package dev.goferry.cli;

import dev.goferry.gomod.env.GoSettings;
import dev.goferry.gomod.httpproxy.ProxyDecision;
import dev.goferry.gomod.route.Entry;
import dev.goferry.gomod.route.Route;
import dev.goferry.gomod.route.RouteQuery;
import dev.goferry.gomod.route.SumDbBase;
import dev.goferry.gomod.route.SumDbRoute;
import dev.goferry.gomod.route.Step;

/** {@code goferry route}'s human rendering: each entry with its URL, HTTP proxy and fallback rule. */
record RouteText(Console console, Route route, GoSettings settings) {

    void print() {
        var out = console.out();
        RouteQuery q = route.query();
        out.println(console.style(Console.Style.BOLD, console.text("route.title", q, settings.go().version()
                + (settings.go().assumed() ? " " + console.text("route.assumed") : ""))));
        if (route.goproxyError().isPresent()) {
            out.println(console.style(Console.Style.FAIL, "✗ go: " + q + ": " + route.goproxyError().get()));
            out.println("  " + console.text("route.goproxy-error", settings.value("GOPROXY")));
            out.flush();
            return;
        }
        route.privateByPattern().ifPresent(p -> out.println(console.text("route.private", p)));
        out.println();
        out.println(console.style(Console.Style.BOLD, console.text("route.proxies", settings.value("GOPROXY"))));
        if (q.canonicalVersion().isEmpty()) {
            out.println("  " + console.text(q.resolvedByList() ? "route.query.list" : "route.query.info", q.query()));
        }
        int n = 1;
        for (Entry entry : route.chain()) {
            if (!isImplicitPass(entry)) {
                printEntry(n++, entry, firstStep());
            }
        }
        out.println("  " + console.text("route.each-file", RouteCommand.fileVersion(route)));
        out.println();
        printSumDb();
        out.flush();
    }

    /** The implicit noproxy entry passing a public module on: Go's bookkeeping, not a request. */
    private static boolean isImplicitPass(Entry entry) {
        return entry instanceof Entry.Skip s && s.entry().equals("noproxy");
    }

    private Step firstStep() {
        RouteQuery q = route.query();
        return q.canonicalVersion().isPresent() || !q.resolvedByList() ? Step.INFO : Step.LIST;
    }

    private void printEntry(int n, Entry entry, Step step) {
        var out = console.out();
        switch (entry) {
            case Entry.Proxy p -> {
                String url = route.url(p.base(), step, route.query().canonicalVersion().orElse(route.query().query()));
                out.println(String.format("  %d. %s", n, url));
                out.println("     " + via(url) + " · " + console.text(p.fallBackOnError() ? "route.on-error.next" : "route.on-error.stop"));
            }
            case Entry.Skip s -> out.println(String.format("  %d. %s", n,
                    console.style(Console.Style.DIM, console.text("route.skip", s.entry(), s.goError()))));
            case Entry.Direct d -> {
                out.println(String.format("  %d. %s", n, console.text("route.direct")
                        + d.privateByPattern().map(p -> " " + console.text("route.direct.private", p)).orElse("")));
                for (String url : d.discovery().urls()) {
                    out.println("     " + console.text("route.discovery", url) + " · " + via(url));
                }
                d.discovery().insecurePattern().ifPresent(p -> out.println("     " + console.text("route.insecure", p)));
                d.discovery().knownVcs().ifPresentOrElse(v -> out.println("     " + vcs(v)),
                        () -> out.println("     " + console.text("route.vcs.discovered", route.vcs().rules().rules().stream()
                                .map(r -> r.pattern() + ":" + String.join("|", r.allowed())).toList())));
                out.println("     " + console.text("route.direct.stop"));
            }
        }
    }

    private String vcs(Entry.Vcs v) {
        return v.allowed() ? console.text("route.vcs.allowed", v.vcs(), v.repo(), v.rule())
                : console.style(Console.Style.FAIL, console.text("route.vcs.denied", v.vcs(), v.repo(), v.rule()));
    }

    private void printSumDb() {
        var out = console.out();
        String version = RouteCommand.fileVersion(route);
        switch (route.sumdb()) {
            case SumDbRoute.Skipped s -> out.println(console.style(Console.Style.BOLD, console.text("route.sumdb.skipped", s.reason())));
            case SumDbRoute.Fails f -> out.println(console.style(Console.Style.FAIL, console.text("route.sumdb.fails", f.goError())));
            case SumDbRoute.Explicit e -> {
                out.println(console.style(Console.Style.BOLD, console.text("route.sumdb.explicit", e.name(), e.base())));
                String url = route.sumdbLookupUrl(SumDbBase.of(e.base()), version);
                out.println("  1. " + url);
                out.println("     " + via(url));
            }
            case SumDbRoute.ViaProxies v -> {
                out.println(console.style(Console.Style.BOLD, console.text("route.sumdb.title", v.name())));
                int n = 1;
                for (Entry probe : v.probes()) {
                    if (probe instanceof Entry.Proxy p) {
                        String url = Route.sumdbSupportedUrl(p.base(), v.name());
                        out.println(String.format("  %d. %s", n++, url));
                        out.println("     " + via(url) + " · " + console.text("route.sumdb.supported",
                                route.sumdbLookupUrl(SumDbBase.of(p.base()).join("sumdb/" + v.name()), version)));
                        out.println("     " + console.text(p.fallBackOnError() ? "route.on-error.next" : "route.sumdb.on-error.stop"));
                    } else if (probe instanceof Entry.Skip s && !isImplicitPass(s)) {
                        out.println(String.format("  %d. %s", n++, console.style(Console.Style.DIM,
                                console.text("route.sumdb.skip", s.entry()))));
                    }
                }
                String direct = route.sumdbLookupUrl(SumDbBase.of(v.direct()), version);
                out.println(String.format("  %d. %s", n, console.text("route.sumdb.direct", direct)));
                out.println("     " + via(direct));
            }
        }
    }

    private String via(String url) {
        return switch (route.via(url)) {
            case ProxyDecision.Proxy p -> console.text("route.via.proxy", p.variable(), p.proxy().redacted());
            case ProxyDecision.Error e -> console.style(Console.Style.FAIL, console.text("route.via.error", e.message()));
            case ProxyDecision.Direct d -> switch (d.reason()) {
                case NO_PROXY_RULE -> console.text("route.via.no-proxy-rule", d.detail().orElse(""));
                case LOCALHOST, LOOPBACK -> console.text("route.via.loopback");
                case NOT_HTTP_SCHEME -> console.text("route.via.local");
                case UNPARSABLE -> console.text("route.via.unparsable", d.detail().orElse(""));
                case NO_PROXY_VARIABLE -> console.text("route.via.direct", url.startsWith("https") ? "HTTPS_PROXY" : "HTTP_PROXY");
            };
        };
    }
}

