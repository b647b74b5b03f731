package dev.goferry.cli;

import dev.goferry.i18n.Language;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/**
 * goferry's entry point. {@link #run} is the whole program with its inputs injected; {@link #main}
 * only binds it to the real process.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, System.getenv(), out, err, stdoutIsTerminal());
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs goferry with the given arguments and environment.
     *
     * @param terminal whether standard output is a terminal (colour is used only then, and never
     *     with {@code NO_COLOR} or {@code --no-color})
     * @return the exit code: 0 ok, 1 problems found or operation failed, 2 usage or configuration error
     */
    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err, boolean terminal) {
        Language language = languageOf(args, env);
        GoferryCommand root = new GoferryCommand();
        CommandLine cli = new CommandLine(root);
        root.bind(() -> new Console(out, err, language,
                terminal && !root.options.noColor && isEmpty(env.get("NO_COLOR")), root.options.json, env, terminal));
        dev.goferry.i18n.Messages messages = dev.goferry.i18n.Messages.of(language);
        cli.setResourceBundle(messages.bundle("cli"));
        // picocli's built-in help command ignores resource bundles; give it its text directly
        cli.getSubcommands().get("help").getCommandSpec().usageMessage()
                .header(messages.get("cli.goferry.help.usage.header"));
        cli.setOut(out);
        cli.setErr(err);
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(
                terminal && isEmpty(env.get("NO_COLOR")) ? CommandLine.Help.Ansi.AUTO : CommandLine.Help.Ansi.OFF));
        cli.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println("goferry: " + ex.getMessage());
            failed.getErr().println(dev.goferry.i18n.Messages.of(language)
                    .get("cli.error.see-help", failed.getCommandSpec().qualifiedName()));
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, failed, parsed) -> {
            if (ex instanceof UserError user) {
                failed.getErr().println("goferry: " + user.getMessage());
                return user.exitCode();
            }
            failed.getErr().println(dev.goferry.i18n.Messages.of(language)
                    .get("cli.error.internal", String.valueOf(ex)));
            if (!isEmpty(env.get("GOFERRY_DEBUG"))) {
                ex.printStackTrace(failed.getErr());
            }
            return ExitCodes.PROBLEMS;
        });
        return cli.execute(args);
    }

    /** The language before parsing, so that even usage errors and help come out in it. */
    private static Language languageOf(String[] args, Map<String, String> env) {
        for (int i = 0; i < args.length; i++) {
            String value = null;
            if (args[i].equals("--lang") && i + 1 < args.length) {
                value = args[i + 1];
            } else if (args[i].startsWith("--lang=")) {
                value = args[i].substring("--lang=".length());
            }
            if (value != null) {
                return Language.parse(value).orElse(Language.fromEnvironment(env));
            }
        }
        return Language.fromEnvironment(env);
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    /**
     * Reports whether standard output is a terminal. JDK 22+ answers with
     * {@code Console.isTerminal()}; on 21, {@code System.console()} is null when output is redirected.
     */
    private static boolean stdoutIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
