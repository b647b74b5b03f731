package dev.goferry.cli;

import dev.goferry.gomod.env.GoSettings;
import dev.goferry.gomod.httpproxy.ProxyDecision;
import dev.goferry.gomod.route.Entry;
import dev.goferry.gomod.route.Route;
import dev.goferry.gomod.route.RouteQuery;
import dev.goferry.gomod.route.SumDbBase;
import dev.goferry.gomod.route.SumDbRoute;
import dev.goferry.gomod.route.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code goferry route --json}: the document of schema {@code goferry.route/v1} (docs/json.md). */
final class RouteJson {
    private RouteJson() {}

    static Map<String, Object> of(Route route, GoSettings settings) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", "goferry.route/v1");
        RouteQuery q = route.query();
        doc.put("module", Map.of("path", q.path(), "query", q.query(), "escapedPath", route.escapedPath()));
        doc.put("go", Map.of("version", settings.go().version(), "assumed", settings.go().assumed()));
        route.goproxyError().ifPresent(e -> doc.put("goproxyError", e));
        doc.put("private", route.privateByPattern().orElse(null));
        String version = RouteCommand.fileVersion(route);
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
