package dev.goferry.gomod.route;

import dev.goferry.gomod.env.SumDbSetting;
import dev.goferry.gomod.goproxy.ProxyEntry;
import dev.goferry.gomod.module.PrefixPatterns;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Computes the {@link Route} of a module from the settings alone: no I/O. */
public final class RoutePlanner {

    /** Hosts whose repositories cmd/go knows without discovery ({@code vcs.go vcsPaths}). */
    private static final List<KnownHost> KNOWN_HOSTS = List.of(
            new KnownHost(Pattern.compile("^(github\\.com/[\\w.\\-]+/[\\w.\\-]+)(/[\\w.\\-]+)*$"), "git"),
            new KnownHost(Pattern.compile("^(bitbucket\\.org/[\\w.\\-]+/[\\w.\\-]+)(/[\\w.\\-]+)*$"), "git"));

    /** A path that names its VCS: {@code host/repo.git/sub}. */
    private static final Pattern VCS_QUALIFIED = Pattern.compile(
            "^(([a-z0-9.\\-]+\\.)+[a-z0-9.\\-]+(:[0-9]+)?(/~?[\\w.\\-]+)+?)\\.(bzr|fossil|git|hg|svn)(/~?[\\w.\\-]+)*$");

    private static final String TOOLCHAIN = "golang.org/toolchain";

    private RoutePlanner() {}

    /** {@return the route of {@code query} under {@code settings}} */
    public static Route plan(RouteQuery query, RouteSettings settings) {
        String path = query.path();
        Optional<String> privatePattern = firstMatch(settings.gonoproxy(), path);
        List<Entry> chain = new ArrayList<>();
        for (ProxyEntry entry : settings.proxies().entries()) {
            chain.add(switch (entry) {
                case ProxyEntry.NoProxy n -> privatePattern.isPresent()
                        ? new Entry.Direct(discovery(path, settings), privatePattern, false)
                        : new Entry.Skip("noproxy", Entry.Skip.USE_PROXY, false);
                case ProxyEntry.ProxyUrl p -> privatePattern.isPresent()
                        ? new Entry.Skip(p.url(), Entry.Skip.NOPROXY, p.fallBackOnError())
                        : new Entry.Proxy(p.url(), p.fallBackOnError());
                case ProxyEntry.Direct d -> new Entry.Direct(discovery(path, settings), Optional.empty(), false);
                case ProxyEntry.Off o -> new Entry.Skip("off", Entry.Skip.OFF, false);
            });
        }
        return new Route(query, settings.proxies().error(), chain, privatePattern, sumdb(path, settings),
                settings.httpProxies(), settings.vcs());
    }

    /**
     * How Go reaches the checksum database for {@code path}: {@code useSumDB} is GOSUMDB not off
     * and GONOSUMDB not matching — except for the toolchain module, which is always verified.
     */
    static SumDbRoute sumdb(String path, RouteSettings settings) {
        boolean toolchain = path.equals(TOOLCHAIN);
        if (!toolchain) {
            if (settings.sumdb() instanceof SumDbSetting.Off) {
                return new SumDbRoute.Skipped("GOSUMDB=off");
            }
            Optional<String> pattern = firstMatch(settings.gonosumdb(), path);
            if (pattern.isPresent()) {
                return new SumDbRoute.Skipped("GONOSUMDB=" + settings.gonosumdb() + " matches " + pattern.get());
            }
        }
        return switch (settings.sumdb()) {
            case SumDbSetting.Off off -> new SumDbRoute.Fails("checksum database disabled by GOSUMDB=off");
            case SumDbSetting.Invalid invalid -> new SumDbRoute.Fails(invalid.goError());
            case SumDbSetting.Database db when db.url().isPresent() -> new SumDbRoute.Explicit(db.name(), db.url().get());
            case SumDbSetting.Database db -> {
                List<Entry> probes = new ArrayList<>();
                for (ProxyEntry entry : settings.proxies().entries()) {
                    probes.add(switch (entry) {
                        case ProxyEntry.NoProxy n -> new Entry.Skip("noproxy", Entry.Skip.USE_PROXY, false);
                        case ProxyEntry.ProxyUrl p -> new Entry.Proxy(p.url(), p.fallBackOnError());
                        case ProxyEntry.Direct d -> new Entry.Skip("direct", "GOPROXY=direct", false);
                        case ProxyEntry.Off o -> new Entry.Skip("off", "GOPROXY=off", false);
                    });
                }
                yield new SumDbRoute.ViaProxies(db.name(), probes, "https://" + db.name());
            }
        };
    }

    /** How direct mode finds the repository of {@code path}. */
    static Entry.Discovery discovery(String path, RouteSettings settings) {
        Optional<String> insecure = firstMatch(settings.goinsecure(), path);
        for (KnownHost host : KNOWN_HOSTS) {
            Matcher m = host.pattern().matcher(path);
            if (m.matches()) {
                String root = m.group(1);
                return new Entry.Discovery(List.of(),
                        Optional.of(settings.vcs().decide(host.vcs(), "https://" + root, root)), insecure);
            }
        }
        Matcher q = VCS_QUALIFIED.matcher(path);
        if (q.matches()) {
            String root = q.group(1) + "." + q.group(5);
            return new Entry.Discovery(List.of(),
                    Optional.of(settings.vcs().decide(q.group(5), "https://" + q.group(1), root)), insecure);
        }
        List<String> urls = new ArrayList<>();
        urls.add("https://" + path + "?go-get=1");
        insecure.ifPresent(p -> urls.add("http://" + path + "?go-get=1"));
        return new Entry.Discovery(urls, Optional.empty(), insecure);
    }

    /** {@return the first comma-separated glob of {@code globs} that matches {@code path}, as Go matches} */
    static Optional<String> firstMatch(String globs, String path) {
        if (!PrefixPatterns.matches(globs, path)) {
            return Optional.empty();
        }
        for (String glob : globs.split(",")) {
            if (!glob.isEmpty() && PrefixPatterns.matches(glob, path)) {
                return Optional.of(glob);
            }
        }
        return Optional.of(globs);
    }

    private record KnownHost(Pattern pattern, String vcs) {}
}
