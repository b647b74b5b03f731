package dev.goferry.cli;

import dev.goferry.doctor.explain.Confirmation;
import dev.goferry.doctor.explain.EreExport;
import dev.goferry.doctor.explain.ExplainJson;
import dev.goferry.doctor.explain.ExplainProbe;
import dev.goferry.doctor.explain.ExplainText;
import dev.goferry.doctor.explain.Explanation;
import dev.goferry.doctor.explain.Explainer;
import dev.goferry.doctor.run.DoctorRunner;
import dev.goferry.doctor.run.RunOptions;
import dev.goferry.doctor.target.Target;
import dev.goferry.gomod.env.GoOs;
import dev.goferry.gomod.env.GoSettings;
import dev.goferry.gomod.env.LocalFiles;
import dev.goferry.gomod.route.RouteSettings;
import dev.goferry.gomod.tlsroots.RootsPlan;
import dev.goferry.gomod.tlsroots.SystemRootsLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code goferry explain [FILE|-]}: reads go's error output or a CI log and names the root causes,
 * with the doctor's explanations and fixes; {@code --probe} then runs the doctor's checks on the
 * hosts the log names. Exit status 0 when the log holds no go error, 1 when it does.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false)
final class ExplainCommand implements Callable<Integer> {

    /** Standard input; tests replace it. */
    static Supplier<InputStream> stdin = () -> System.in;

    @ParentCommand
    GoferryCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", descriptionKey = "explain.file")
    String file = "-";

    @Option(names = "--probe", descriptionKey = "explain.probe")
    boolean probe;

    @Option(names = "--timeout", paramLabel = "D", descriptionKey = "explain.timeout")
    String timeout = "10s";

    /** The patterns as grep -E expressions, one per line: what the benchmark compares with. */
    @Option(names = "--print-patterns", hidden = true)
    boolean printPatterns;

    @Override
    public Integer call() {
        Console console = parent.console();
        if (printPatterns) {
            EreExport.all().forEach(console.out()::println);
            console.out().flush();
            return ExitCodes.OK;
        }
        Duration deadline = DoctorCommand.duration(timeout);
        Explanation e;
        try (InputStream in = file.equals("-") ? stdin.get() : Files.newInputStream(Path.of(file))) {
            e = Explainer.explain(in);
        } catch (IOException x) {
            throw UserError.usage(console.text("explain.error.read", file, Optional.ofNullable(x.getMessage())
                    .orElse(x.getClass().getSimpleName())));
        }
        Optional<List<Confirmation>> probed = probe ? Optional.of(probe(console, e, deadline)) : Optional.empty();
        if (console.json()) {
            console.printJson(ExplainJson.of(e, probed, console.messages()));
        } else {
            new ExplainText(console.messages(), s -> console.style(Console.Style.BOLD, s))
                    .render(e, probed.orElse(List.of())).forEach(console.out()::println);
        }
        console.out().flush();
        return e.clean() ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

    /** The doctor's run over the URLs the log names, through the same seams as {@code goferry doctor}. */
    private static List<Confirmation> probe(Console console, Explanation e, Duration deadline) {
        Map<String, String> env = console.environment();
        GoSettings settings = GoSettings.resolve(env, GoOs.current(), LocalFiles.SYSTEM);
        RouteSettings route = RouteSettings.of(settings, env, GoOs.current());
        List<URI> urls = ExplainProbe.urls(e);
        List<Target> targets = ExplainProbe.targets(route, urls);
        return ExplainProbe.confirm(e, targets, t -> {
            var roots = SystemRootsLoader.system().load(RootsPlan.linux(env, settings.go().version())).certificates();
            return new DoctorRunner(DoctorCommand.seams.apply(env)).run(route, settings.value("GOPROXY"),
                    settings.value("GOSUMDB"), t, RunOptions.of(deadline, List.of(), roots));
        });
    }
}
