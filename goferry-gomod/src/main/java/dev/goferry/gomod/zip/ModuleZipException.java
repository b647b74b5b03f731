package dev.goferry.gomod.zip;

import java.io.IOException;

/**
 * A module zip could not be checked or written. The message has x/mod's shape, e.g.
 * {@code create zip: version "v1.2" is not canonical (should be "v1.2.0")} or, for a file list
 * with invalid entries, {@code create zip: <path>: <reason>} lines.
 */
public final class ModuleZipException extends IOException {

    private static final long serialVersionUID = 1L;

    public ModuleZipException(String message) {
        super(message);
    }

    public ModuleZipException(String message, Throwable cause) {
        super(message, cause);
    }
}
