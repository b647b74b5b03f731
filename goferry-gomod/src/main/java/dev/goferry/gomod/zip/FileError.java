package dev.goferry.gomod.zip;

/**
 * Why one file is invalid in, or omitted from, a module zip: {@code <path>: <reason>}, with Go's
 * reason texts (e.g. {@code file is in vendor directory}).
 *
 * @param path the file path as given (or the full zip entry name, for {@link ModuleZip#checkZip})
 * @param reason Go's message
 */
public record FileError(String path, String reason) {
    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
