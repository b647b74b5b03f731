package dev.goferry.cli;

import dev.goferry.install.root.FileErrors;
import dev.goferry.install.root.ToolchainRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code goferry uninstall VERSION}: removes an installed version. The current one is refused
 * (the go on PATH would vanish) unless {@code --force}, which also removes the {@code current} link.
 */
@Command(name = "uninstall", mixinStandardHelpOptions = true, sortOptions = false)
final class UninstallCommand implements Callable<Integer> {

    @ParentCommand
    GoferryCommand parent;

    @Parameters(index = "0", paramLabel = "VERSION", descriptionKey = "install.uninstall.version")
    String version;

    @Option(names = "--force", descriptionKey = "install.uninstall.force")
    boolean force;

    @Option(names = "--root", paramLabel = "DIR", descriptionKey = "install.root")
    Optional<Path> root = Optional.empty();

    @Override
    public Integer call() {
        Console console = parent.console();
        ToolchainRoot toolchainRoot = new Toolchains(console).root(root);
        boolean unlinked = false;
        String name;
        try (ToolchainRoot.Lock lock = toolchainRoot.lock()) {
            name = UseCommand.installedMatch(console, toolchainRoot, version);
            boolean current = toolchainRoot.currentVersion().map(name::equals).orElse(false);
            if (current && !force) {
                throw UserError.failed(console.text("install.error.uninstall-current", name));
            }
            if (current) {
                Files.deleteIfExists(toolchainRoot.current());
                unlinked = true;
            }
            toolchainRoot.remove(name);
        } catch (IOException e) {
            throw UserError.failed(console.text("install.error.io", FileErrors.describe(e)));
        }
        if (console.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("schema", "goferry.uninstall/v1");
            doc.put("version", name);
            doc.put("currentRemoved", unlinked);
            console.printJson(doc);
        } else {
            console.out().println(console.text("install.uninstalled", name));
            if (unlinked) {
                console.out().println(console.text("install.uninstalled-current"));
            }
            console.out().flush();
        }
        return ExitCodes.OK;
    }
}
