package dev.goferry.cli;

import dev.goferry.install.index.GoVersion;
import dev.goferry.install.root.FileErrors;
import dev.goferry.install.root.ToolchainRoot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code goferry use VERSION}: points {@code current} at an installed version, atomically. */
@Command(name = "use", mixinStandardHelpOptions = true, sortOptions = false)
final class UseCommand implements Callable<Integer> {

    @ParentCommand
    GoferryCommand parent;

    @Parameters(index = "0", paramLabel = "VERSION", descriptionKey = "install.use.version")
    String version;

    @Option(names = "--root", paramLabel = "DIR", descriptionKey = "install.root")
    Optional<Path> root = Optional.empty();

    @Override
    public Integer call() {
        Console console = parent.console();
        Toolchains toolchains = new Toolchains(console);
        ToolchainRoot toolchainRoot = toolchains.root(root);
        String name = installedMatch(console, toolchainRoot, version);
        try (ToolchainRoot.Lock lock = toolchainRoot.lock()) {
            toolchainRoot.use(name);
        } catch (IOException e) {
            throw UserError.failed(console.text("install.error.io", FileErrors.describe(e)));
        }
        if (console.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("schema", "goferry.use/v1");
            doc.put("version", name);
            doc.put("goroot", toolchainRoot.version(name).toString());
            doc.put("pathLine", toolchains.pathLine(toolchainRoot));
            console.printJson(doc);
        } else {
            console.out().println(console.text("install.current", name));
            toolchains.printPathHint(toolchainRoot);
            console.out().flush();
        }
        return ExitCodes.OK;
    }

    /**
     * {@return the installed version the user means: exact ("1.22.3", "go1.22.3") or the newest
     * installed patch of a line ("1.22")}; a clear error listing what is installed otherwise
     */
    static String installedMatch(Console console, ToolchainRoot root, String query) {
        List<String> installed;
        try {
            installed = root.list();
        } catch (IOException e) {
            throw UserError.failed(console.text("install.error.io", FileErrors.describe(e)));
        }
        String name = Toolchains.goName(query.trim());
        Optional<GoVersion> wanted = GoVersion.parse(name);
        Optional<String> match = installed.contains(name) ? Optional.of(name)
                : GoVersion.isLine(name) && wanted.isPresent()
                        ? installed.stream().filter(v -> GoVersion.parse(v).map(g -> g.sameLine(wanted.get())).orElse(false)).findFirst()
                        : Optional.empty();
        return match.orElseThrow(() -> UserError.failed(installed.isEmpty()
                ? console.text("install.error.not-installed-none", query)
                : console.text("install.error.not-installed", query, String.join(", ", installed))));
    }
}
