package dev.goferry.cli;

import dev.goferry.install.mirrors.MirrorCatalog;
import dev.goferry.install.mirrors.MirrorKind;
import dev.goferry.install.mirrors.MirrorRanking;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code goferry mirrors test [--kind K] [--catalog FILE] [--timeout D] [--json]}: probes every
 * mirror of the catalog at once and prints them ranked, kind by kind. Exit 0 when every kind
 * probed has a working mirror, 1 when one has none.
 */
@Command(name = "test", mixinStandardHelpOptions = true, sortOptions = false)
final class MirrorsTestCommand implements Callable<Integer> {

    @ParentCommand
    MirrorsCommand parent;

    @Option(names = "--kind", paramLabel = "KIND", descriptionKey = "mirrors.kind")
    Optional<String> kind = Optional.empty();

    @Option(names = "--catalog", paramLabel = "FILE", descriptionKey = "mirrors.catalog")
    Optional<Path> catalogFile = Optional.empty();

    @Option(names = "--timeout", paramLabel = "D", descriptionKey = "mirrors.timeout")
    String timeout = "15s";

    @Override
    public Integer call() {
        Console console = parent.console();
        Set<MirrorKind> kinds = kind.map(k -> (Set<MirrorKind>) EnumSet.of(MirrorKind.of(k)
                        .orElseThrow(() -> UserError.usage(console.text("mirrors.error.kind", k)))))
                .orElseGet(() -> EnumSet.allOf(MirrorKind.class));
        Duration deadline = DoctorCommand.duration(timeout);
        MirrorCatalog catalog = MirrorsCommand.catalog(console, catalogFile);
        MirrorRanking ranking = MirrorsCommand.probe(console, catalog, kinds, deadline);
        if (console.json()) {
            console.printJson(MirrorsReport.json(console, catalog, ranking, kinds, deadline));
        } else {
            MirrorsReport.text(console, catalog, ranking, kinds);
        }
        boolean everyKindWorks = kinds.stream().allMatch(k -> catalog.of(k).isEmpty() || ranking.best(k).isPresent());
        return everyKindWorks ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }
}
