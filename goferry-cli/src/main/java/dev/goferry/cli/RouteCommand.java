package dev.goferry.cli;

import dev.goferry.gomod.env.GoOs;
import dev.goferry.gomod.env.GoSettings;
import dev.goferry.gomod.env.LocalFiles;
import dev.goferry.gomod.httpproxy.ProxyDecision;
import dev.goferry.gomod.route.Entry;
import dev.goferry.gomod.route.Route;
import dev.goferry.gomod.route.RoutePlanner;
import dev.goferry.gomod.route.RouteQuery;
import dev.goferry.gomod.route.RouteSettings;
import dev.goferry.gomod.route.SumDbBase;
import dev.goferry.gomod.route.SumDbRoute;
import dev.goferry.gomod.route.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code goferry route MODULE[@VERSION]}: the exact sequence of requests the go command would make
 * for a module, from the settings alone (nothing is sent).
 */
@Command(name = "route", mixinStandardHelpOptions = true, sortOptions = false)
final class RouteCommand implements Callable<Integer> {

    @ParentCommand
    GoferryCommand parent;

    @Parameters(index = "0", paramLabel = "MODULE[@VERSION]", descriptionKey = "route.module")
    String module;

    @Override
    public Integer call() {
        Console console = parent.console();
        RouteQuery query;
        try {
            query = RouteQuery.parse(module);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage() + "\n" + console.text("route.error.module"));
        }
        GoSettings settings = GoSettings.resolve(console.environment(), GoOs.current(), LocalFiles.SYSTEM);
        Route route = RoutePlanner.plan(query, RouteSettings.of(settings, console.environment(), GoOs.current()));
        if (console.json()) {
            console.printJson(RouteJson.of(route, settings));
        } else {
            new RouteText(console, route, settings).print();
        }
        return route.goproxyError().isPresent() ? ExitCodes.USAGE : ExitCodes.OK;
    }

    /** The version the file requests name: the canonical version, or a placeholder for a query's result. */
    static String fileVersion(Route route) {
        return route.query().canonicalVersion().orElse("$VERSION");
    }

    /** The human rendering. */
    private record RouteText(Console console, Route route, GoSettings settings) {

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
            out.println("  " + console.text("route.each-file", fileVersion(route)));
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
            String version = fileVersion(route);
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

    /** The {@code --json} document, schema {@code goferry.route/v1} (docs/json.md). */
    static final class RouteJson {
        private RouteJson() {}

        static Map<String, Object> of(Route route, GoSettings settings) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("schema", "goferry.route/v1");
            RouteQuery q = route.query();
            doc.put("module", Map.of("path", q.path(), "query", q.query(), "escapedPath", route.escapedPath()));
            doc.put("go", Map.of("version", settings.go().version(), "assumed", settings.go().assumed()));
            route.goproxyError().ifPresent(e -> doc.put("goproxyError", e));
            doc.put("private", route.privateByPattern().orElse(null));
            String version = fileVersion(route);
            doc.put("resolve", q.canonicalVersion().isPresent() ? "info" : q.resolvedByList() ? "list" : "info-query");
            List<Object> chain = new ArrayList<>();
            for (Entry e : route.chain()) {
                Map<String, Object> m = new LinkedHashMap<>();
                switch (e) {
                    case Entry.Proxy p -> {
                        m.put("kind", p.isFile() ? "file" : "proxy");
                        m.put("base", p.base());
                        Map<String, Object> urls = new LinkedHashMap<>();
                        if (q.canonicalVersion().isEmpty() && q.resolvedByList()) {
                            urls.put("list", request(route, route.url(p.base(), Step.LIST, "")));
                            urls.put("latest", request(route, route.url(p.base(), Step.LATEST, "")));
                        }
                        for (Step s : List.of(Step.INFO, Step.MOD, Step.ZIP)) {
                            urls.put(s.name().toLowerCase(java.util.Locale.ROOT), request(route, route.url(p.base(), s, version)));
                        }
                        m.put("requests", urls);
                        m.put("onNotFound", "next");
                        m.put("onError", p.fallBackOnError() ? "next" : "stop");
                    }
                    case Entry.Skip s -> {
                        m.put("kind", "skip");
                        m.put("entry", s.entry());
                        m.put("goError", s.goError());
                        m.put("onNotFound", "next");
                    }
                    case Entry.Direct d -> {
                        m.put("kind", "direct");
                        m.put("privateByPattern", d.privateByPattern().orElse(null));
                        m.put("discovery", d.discovery().urls().stream().map(u -> request(route, u)).toList());
                        m.put("insecurePattern", d.discovery().insecurePattern().orElse(null));
                        m.put("vcs", d.discovery().knownVcs().map(v -> Map.of("vcs", v.vcs(), "repo", v.repo(),
                                "allowed", v.allowed(), "rule", v.rule(), "private", v.isPrivate())).orElse(null));
                        m.put("onError", "stop");
                    }
                }
                chain.add(m);
            }
            doc.put("chain", chain);
            doc.put("sumdb", sumdb(route, version));
            return doc;
        }

        private static Map<String, Object> sumdb(Route route, String version) {
            Map<String, Object> m = new LinkedHashMap<>();
            switch (route.sumdb()) {
                case SumDbRoute.Skipped s -> {
                    m.put("kind", "skipped");
                    m.put("reason", s.reason());
                }
                case SumDbRoute.Fails f -> {
                    m.put("kind", "fails");
                    m.put("goError", f.goError());
                }
                case SumDbRoute.Explicit e -> {
                    m.put("kind", "explicit");
                    m.put("name", e.name());
                    m.put("lookup", request(route, route.sumdbLookupUrl(SumDbBase.of(e.base()), version)));
                }
                case SumDbRoute.ViaProxies v -> {
                    m.put("kind", "via-proxies");
                    m.put("name", v.name());
                    List<Object> probes = new ArrayList<>();
                    for (Entry p : v.probes()) {
                        if (p instanceof Entry.Proxy proxy) {
                            probes.add(Map.of("supported", request(route, Route.sumdbSupportedUrl(proxy.base(), v.name())),
                                    "lookup", request(route, route.sumdbLookupUrl(SumDbBase.of(proxy.base()).join("sumdb/" + v.name()), version)),
                                    "onError", proxy.fallBackOnError() ? "next" : "stop"));
                        } else if (p instanceof Entry.Skip s) {
                            probes.add(Map.of("skip", s.entry()));
                        }
                    }
                    m.put("probes", probes);
                    m.put("direct", request(route, route.sumdbLookupUrl(SumDbBase.of(v.direct()), version)));
                }
            }
            return m;
        }

        private static Map<String, Object> request(Route route, String url) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", url);
            switch (route.via(url)) {
                case ProxyDecision.Proxy p -> m.put("via", Map.of("kind", "proxy", "variable", p.variable().name(), "proxy", p.proxy().redacted()));
                case ProxyDecision.Error e -> m.put("via", Map.of("kind", "error", "goError", e.message()));
                case ProxyDecision.Direct d -> {
                    Map<String, Object> via = new LinkedHashMap<>();
                    via.put("kind", "direct");
                    via.put("reason", d.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                    d.detail().ifPresent(x -> via.put("detail", x));
                    m.put("via", via);
                }
            }
            return m;
        }
    }
}
