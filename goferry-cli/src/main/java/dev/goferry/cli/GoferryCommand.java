package dev.goferry.cli;

import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command: global options and the list of subcommands. */
@Command(name = "goferry",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {EnvCommand.class, RouteCommand.class, InstallCommand.class, UseCommand.class, ListCommand.class,
                UninstallCommand.class, ServeCommand.class, DoctorCommand.class, ExplainCommand.class,
                MirrorsCommand.class, HelpCommand.class})
public final class GoferryCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options = new GlobalOptions();

    @Spec
    CommandSpec spec;

    private Supplier<Console> console;

    void bind(Supplier<Console> console) {
        this.console = console;
    }

    /** {@return the console for the command being run, after options were parsed} */
    Console console() {
        return console.get();
    }

    /** Without a subcommand there is nothing to do: show the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
