package dev.goferry.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs goferry in-process with a synthetic environment and captures what a user would see. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(Map<String, String> env, String... args) {
        return run(false, env, args);
    }

    /** Runs as if standard output were a terminal. */
    static CliRun onTerminal(Map<String, String> env, String... args) {
        return run(true, env, args);
    }

    private static CliRun run(boolean terminal, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true), terminal);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun of(String... args) {
        return of(Map.of(), args);
    }
}
