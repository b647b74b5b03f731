package dev.goferry.gomod.module;

import dev.goferry.gomod.gostd.GoQuote;
import java.util.Optional;

/**
 * A version (or pseudo-version) that is invalid in itself or for its module path:
 * {@code version "<v>" invalid: <why>}; a {@link ModuleError} around it prints
 * {@code <path>@<v>: invalid version: <why>}.
 *
 * @param version the rejected version
 * @param pseudo whether it was being read as a pseudo-version (changes the noun)
 * @param err why
 */
public record InvalidVersionError(String version, boolean pseudo, ModError err) implements ModError {

    /** {@return "pseudo-version" or "version"} */
    public String noun() {
        return pseudo ? "pseudo-version" : "version";
    }

    @Override
    public String message() {
        return noun() + " " + GoQuote.quote(version) + " invalid: " + err.message();
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
