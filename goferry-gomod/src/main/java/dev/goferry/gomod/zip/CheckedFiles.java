package dev.goferry.gomod.zip;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The verdict on a set of files for a module zip: every file lands in exactly one of valid,
 * omitted or invalid. The report stays complete when the set is not acceptable, so a caller can
 * show every problem at once.
 *
 * @param valid paths that belong in the zip
 * @param omitted files left out on purpose (vendored, nested module, symlink, …), with why
 * @param invalid files that make the zip unacceptable, with why
 * @param sizeError set when the total size is over the limit
 */
public record CheckedFiles(List<String> valid, List<FileError> omitted, List<FileError> invalid,
                           Optional<String> sizeError) {

    public CheckedFiles {
        valid = List.copyOf(valid);
        omitted = List.copyOf(omitted);
        invalid = List.copyOf(invalid);
    }

    /** {@return a report holding only a size error} */
    static CheckedFiles ofSizeError(String message) {
        return new CheckedFiles(List.of(), List.of(), List.of(), Optional.of(message));
    }

    /** Reports whether the files make an acceptable module zip. */
    public boolean ok() {
        return err().isEmpty();
    }

    /**
     * {@return why the files do not make a module zip, as Go prints it: the size error if any,
     * else one {@code path: reason} line per invalid file}
     */
    public Optional<String> err() {
        if (sizeError.isPresent()) {
            return sizeError;
        }
        if (!invalid.isEmpty()) {
            return Optional.of(invalid.stream().map(FileError::toString).collect(Collectors.joining("\n")));
        }
        return Optional.empty();
    }
}
