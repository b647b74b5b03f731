package dev.goferry.gomod.sumdb.tlog;

/**
 * A transparency-log operation could not be completed: a hash reader failed (for example a tile
 * download), the inputs were invalid, or a proof did not check. The message is Go's text where
 * x/mod has one ("invalid transparency proof", "downloaded inconsistent tile").
 */
public class TlogException extends Exception {
    private static final long serialVersionUID = 1L;

    public TlogException(String message) {
        super(message);
    }

    public TlogException(String message, Throwable cause) {
        super(message, cause);
    }
}
