package dev.goferry.install.toolchain;

import dev.goferry.gomod.env.GoOs;
import dev.goferry.gomod.env.GoSettings;
import dev.goferry.gomod.env.LocalFiles;
import dev.goferry.gomod.route.Route;
import dev.goferry.gomod.route.RoutePlanner;
import dev.goferry.gomod.route.RouteQuery;
import dev.goferry.gomod.route.RouteSettings;
import dev.goferry.install.download.DownloadSettings;
import dev.goferry.install.download.ProxyRouting;
import dev.goferry.install.index.Release;
import dev.goferry.install.index.ReleaseIndex;
import dev.goferry.install.index.VersionNotFoundException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The toolchain module as a release source, wired from the go command's settings: GOPROXY (or a
 * list given on the command line in GOPROXY syntax), GOSUMDB, GONOPROXY/GOPRIVATE, HTTP proxies,
 * read from the environment and the go/env files by goferry-gomod's {@link GoSettings}, and routed
 * by its {@link RoutePlanner} exactly as the go command would route {@code golang.org/toolchain}.
 *
 * @param route the route of {@code golang.org/toolchain}
 * @param settings the route settings it was planned from (GOSUMDB among them)
 * @param goproxy the effective GOPROXY text, for messages
 */
public record ToolchainSource(Route route, RouteSettings settings, String goproxy, ModuleHttp http) {

    /**
     * The source for a process environment.
     *
     * @param env the environment the go command would see
     * @param goproxy a GOPROXY value that replaces the environment's and go/env's (from {@code --goproxy})
     */
    public static ToolchainSource of(Map<String, String> env, Optional<String> goproxy, GoOs os, LocalFiles files,
                                     ProxyRouting routing, DownloadSettings download) {
        Map<String, String> effective = new HashMap<>(env);
        goproxy.ifPresent(p -> effective.put("GOPROXY", p));
        GoSettings go = GoSettings.resolve(effective, os, files);
        RouteSettings settings = RouteSettings.of(go, effective, os);
        Route route = RoutePlanner.plan(new RouteQuery(ToolchainModule.PATH, "latest"), settings);
        return new ToolchainSource(route, settings, go.value("GOPROXY"), new ModuleHttp(routing, download));
    }

    /** {@return the proxies, walked as cmd/go walks them} */
    public ToolchainProxies proxies() {
        return new ToolchainProxies(route, http);
    }

    /** {@return the module's versions for one platform, as a release index} */
    public Versions versions(String goos, String goarch) throws ToolchainProxies.ProxyException, InterruptedException {
        ToolchainProxies.Fetched list = proxies().list();
        return new Versions(list.proxy(), ToolchainModule.index(list.body(), goos, goarch));
    }

    /**
     * The module's version list for a platform.
     *
     * @param proxy the GOPROXY entry that served {@code @v/list}
     */
    public record Versions(String proxy, ReleaseIndex index) {

        /** The list's name in messages about a version it does not have. */
        public static final String LIST_NAME = "the golang.org/toolchain module's version list";

        /** {@return the release a query names ({@link ReleaseIndex#resolve}), with messages naming the module's list} */
        public Release resolve(String query) throws VersionNotFoundException {
            return index.resolve(query, LIST_NAME);
        }
    }

    /** {@return the verifier over the checksum database GOSUMDB names, reached as cmd/go reaches it} */
    public ToolchainVerifier verifier() throws ChecksumDatabase.UnavailableException, InterruptedException {
        return new ToolchainVerifier(database().client());
    }

    /**
     * {@return the verifier over the checksum database, starting from (and saving) the newest
     * verified signed tree in {@code <stateDir>/<name>/latest}}
     */
    public ToolchainVerifier verifier(Path stateDir) throws ChecksumDatabase.UnavailableException, InterruptedException {
        ChecksumDatabase.Connected db = database();
        Path file = stateDir.resolve(db.name()).resolve("latest").normalize();
        if (!file.startsWith(stateDir.normalize())) {
            return new ToolchainVerifier(db.client()); // a name with ".." elements: nothing saved outside the folder
        }
        return ToolchainVerifier.remembering(db.client(), file);
    }

    /** {@return the connected checksum database} */
    public ChecksumDatabase.Connected database() throws ChecksumDatabase.UnavailableException, InterruptedException {
        return ChecksumDatabase.open(route, settings.sumdb(), http);
    }
}
