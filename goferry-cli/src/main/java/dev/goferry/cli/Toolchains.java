package dev.goferry.cli;

import dev.goferry.gomod.httpproxy.ProxyEnvironment;
import dev.goferry.gomod.httpproxy.ProxyRules;
import dev.goferry.install.download.DownloadSettings;
import dev.goferry.install.download.Downloader;
import dev.goferry.install.download.ProxyRouting;
import dev.goferry.install.index.IndexClient;
import dev.goferry.install.index.ReleaseIndex;
import dev.goferry.install.root.ToolchainRoot;
import dev.goferry.install.source.ReleaseCatalog;
import dev.goferry.install.source.ReleaseSource;
import dev.goferry.install.toolchain.ToolchainProxies;
import dev.goferry.install.toolchain.ToolchainSource;
import dev.goferry.gomod.env.GoOs;
import dev.goferry.gomod.env.LocalFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the toolchain commands (install, use, list, uninstall) share: where the root is, which
 * catalog applies, how requests are routed, and the PATH line for the user's shell.
 */
final class Toolchains {

    private final Console console;
    private final Map<String, String> env;

    Toolchains(Console console) {
        this.console = console;
        this.env = console.environment();
    }

    /** {@return the root: --root, else $GOFERRY_ROOT, else ~/.goferry/go} */
    ToolchainRoot root(Optional<Path> option) {
        return new ToolchainRoot(option.or(() -> Optional.ofNullable(env.get("GOFERRY_ROOT")).filter(s -> !s.isEmpty()).map(Path::of))
                .orElseGet(() -> home().resolve(".goferry/go")));
    }

    private Path home() {
        String home = env.getOrDefault("HOME", "");
        if (home.isEmpty()) {
            throw UserError.usage(console.text("install.error.no-home"));
        }
        return Path.of(home);
    }

    /** {@return the built-in catalog, overridden by --catalog or the user's config file, then by --index/--mirror} */
    ReleaseCatalog catalog(Optional<Path> catalogFile, List<String> indexUrls, List<String> mirrors) {
        ReleaseCatalog catalog = ReleaseCatalog.builtIn();
        Optional<Path> file = catalogFile.or(this::userCatalog);
        if (file.isPresent()) {
            try {
                catalog = catalog.overriddenBy(file.get());
            } catch (IOException e) {
                throw UserError.usage(console.text("install.error.catalog", file.get(), e.getMessage()));
            }
        }
        try {
            if (!indexUrls.isEmpty()) {
                catalog = catalog.withIndexUrls(indexUrls.stream().map(URI::create).toList());
            }
            if (!mirrors.isEmpty()) {
                catalog = catalog.withSources(mirrors.stream().map(ReleaseSource::of).toList());
            }
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
        return catalog;
    }

    private Optional<Path> userCatalog() {
        String xdg = env.getOrDefault("XDG_CONFIG_HOME", "");
        Path dir = xdg.isEmpty() ? Optional.ofNullable(env.get("HOME")).filter(h -> !h.isEmpty())
                .map(h -> Path.of(h, ".config")).orElse(null) : Path.of(xdg);
        if (dir == null) {
            return Optional.empty();
        }
        Path file = dir.resolve("goferry/release-sources.properties");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** {@return routing as the newest go would route: HTTPS_PROXY, HTTP_PROXY, NO_PROXY} */
    ProxyRouting routing() {
        return new ProxyRouting(ProxyEnvironment.from(env, ProxyRules.LATEST));
    }

    Downloader downloader() {
        // Up to 4 mirrors at once when they serve the file by ranges; pieces of at least 8 MiB.
        return new Downloader(routing(), DownloadSettings.DEFAULT).segmented(4, 8L << 20);
    }

    IndexClient indexClient() {
        return new IndexClient(routing(), DownloadSettings.DEFAULT.headersTimeout(), DownloadSettings.DEFAULT.userAgent());
    }

    /** {@return the index from the catalog's URLs (and cached in the root), or a failure the user can read} */
    IndexClient.Fetched fetchIndex(ReleaseCatalog catalog, ToolchainRoot root) {
        try {
            return indexClient().fetch(catalog.indexUrls(), Optional.of(indexCache(root)));
        } catch (IndexClient.IndexUnavailableException e) {
            throw UserError.failed(console.text("install.error.index", String.join("\n  ", e.failures())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw UserError.failed("interrupted");
        }
    }

    /**
     * {@return the golang.org/toolchain module source under the go command's settings (environment
     * and go/env files), with GOPROXY replaced by {@code goproxy} when given}
     */
    ToolchainSource toolchainSource(Optional<String> goproxy) {
        return ToolchainSource.of(env, goproxy, GoOs.current(), LocalFiles.SYSTEM, routing(), DownloadSettings.DEFAULT);
    }

    /** {@return the toolchain module's versions for a platform, or a failure the user can read} */
    ToolchainSource.Versions toolchainVersions(ToolchainSource source, String goos, String goarch) {
        try {
            return source.versions(goos, goarch);
        } catch (ToolchainProxies.ProxyException e) {
            throw UserError.failed(console.text("install.error.toolchain-proxy", source.goproxy(), String.join("\n  ", e.failures())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw UserError.failed("interrupted");
        }
    }

    static Path indexCache(ToolchainRoot root) {
        return root.dir().resolve("index.json");
    }

    /** {@return the cached index of the last fetch, if any} */
    static Optional<ReleaseIndex> cachedIndex(ToolchainRoot root) {
        return IndexClient.cached(indexCache(root));
    }

    /** {@return "go1.19.8" for "1.19.8" or "go1.19.8"} */
    static String goName(String version) {
        return version.startsWith("go") ? version : "go" + version;
    }

    /** {@return this machine's platform in Go's names: (linux, amd64)} */
    static String[] platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String goos = os.startsWith("linux") ? "linux" : os.startsWith("mac") || os.startsWith("darwin") ? "darwin"
                : os.startsWith("windows") ? "windows" : os.startsWith("freebsd") ? "freebsd" : os;
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String goarch = switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            case "arm" -> "armv6l";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            case "riscv64" -> "riscv64";
            default -> arch;
        };
        return new String[] {goos, goarch};
    }

    /** {@return the line that puts root/current/bin on PATH, in the syntax of $SHELL (bash, zsh, fish)} */
    String pathLine(ToolchainRoot root) {
        String bin = root.current().resolve("bin").toString();
        String shell = env.getOrDefault("SHELL", "");
        if (shell.endsWith("/fish") || shell.equals("fish")) {
            return "fish_add_path " + bin;
        }
        return "export PATH=\"" + bin + ":$PATH\"";
    }

    /** {@return whether PATH already has root/current/bin} */
    boolean onPath(ToolchainRoot root) {
        String bin = root.current().resolve("bin").toString();
        return List.of(env.getOrDefault("PATH", "").split(java.io.File.pathSeparator)).contains(bin);
    }

    /** Prints the PATH hint (text mode) unless PATH already has it. */
    void printPathHint(ToolchainRoot root) {
        if (!onPath(root)) {
            console.out().println(console.text("install.path-hint", startupFile()));
            console.out().println("  " + pathLine(root));
        }
    }

    private String startupFile() {
        String shell = env.getOrDefault("SHELL", "");
        if (shell.endsWith("/fish")) {
            return "~/.config/fish/config.fish";
        }
        if (shell.endsWith("/zsh")) {
            return "~/.zshrc";
        }
        return "~/.bashrc";
    }
}
