package dev.goferry.install.toolchain;

import dev.goferry.gomod.route.Entry;
import dev.goferry.gomod.route.Route;
import dev.goferry.gomod.route.Step;
import dev.goferry.install.source.ReleaseSource;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The GOPROXY entries the toolchain module is fetched from, walked the way cmd/go's
 * {@code modfetch.TryProxies} walks them for {@code @v/list} and {@code .mod}: the first answer
 * wins; "not found" (404, 410, and the entries that answer without a request: {@code off}, a
 * private path) moves on; any other failure moves on only after a {@code |}, else it is the answer.
 *
 * <p>The zip is different: it goes through the resumable downloader, which moves on from any
 * failing proxy. That is safe because no proxy is trusted with the bytes: the checksum database
 * decides, and a zip it does not vouch for is refused whoever served it.
 *
 * <p>{@code direct} means {@value #DIRECT_ORIGIN}: {@code golang.org/toolchain?go-get=1} answers
 * {@code <meta name="go-import" content="golang.org/toolchain mod https://go.dev/dl/mod">}
 * (golang/website), a module proxy built from the release archives, so the go command in direct
 * mode fetches from there; goferry uses that origin without the discovery request.
 * {@code file://} trees are not read (the downloader speaks HTTP): they count as "not found" with
 * the reason in the failure list.
 */
public final class ToolchainProxies {

    /** Where {@code direct} fetches the toolchain module (the "mod" origin of its go-import tag). */
    public static final String DIRECT_ORIGIN = "https://go.dev/dl/mod";

    private final Route route;
    private final ModuleHttp http;

    /**
     * @param route the route of {@code golang.org/toolchain} (from goferry-gomod's {@code RoutePlanner})
     */
    public ToolchainProxies(Route route, ModuleHttp http) {
        this.route = route;
        this.http = http;
    }

    /** No proxy answered; {@code failures} says why for each entry, in GOPROXY order. */
    public static final class ProxyException extends Exception {
        private final transient List<String> failures;
        private final boolean notFound;

        ProxyException(String what, List<String> failures, boolean notFound) {
            super(what + ": " + (failures.isEmpty() ? "GOPROXY lists no module proxy" : String.join("; ", failures)));
            this.failures = List.copyOf(failures);
            this.notFound = notFound;
        }

        /** {@return one line per entry tried: "<proxy>: <why>"} */
        public List<String> failures() {
            return failures;
        }

        /** Reports whether every entry said "not found" (the version or module does not exist there). */
        public boolean notFound() {
            return notFound;
        }
    }

    /**
     * A small file from the first proxy that has it.
     *
     * @param proxy the GOPROXY entry that answered
     */
    public record Fetched(String proxy, byte[] body) {}

    /** {@return the module's {@code @v/list} from the first proxy that has it} */
    public Fetched list() throws ProxyException, InterruptedException {
        return fetch(Step.LIST, "", ToolchainModule.PATH + "/@v/list");
    }

    /** {@return the {@code .mod} of a version from the first proxy that has it} */
    public Fetched mod(String moduleVersion) throws ProxyException, InterruptedException {
        return fetch(Step.MOD, moduleVersion, ToolchainModule.PATH + "@" + moduleVersion + ".mod");
    }

    /**
     * {@return one download source per HTTP(S) proxy of the chain, in order, whose file URL for
     * {@code <moduleVersion>.zip} is the URL Go asks for}
     */
    public List<ReleaseSource> zipSources(String moduleVersion) {
        List<ReleaseSource> sources = new ArrayList<>();
        if (route.goproxyError().isPresent()) {
            return sources;
        }
        for (Entry e : route.chain()) {
            Optional<String> base = switch (e) {
                case Entry.Proxy p when !p.isFile() -> Optional.of(p.base());
                case Entry.Direct d -> Optional.of(DIRECT_ORIGIN);
                default -> Optional.empty();
            };
            if (base.isPresent()) {
                String zip = route.url(base.get(), Step.ZIP, moduleVersion);
                String dir = zip.substring(0, zip.lastIndexOf('/') + 1);
                sources.add(new ReleaseSource(e instanceof Entry.Direct ? "direct (" + DIRECT_ORIGIN + ")" : base.get(),
                        URI.create(dir)));
            }
        }
        return sources;
    }

    private Fetched fetch(Step step, String version, String what) throws ProxyException, InterruptedException {
        if (route.goproxyError().isPresent()) {
            throw new ProxyException(what, List.of(route.goproxyError().get()), false);
        }
        List<String> failures = new ArrayList<>();
        boolean allNotFound = true;
        for (Entry e : route.chain()) {
            Entry.Proxy p;
            switch (e) {
                case Entry.Skip s -> {
                    failures.add(s.entry() + ": " + s.goError());
                    continue;
                }
                case Entry.Proxy file when file.isFile() -> {
                    failures.add(file.base() + ": file:// proxies are not read by goferry install");
                    continue;
                }
                case Entry.Proxy proxy -> p = proxy;
                case Entry.Direct d -> p = new Entry.Proxy(DIRECT_ORIGIN, d.fallBackOnError());
            }
            String name = e instanceof Entry.Direct ? "direct (" + DIRECT_ORIGIN + ")" : p.base();
            String url = route.url(p.base(), step, version);
            Optional<String> failure;
            boolean notFound;
            try {
                ModuleHttp.Answer a = http.get(URI.create(url));
                if (a.status() == 200) {
                    return new Fetched(name, a.body());
                }
                failure = Optional.of(a.reason());
                notFound = a.notFound();
            } catch (IOException | IllegalArgumentException x) {
                failure = Optional.of(x.getMessage() == null ? x.toString() : x.getMessage());
                notFound = false;
            }
            failures.add(name + ": " + failure.get());
            if (!notFound) {
                allNotFound = false;
                if (!p.fallBackOnError()) {
                    throw new ProxyException(what, failures, false);
                }
            }
        }
        throw new ProxyException(what, failures, allNotFound);
    }
}
