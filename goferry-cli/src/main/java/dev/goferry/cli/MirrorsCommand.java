package dev.goferry.cli;

import dev.goferry.gomod.httpproxy.ProxyEnvironment;
import dev.goferry.gomod.httpproxy.ProxyRules;
import dev.goferry.install.download.ProxyRouting;
import dev.goferry.install.mirrors.Mirror;
import dev.goferry.install.mirrors.MirrorCatalog;
import dev.goferry.install.mirrors.MirrorKind;
import dev.goferry.install.mirrors.MirrorProber;
import dev.goferry.install.mirrors.MirrorRanking;
import dev.goferry.install.mirrors.ProbeSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code goferry mirrors}: {@code test} ranks the catalog's mirrors by probing them from here;
 * {@code use} points GOPROXY (and GOSUMDB, when verified) at one. What both share lives here:
 * the catalog, the prober and its progress line.
 */
@Command(name = "mirrors", mixinStandardHelpOptions = true, subcommands = {MirrorsTestCommand.class, MirrorsUseCommand.class})
final class MirrorsCommand implements Callable<Integer> {

    /** Bytes read from one mirror for its throughput. */
    static final int SAMPLE_BYTES = 1 << 20;

    @ParentCommand
    GoferryCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    Console console() {
        return parent.console();
    }

    /** {@return the built-in catalog, overridden by --catalog or $XDG_CONFIG_HOME/goferry/mirrors.properties} */
    static MirrorCatalog catalog(Console console, Optional<Path> option) {
        Optional<Path> file = option.or(() -> userCatalog(console.environment()));
        MirrorCatalog catalog = MirrorCatalog.builtIn();
        if (file.isPresent()) {
            try {
                catalog = catalog.overriddenBy(file.get());
            } catch (IOException e) {
                throw UserError.usage(console.text("mirrors.error.catalog", file.get(), e.getMessage()));
            }
        }
        return catalog;
    }

    private static Optional<Path> userCatalog(Map<String, String> env) {
        String xdg = env.getOrDefault("XDG_CONFIG_HOME", "");
        String home = env.getOrDefault("HOME", "");
        Path dir = !xdg.isEmpty() ? Path.of(xdg) : !home.isEmpty() ? Path.of(home, ".config") : null;
        return dir == null ? Optional.empty() : Optional.of(dir.resolve("goferry/mirrors.properties")).filter(Files::isRegularFile);
    }

    /** Probes the mirrors of {@code kinds}, with a progress line on a terminal (not with --json). */
    static MirrorRanking probe(Console console, MirrorCatalog catalog, Set<MirrorKind> kinds, Duration deadline) {
        String[] platform = Toolchains.platform();
        MirrorProber prober = new MirrorProber(
                new ProxyRouting(ProxyEnvironment.from(console.environment(), ProxyRules.LATEST)),
                new ProbeSettings(deadline, SAMPLE_BYTES, platform[0], platform[1], "goferry"));
        boolean live = console.terminal() && !console.json();
        PrintWriter err = console.err();
        int[] width = {0};
        MirrorProber.Progress progress = !live ? MirrorProber.Progress.NONE : (mirror, done, total) -> {
            synchronized (width) {
                String line = console.text("mirrors.progress", done, total, label(mirror));
                err.print("\r" + line + " ".repeat(Math.max(0, width[0] - line.length())));
                width[0] = line.length();
                err.flush();
            }
        };
        try {
            return prober.probe(catalog, kinds, progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw UserError.failed("interrupted");
        } finally {
            if (live) {
                synchronized (width) {
                    err.print("\r" + " ".repeat(width[0]) + "\r");
                    err.flush();
                }
            }
        }
    }

    static String label(Mirror m) {
        return m.kind().id() + " " + m.name();
    }
}
