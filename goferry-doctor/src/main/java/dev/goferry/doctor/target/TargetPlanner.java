package dev.goferry.doctor.target;

import dev.goferry.doctor.Message;
import dev.goferry.gomod.env.SumDbSetting;
import dev.goferry.gomod.goproxy.ProxyEntry;
import dev.goferry.gomod.module.Escaping;
import dev.goferry.gomod.module.PrefixPatterns;
import dev.goferry.gomod.route.RouteSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Derives the endpoints to examine from the go command's settings, the way the go command would
 * reach them: every GOPROXY entry, the checksum database through each proxy (Go asks
 * {@code <proxy>/sumdb/<name>/supported} first) and directly when the list reaches {@code direct},
 * the release index and download host, the toolchain module, VCS hosts when the route can go
 * direct, and the user's extras. Pure: no I/O.
 */
public final class TargetPlanner {

    private TargetPlanner() {}

    /** {@return the targets for {@code settings}, each with the HTTP proxy decision Go would make} */
    public static List<Target> plan(RouteSettings settings, TargetOptions options) {
        Map<String, Target> out = new LinkedHashMap<>();
        String module = options.module().map(TargetOptions.ModuleVersion::path).orElse(options.referenceModule());
        Optional<String> asked = options.module().map(TargetOptions.ModuleVersion::path);
        boolean bypassed = PrefixPatterns.matches(settings.gonoproxy(), module);
        boolean direct = bypassed;
        boolean firstProxy = true;
        List<String> proxies = new ArrayList<>();
        Map<String, String> positions = new LinkedHashMap<>();  // entry URL -> its 1-based place in GOPROXY
        if (!bypassed) {
            int position = 0;
            for (ProxyEntry e : settings.proxies().entries()) {
                String place = String.valueOf(++position);
                if (e instanceof ProxyEntry.ProxyUrl p) {
                    positions.putIfAbsent(p.url(), place);
                }
                switch (e) {
                    case ProxyEntry.ProxyUrl p when p.url().toLowerCase(Locale.ROOT).startsWith("file://") ->
                            add(out, settings, TargetKind.FILE_PROXY, p.url(),
                                    p.url() + "/" + Escaping.escapePath(module) + "/@v/list", asked,
                                    Message.of("doctor.why.file-proxy", place));
                    case ProxyEntry.ProxyUrl p -> {
                        proxies.add(p.url());
                        add(out, settings, TargetKind.GOPROXY, p.url(), p.url() + "/" + Escaping.escapePath(module)
                                + "/@v/" + options.module().flatMap(TargetOptions.ModuleVersion::version)
                                .map(v -> Escaping.escapeVersion(v) + ".info").orElse("list"), asked,
                                Message.of("doctor.why.goproxy", place));
                        if (firstProxy) {
                            add(out, settings, TargetKind.TOOLCHAIN_MODULE, p.url(),
                                    p.url() + "/golang.org/toolchain/@v/list", Optional.empty(),
                                    Message.of("doctor.why.toolchain", place));
                            firstProxy = false;
                        }
                    }
                    case ProxyEntry.Direct d -> direct = true;
                    case ProxyEntry.Off o -> { }
                    case ProxyEntry.NoProxy n -> { }
                }
                if (direct || e instanceof ProxyEntry.Off) {
                    break;  // Go never looks past direct or off
                }
            }
        }
        if (settings.sumdb() instanceof SumDbSetting.Database db
                && !PrefixPatterns.matches(settings.gonosumdb(), module)) {
            for (String p : proxies) {
                add(out, settings, TargetKind.SUMDB_VIA_PROXY, p, p + "/sumdb/" + db.name() + "/supported",
                        Optional.empty(), Message.of("doctor.why.sumdb-proxy", db.name(), positions.get(p)));
            }
            if (listReachesDirect(settings)) {
                String base = db.url().orElse("https://" + db.name());
                add(out, settings, TargetKind.SUMDB_DIRECT, db.name(), trimSlash(base) + "/latest", Optional.empty(),
                        Message.of("doctor.why.sumdb", db.name()));
            }
        }
        if (direct) {
            boolean priv = PrefixPatterns.matches(settings.goprivate(), module);
            TargetKind kind = priv ? TargetKind.VCS_PRIVATE : TargetKind.VCS_PUBLIC;
            add(out, settings, kind, module, "https://" + module + "?go-get=1", asked,
                    priv ? Message.of("doctor.why.vcs-private", "GOPRIVATE") : Message.of("doctor.why.vcs"));
        }
        privateHosts(out, settings, "GOPRIVATE", settings.goprivate());
        if (!settings.gonoproxy().equals(settings.goprivate())) {
            privateHosts(out, settings, "GONOPROXY", settings.gonoproxy());
        }
        options.releaseIndex().ifPresent(u -> add(out, settings, TargetKind.RELEASE_INDEX, u.toString(), u.toString(),
                Optional.empty(), Message.of("doctor.why.release-index")));
        options.releaseDownload().ifPresent(u -> add(out, settings, TargetKind.RELEASE_DOWNLOAD, u.toString(),
                u.toString(), Optional.empty(), Message.of("doctor.why.release-download")));
        for (URI u : options.extras()) {
            add(out, settings, TargetKind.USER, u.toString(), u.toString(), Optional.empty(),
                    Message.of("doctor.why.user", u.toString()));
        }
        return List.copyOf(out.values());
    }

    /** Reports whether Go's walk of the list (as the checksum database client does it) reaches {@code direct}. */
    private static boolean listReachesDirect(RouteSettings settings) {
        for (ProxyEntry e : settings.proxies().entries()) {
            if (e instanceof ProxyEntry.Direct) {
                return true;
            }
            if (e instanceof ProxyEntry.Off) {
                return false;
            }
        }
        return false;
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
