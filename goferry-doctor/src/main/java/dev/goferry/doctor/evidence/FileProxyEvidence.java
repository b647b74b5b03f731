package dev.goferry.doctor.evidence;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@code file://} GOPROXY entry as found on disk.
 *
 * @param path        the directory the entry names
 * @param exists      whether it exists
 * @param directory   whether it is a directory
 * @param readable    whether it can be listed
 * @param probeFile   the module's {@code @v/list} file checked, and whether it exists, when a module was probed
 * @param problem     the I/O error text, when reading failed
 */
public record FileProxyEvidence(String path, boolean exists, boolean directory, boolean readable,
                                Optional<String> probeFile, boolean probeFileExists, Optional<String> problem) {
    public FileProxyEvidence {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(probeFile, "probeFile");
        Objects.requireNonNull(problem, "problem");
    }

    /** Reports whether Go could serve modules from it at all. */
    public boolean usable() {
        return exists && directory && readable;
    }
}
