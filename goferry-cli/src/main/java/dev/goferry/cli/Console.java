package dev.goferry.cli;

import dev.goferry.i18n.Language;
import dev.goferry.i18n.Messages;
import java.io.PrintWriter;
import java.util.Map;

/**
 * Where a command writes: its two streams, its language, whether colour is allowed, and the
 * process environment it was started with (injected, so tests run commands in-process with a
 * synthetic environment and the real one is read exactly once).
 */
public final class Console {

    private final PrintWriter out;
    private final PrintWriter err;
    private final Messages messages;
    private final boolean color;
    private final boolean json;
    private final Map<String, String> environment;
    private final boolean terminal;

    Console(PrintWriter out, PrintWriter err, Language language, boolean color, boolean json,
            Map<String, String> environment) {
        this(out, err, language, color, json, environment, false);
    }

    Console(PrintWriter out, PrintWriter err, Language language, boolean color, boolean json,
            Map<String, String> environment, boolean terminal) {
        this.out = out;
        this.err = err;
        this.messages = Messages.of(language);
        this.color = color && !json;
        this.json = json;
        this.environment = Map.copyOf(environment);
        this.terminal = terminal;
    }

    /** {@return whether output goes to a terminal (live progress lines are drawn only then, never with --json)} */
    public boolean terminal() {
        return terminal && !json;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public Messages messages() {
        return messages;
    }

    /** Renders a catalog message in the console's language. */
    public String text(String key, Object... args) {
        return messages.get(key, args);
    }

    /** Reports whether the user asked for {@code --json}. */
    public boolean json() {
        return json;
    }

    /** {@return the process environment the command runs in} */
    public Map<String, String> environment() {
        return environment;
    }

    /** Wraps {@code text} in an ANSI style when colour is on. */
    public String style(Style style, String text) {
        return color ? style.code + text + "\u001b[0m" : text;
    }

    /** Prints one JSON document (pretty, with a trailing newline) to standard output. */
    public void printJson(Object document) {
        JsonOutput.write(out, document);
    }

    /** The ANSI styles goferry uses; few on purpose. */
    public enum Style {
        OK("\u001b[32m"), WARN("\u001b[33m"), FAIL("\u001b[31m"), DIM("\u001b[2m"), BOLD("\u001b[1m");

        private final String code;

        Style(String code) {
            this.code = code;
        }
    }
}
