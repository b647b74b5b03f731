package dev.goferry.gomod.module;

import java.util.Optional;

/**
 * An error about a specific module (and version, when known), printed as Go prints it:
 * <ul>
 *   <li>{@code <path>@<v>: invalid version: <why>} around an {@link InvalidVersionError};
 *   <li>{@code <path>@<version>: <err>} when the version is known;
 *   <li>{@code module <path>: <err>} otherwise.
 * </ul>
 *
 * @param path the module path
 * @param version the version, "" when none applies
 * @param err the wrapped error
 */
public record ModuleError(String path, String version, ModError err) implements ModError {

    /**
     * Wraps {@code err} for module {@code m}, unless it already is a {@link ModuleError} for
     * exactly that module and version (x/mod's {@code VersionError}: never wrap twice).
     */
    public static ModError of(ModuleVersion m, ModError err) {
        if (err instanceof ModuleError me && me.path().equals(m.path()) && me.version().equals(m.version())) {
            return err;
        }
        return new ModuleError(m.path(), m.version(), err);
    }

    @Override
    public String message() {
        if (err instanceof InvalidVersionError v) {
            return path + "@" + v.version() + ": invalid " + v.noun() + ": " + v.err().message();
        }
        if (!version.isEmpty()) {
            return path + "@" + version + ": " + err.message();
        }
        return "module " + path + ": " + err.message();
    }

    @Override
    public Optional<ModError> cause() {
        return Optional.of(err);
    }

    @Override
    public String toString() {
        return message();
    }
}
