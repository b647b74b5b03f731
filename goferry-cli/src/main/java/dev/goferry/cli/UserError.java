package dev.goferry.cli;

/**
 * A failure the user can act on: printed as its message alone (never a stack trace) and mapped
 * to an exit code. The message is already rendered in the user's language.
 */
public final class UserError extends RuntimeException {

    private final int exitCode;

    public UserError(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** A configuration or usage error: exit code 2. */
    public static UserError usage(String message) {
        return new UserError(message, ExitCodes.USAGE);
    }

    /** A failed operation: exit code 1. */
    public static UserError failed(String message) {
        return new UserError(message, ExitCodes.PROBLEMS);
    }

    public int exitCode() {
        return exitCode;
    }
}
