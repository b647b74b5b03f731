package dev.goferry.doctor.target;

import dev.goferry.doctor.Message;
import dev.goferry.gomod.goproxy.ProxyEntry;
import dev.goferry.gomod.module.PrefixPatterns;
import dev.goferry.gomod.route.Entry;
import dev.goferry.gomod.route.Route;
import dev.goferry.gomod.route.RoutePlanner;
import dev.goferry.gomod.route.RouteQuery;
import dev.goferry.gomod.route.RouteSettings;
import dev.goferry.gomod.route.Step;
import dev.goferry.gomod.route.SumDbRoute;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Derives the endpoints to examine from the go command's settings, the way the go command would
 * reach them. The module part is gomod's {@link RoutePlanner} route of one module (the reference
 * module, or {@code --module M[@V]}): every GOPROXY entry it walks, the direct VCS host when the
 * route can go direct, and the checksum database as Go reaches it (GOSUMDB's own URL; else each
 * proxy's {@code /sumdb/<name>/supported}, and the database itself when the walk reaches
 * {@code direct} or {@code off} without a proxy before it). When proxies come first, going
 * direct depends on their answers, so that target is a second phase: {@link #sumdbFallback}.
 * Without {@code --module} the release index and download host, the toolchain module and the
 * hosts GOPRIVATE/GONOPROXY name are added too; with it, only that route's endpoints and
 * {@code --target} extras. Pure: no I/O.
 */
public final class TargetPlanner {

    private TargetPlanner() {}

    /** {@return the targets for {@code settings}, each with the HTTP proxy decision Go would make} */
    public static List<Target> plan(RouteSettings settings, TargetOptions options) {
        Map<String, Target> out = new LinkedHashMap<>();
        Optional<String> asked = options.module().map(TargetOptions.ModuleVersion::path);
        String module = asked.orElse(options.referenceModule());
        if (unprobeable(module)) {
            String id = Target.idOf(TargetKind.VCS_NOT_PROBEABLE, module);
            out.put(id, new Target(id, TargetKind.VCS_NOT_PROBEABLE, module, Optional.empty(), "", 0,
                    settings.httpProxies().decide("https://" + module.replaceAll("[*?\\[\\]]", "x")), asked,
                    Message.of("doctor.why.vcs-wildcard", module, "--module")));
            extras(out, settings, options);
            return List.copyOf(out.values());
        }
        Optional<String> version = options.module().flatMap(TargetOptions.ModuleVersion::version);
        Route route = RoutePlanner.plan(new RouteQuery(module, version.orElse("latest")), settings);
        List<ProxyEntry> entries = settings.proxies().entries();
        boolean firstProxy = true;
        int position = 0;
        for (int i = 0; i < route.chain().size(); i++) {
            if (!(entries.get(i) instanceof ProxyEntry.NoProxy)) {
                position++;
            }
            String place = String.valueOf(position);
            switch (route.chain().get(i)) {
                case Entry.Proxy p when p.isFile() -> add(out, settings, TargetKind.FILE_PROXY, p.base(),
                        moduleUrl(p.base(), route), asked, Message.of("doctor.why.file-proxy", place));
                case Entry.Proxy p -> {
                    add(out, settings, TargetKind.GOPROXY, p.base(), moduleUrl(p.base(), route), asked,
                            Message.of("doctor.why.goproxy", place));
                    if (firstProxy && asked.isEmpty()) {
                        add(out, settings, TargetKind.TOOLCHAIN_MODULE, p.base(),
                                p.base() + "/golang.org/toolchain/@v/list", Optional.empty(),
                                Message.of("doctor.why.toolchain", place));
                    }
                    firstProxy = false;
                }
                case Entry.Direct d -> vcs(out, settings, module, d, asked);
                case Entry.Skip s -> { }
            }
        }
        sumdb(out, settings, route, asked);
        if (asked.isEmpty()) {
            privateHosts(out, settings, "GOPRIVATE", settings.goprivate());
            if (!settings.gonoproxy().equals(settings.goprivate())) {
                privateHosts(out, settings, "GONOPROXY", settings.gonoproxy());
            }
            options.releaseIndex().ifPresent(u -> add(out, settings, TargetKind.RELEASE_INDEX, u.toString(),
                    u.toString(), Optional.empty(), Message.of("doctor.why.release-index")));
            options.releaseDownload().ifPresent(u -> add(out, settings, TargetKind.RELEASE_DOWNLOAD, u.toString(),
                    u.toString(), Optional.empty(), Message.of("doctor.why.release-download")));
        }
        extras(out, settings, options);
        return List.copyOf(out.values());
    }

    /**
     * {@return the checksum database reached directly, when Go goes there only because every proxy
     * before {@code direct} (or the end of the list) answered {@code supported} with 404/410} The
     * runner probes it after the proxies' answers, if {@link SumDbFallback} says Go would.
     */
    public static Optional<Target> sumdbFallback(RouteSettings settings, TargetOptions options) {
        Optional<String> asked = options.module().map(TargetOptions.ModuleVersion::path);
        String module = asked.orElse(options.referenceModule());
        if (unprobeable(module)) {
            return Optional.empty();
        }
        Route route = RoutePlanner.plan(new RouteQuery(module, "latest"), settings);
        if (!(route.sumdb() instanceof SumDbRoute.ViaProxies via) || firstProxyBeforeDirect(via).isEmpty()
                || endsOff(via)) {
            return Optional.empty();
        }
        Map<String, Target> out = new LinkedHashMap<>();
        add(out, settings, TargetKind.SUMDB_DIRECT, via.name(), trimSlash(via.direct()) + "/latest", asked,
                Message.of("doctor.why.sumdb-fallback", via.name()));
        return out.values().stream().findFirst();
    }

    /** The checksum database as {@code route} reaches it: its own URL, or the proxies, or directly. */
    private static void sumdb(Map<String, Target> out, RouteSettings settings, Route route, Optional<String> asked) {
        switch (route.sumdb()) {
            case SumDbRoute.Explicit e -> add(out, settings, TargetKind.SUMDB_DIRECT, e.name(),
                    trimSlash(e.base()) + "/latest", asked, Message.of("doctor.why.sumdb", e.name()));
            case SumDbRoute.ViaProxies via -> {
                int position = 0;
                for (Entry e : via.probes()) {
                    if (e instanceof Entry.Skip s && s.entry().equals("noproxy")) {
                        continue;
                    }
                    position++;
                    if (e instanceof Entry.Proxy p && !p.isFile()) {
                        add(out, settings, TargetKind.SUMDB_VIA_PROXY, p.base(),
                                Route.sumdbSupportedUrl(p.base(), via.name()), asked,
                                Message.of("doctor.why.sumdb-proxy", via.name(), String.valueOf(position)));
                    } else if (e instanceof Entry.Skip) {
                        break;  // direct or off: Go stops asking proxies here
                    }
                }
                if (firstProxyBeforeDirect(via).isEmpty() && !endsOff(via)) {
                    add(out, settings, TargetKind.SUMDB_DIRECT, via.name(), trimSlash(via.direct()) + "/latest", asked,
                            Message.of("doctor.why.sumdb", via.name()));
                }
            }
            case SumDbRoute.Skipped s -> { }
            case SumDbRoute.Fails f -> { }
        }
    }

    /** {@return the first http(s) proxy Go asks {@code supported} before direct, off or the end} */
    private static Optional<Entry.Proxy> firstProxyBeforeDirect(SumDbRoute.ViaProxies via) {
        for (Entry e : via.probes()) {
            if (e instanceof Entry.Proxy p && !p.isFile()) {
                return Optional.of(p);
            }
            if (e instanceof Entry.Skip s && !s.entry().equals("noproxy")) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Reports whether the walk ends at {@code off} with no proxy before it. Go would then go to the
     * database directly, but with module lookup disabled nothing is downloaded to verify, so the
     * doctor leaves the database out (goproxy.off says what matters).
     */
    private static boolean endsOff(SumDbRoute.ViaProxies via) {
        for (Entry e : via.probes()) {
            if (e instanceof Entry.Skip s && !s.entry().equals("noproxy")) {
                return s.entry().equals("off");
            }
            if (e instanceof Entry.Proxy p && !p.isFile()) {
                return false;
            }
        }
        return false;
    }

    /** The VCS host of a route that goes direct: its discovery URL (and the http:// one GOINSECURE allows). */
    private static void vcs(Map<String, Target> out, RouteSettings settings, String module, Entry.Direct d,
                            Optional<String> asked) {
        Optional<String> pattern = d.privateByPattern().or(() -> PrefixPatterns.matches(settings.goprivate(), module)
                ? Optional.of(settings.goprivate()) : Optional.empty());
        TargetKind kind = pattern.isPresent() ? TargetKind.VCS_PRIVATE : TargetKind.VCS_PUBLIC;
        Message why = pattern.isPresent()
                ? Message.of("doctor.why.vcs-private", d.privateByPattern().isPresent() ? "GONOPROXY" : "GOPRIVATE")
                : Message.of("doctor.why.vcs");
        List<String> urls = d.discovery().urls().isEmpty() ? List.of("https://" + module + "?go-get=1")
                : d.discovery().urls();
        for (String url : urls) {
            add(out, settings, kind, url.startsWith("http://") ? "http://" + module : module, url, asked, why);
        }
    }

    /** A path whose host part is a glob or no host at all (no dot): nothing to dial. */
    private static boolean unprobeable(String module) {
        String host = module.contains("/") ? module.substring(0, module.indexOf('/')) : module;
        return host.contains("*") || host.contains("?") || host.contains("[") || !host.contains(".");
    }

    /**
     * The proxy request that starts the route, as Go resolves the query: {@code @v/list} for
     * {@code latest} or a version prefix, else the version's (or branch's, commit's) {@code .info}.
     */
    private static String moduleUrl(String base, Route route) {
        return route.query().resolvedByList() ? route.url(base, Step.LIST, "")
                : route.url(base, Step.INFO, route.query().query());
    }

    private static void extras(Map<String, Target> out, RouteSettings settings, TargetOptions options) {
        for (URI u : options.extras()) {
            add(out, settings, TargetKind.USER, u.toString(), u.toString(), Optional.empty(),
                    Message.of("doctor.why.user", u.toString()));
        }
    }

    /** One target per host a GOPRIVATE/GONOPROXY pattern names; a wildcard host cannot be probed. */
    private static void privateHosts(Map<String, Target> out, RouteSettings settings, String variable, String globs) {
        for (String raw : globs.split(",")) {
            String pattern = trimSlash(raw.strip());
            if (pattern.isEmpty()) {
                continue;
            }
            String host = pattern.contains("/") ? pattern.substring(0, pattern.indexOf('/')) : pattern;
            if (host.contains("*") || host.contains("?") || host.contains("[") || !host.contains(".")) {
                String id = Target.idOf(TargetKind.VCS_NOT_PROBEABLE, pattern);
                out.putIfAbsent(id, new Target(id, TargetKind.VCS_NOT_PROBEABLE, pattern, Optional.empty(), "", 0,
                        settings.httpProxies().decide("https://" + pattern.replace("*", "x")), Optional.empty(),
                        Message.of("doctor.why.vcs-wildcard", pattern, variable)));
                continue;
            }
            add(out, settings, TargetKind.VCS_PRIVATE, pattern, "https://" + pattern + "?go-get=1", Optional.empty(),
                    Message.of("doctor.why.vcs-private", variable));
        }
    }

    private static void add(Map<String, Target> out, RouteSettings settings, TargetKind kind, String base, String url,
                            Optional<String> module, Message why) {
        String id = Target.idOf(kind, base);
        if (out.containsKey(id)) {
            return;
        }
        URI u = URI.create(url);
        String scheme = Optional.ofNullable(u.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            out.put(id, new Target(id, kind, base, Optional.of(u), "", 0, settings.httpProxies().decide(url), module, why));
            return;
        }
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
            throw new IllegalArgumentException("target \"" + url + "\": want an http or https URL with a host");
        }
        int port = u.getPort() > 0 ? u.getPort() : scheme.equals("https") ? 443 : 80;
        String host = u.getHost().startsWith("[") ? u.getHost().substring(1, u.getHost().length() - 1) : u.getHost();
        out.put(id, new Target(id, kind, base, Optional.of(u), host, port, settings.httpProxies().decide(url), module,
                why));
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
