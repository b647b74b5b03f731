package dev.goferry.cli;

import dev.goferry.install.index.IndexClient;
import dev.goferry.install.index.Release;
import dev.goferry.install.root.FileErrors;
import dev.goferry.install.root.ToolchainRoot;
import dev.goferry.install.source.ReleaseCatalog;
import dev.goferry.install.toolchain.ToolchainModule;
import dev.goferry.install.toolchain.ToolchainSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code goferry list [--remote]}: installed versions (current marked), or the release index's versions. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false)
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    GoferryCommand parent;

    @Option(names = "--remote", descriptionKey = "install.list.remote")
    boolean remote;

    @Option(names = "--all", descriptionKey = "install.list.all")
    boolean all;

    @Option(names = "--index", paramLabel = "URL", descriptionKey = "install.index")
    List<String> indexUrls = new ArrayList<>();

    @Option(names = "--catalog", paramLabel = "FILE", descriptionKey = "install.catalog")
    Optional<Path> catalogFile = Optional.empty();

    @Option(names = "--root", paramLabel = "DIR", descriptionKey = "install.root")
    Optional<Path> root = Optional.empty();

    @Option(names = "--goproxy", paramLabel = "LIST", descriptionKey = "install.list.goproxy")
    Optional<String> goproxy = Optional.empty();

    @Option(names = "--toolchain-module", descriptionKey = "install.list.toolchain-module")
    boolean toolchainModule;

    @Override
    public Integer call() {
        Console console = parent.console();
        Toolchains toolchains = new Toolchains(console);
        ToolchainRoot toolchainRoot = toolchains.root(root);
        List<String> installed;
        try {
            installed = toolchainRoot.list();
        } catch (IOException e) {
            throw UserError.failed(console.text("install.error.io", FileErrors.describe(e)));
        }
        Optional<String> current = toolchainRoot.currentVersion();
        boolean module = goproxy.isPresent() || toolchainModule;
        return remote || module ? remote(console, toolchains, toolchainRoot, installed, current) : local(console, installed, current);
    }

    private int local(Console console, List<String> installed, Optional<String> current) {
        if (console.json()) {
            List<Object> items = new ArrayList<>();
            for (String v : installed) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("version", v);
                item.put("current", current.map(v::equals).orElse(false));
                items.add(item);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("schema", "goferry.list/v1");
            doc.put("installed", items);
            console.printJson(doc);
            return ExitCodes.OK;
        }
        if (installed.isEmpty()) {
            console.out().println(console.text("install.list.none"));
        }
        for (String v : installed) {
            boolean isCurrent = current.map(v::equals).orElse(false);
            console.out().println((isCurrent ? "* " : "  ") + v + (isCurrent ? "  " + console.text("install.list.current") : ""));
        }
        console.out().flush();
        return ExitCodes.OK;
    }

    private int remote(Console console, Toolchains toolchains, ToolchainRoot root, List<String> installed,
                       Optional<String> current) {
        String[] platform = Toolchains.platform();
        String origin;
        List<Release> releases;
        boolean module = goproxy.isPresent() || toolchainModule;
        if (module) {
            // The module lists every platform's versions; only this platform's are kept (--all has no other files to show).
            String goarch = ToolchainModule.goarch(platform[1]);
            ToolchainSource.Versions versions = toolchains.toolchainVersions(toolchains.toolchainSource(goproxy), platform[0], goarch);
            origin = versions.proxy();
            releases = versions.index().releases();
            platform = new String[] {platform[0], goarch};
        } else {
            ReleaseCatalog catalog = toolchains.catalog(catalogFile, indexUrls, List.of());
            IndexClient.Fetched fetched = toolchains.fetchIndex(catalog, root);
            origin = fetched.origin();
            String[] here = platform;
            releases = fetched.index().releases().stream()
                    .filter(r -> all || r.archiveFor(here[0], here[1]).isPresent()).toList();
        }
        if (console.json()) {
            List<Object> items = new ArrayList<>();
            for (Release r : releases) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("version", r.version());
                item.put("stable", r.stable());
                item.put("installed", installed.contains(r.version()));
                item.put("current", current.map(r.version()::equals).orElse(false));
                items.add(item);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("schema", "goferry.list-remote/v1");
            doc.put("index", origin);
            if (module) {
                doc.put("toolchainModule", ToolchainModule.PATH);
            }
            doc.put("platform", platform[0] + "/" + platform[1]);
            doc.put("releases", items);
            console.printJson(doc);
            return ExitCodes.OK;
        }
        console.out().println(module
                ? console.text("install.list.remote-heading-module", origin, platform[0] + "/" + platform[1])
                : console.text("install.list.remote-heading", origin, platform[0] + "/" + platform[1]));
        for (Release r : releases) {
            boolean isCurrent = current.map(r.version()::equals).orElse(false);
            List<String> marks = new ArrayList<>();
            if (!r.stable()) {
                marks.add(console.text("install.list.unstable"));
            }
            if (installed.contains(r.version())) {
                marks.add(console.text(isCurrent ? "install.list.current" : "install.list.installed"));
            }
            console.out().println((isCurrent ? "* " : "  ") + String.format("%-12s", r.version()) + String.join(", ", marks));
        }
        console.out().flush();
        return ExitCodes.OK;
    }
}
