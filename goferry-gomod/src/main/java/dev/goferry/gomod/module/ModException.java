package dev.goferry.gomod.module;

/**
 * Carries a {@link ModError} where a value cannot be returned, e.g. from
 * {@link Escaping#unescapePath}. The message is the error's Go text.
 */
public final class ModException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient ModError error;

    public ModException(ModError error) {
        super(error.message());
        this.error = error;
    }

    /** {@return the error} */
    public ModError error() {
        return error;
    }
}
