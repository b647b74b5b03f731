package dev.goferry.gomod.httpproxy;

import java.util.List;
import java.util.Objects;

/**
 * Something about the proxy environment a user should know. The text lives in the i18n catalog
 * under {@link #key()}; {@link #arguments()} fill its placeholders in order. Passwords in
 * arguments are already masked.
 *
 * @param id stable identifier, e.g. {@code https-proxy-missing}
 * @param arguments the placeholder values
 */
public record ProxyWarning(String id, List<String> arguments) {

    public ProxyWarning {
        Objects.requireNonNull(id);
        arguments = List.copyOf(arguments);
    }

    static ProxyWarning of(String id, String... arguments) {
        return new ProxyWarning(id, List.of(arguments));
    }

    /** {@return the catalog key, {@code httpproxy.warn.<id>}} */
    public String key() {
        return "httpproxy.warn." + id;
    }
}
