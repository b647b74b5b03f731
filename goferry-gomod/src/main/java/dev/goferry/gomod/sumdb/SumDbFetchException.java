package dev.goferry.gomod.sumdb;

import java.util.OptionalInt;

/**
 * A path could not be fetched from the checksum database. Status 404 and 410 mean "not found"
 * (the go command's {@code fs.ErrNotExist}); other failures carry a status or none (I/O error).
 */
public final class SumDbFetchException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    /**
     * @param message what happened, e.g. "404 Not Found" or "connection refused"
     * @param status the HTTP status, or 0 when there was no response
     */
    public SumDbFetchException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public SumDbFetchException(String message, int status) {
        this(message, status, null);
    }

    /** {@return the HTTP status, if a response arrived} */
    public OptionalInt status() {
        return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** Reports whether the status is 404 or 410, which mean "not found". */
    public boolean notFound() {
        return status == 404 || status == 410;
    }
}
