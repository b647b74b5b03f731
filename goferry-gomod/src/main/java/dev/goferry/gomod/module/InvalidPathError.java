package dev.goferry.gomod.module;

import dev.goferry.gomod.gostd.GoQuote;
import java.util.Optional;

/**
 * A malformed module, import or file path: {@code malformed <kind> path "<path>": <why>}.
 *
 * @param kind "module", "import" or "file"
 * @param path the rejected path
 * @param err why it was rejected (a bare {@link ModError.Reason})
 */
public record InvalidPathError(String kind, String path, ModError err) implements ModError {

    @Override
    public String message() {
        return "malformed " + kind + " path " + GoQuote.quote(path) + ": " + err.message();
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
