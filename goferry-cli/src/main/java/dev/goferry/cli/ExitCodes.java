package dev.goferry.cli;

/**
 * goferry's exit codes, the same for every command: picocli's conventions, named for what they
 * mean to a script that runs goferry.
 */
public final class ExitCodes {
    /** Healthy, or the operation succeeded. */
    public static final int OK = 0;
    /** Problems were found, or the operation failed. */
    public static final int PROBLEMS = 1;
    /** The command line or the configuration is wrong. */
    public static final int USAGE = 2;

    private ExitCodes() {}
}
