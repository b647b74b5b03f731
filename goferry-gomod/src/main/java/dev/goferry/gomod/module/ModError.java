package dev.goferry.gomod.module;

import java.util.Optional;

/**
 * An error about a module path, version or file path, shaped like x/mod's error values: a
 * {@link Reason} is the bare why, the other kinds add the context once.
 *
 * <p>As in x/mod, a {@link ModuleError} may wrap an {@link InvalidVersionError}, but an
 * {@link InvalidVersionError} never wraps a {@link ModuleError}. Messages are Go's texts
 * verbatim, e.g. {@code malformed module path "x": missing dot in first path element}.
 */
public sealed interface ModError permits ModError.Reason, InvalidPathError, InvalidVersionError, ModuleError {

    /** {@return the message, exactly as the go command would print it} */
    String message();

    /** {@return the wrapped error, if any} */
    default Optional<ModError> cause() {
        return Optional.empty();
    }

    /** {@return this error as an unchecked exception, for callers that cannot go on} */
    default ModException toException() {
        return new ModException(this);
    }

    /**
     * The bare reason, e.g. {@code missing dot in first path element}; callers add the
     * {@code malformed module path "x": } prefix.
     */
    record Reason(String message) implements ModError {
        @Override
        public String toString() {
            return message;
        }
    }

    /** {@return a bare reason} */
    static ModError reason(String message) {
        return new Reason(message);
    }
}
