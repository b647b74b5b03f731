package dev.goferry.gomod.route;

import dev.goferry.gomod.module.ModulePaths;
import dev.goferry.gomod.semver.Semver;
import java.util.Optional;

/**
 * What the user asked about: a module path and a version query, as in {@code go get path@query}.
 *
 * @param path the module path
 * @param query the version or query after {@code @}; {@code latest} when none was given
 */
public record RouteQuery(String path, String query) {

    /**
     * Parses {@code path[@query]}.
     *
     * @throws IllegalArgumentException with Go's message when the path is malformed
     */
    public static RouteQuery parse(String arg) {
        int at = arg.indexOf('@');
        String path = at < 0 ? arg : arg.substring(0, at);
        String query = at < 0 || at == arg.length() - 1 ? "latest" : arg.substring(at + 1);
        ModulePaths.checkPath(path).ifPresent(e -> {
            throw new IllegalArgumentException(e.message());
        });
        return new RouteQuery(path, query);
    }

    /** {@return the canonical version, when the query is one; else the query needs resolving} */
    public Optional<String> canonicalVersion() {
        return Semver.isValid(query) && Semver.canonical(query).equals(query) ? Optional.of(query) : Optional.empty();
    }

    /**
     * Reports whether Go resolves the query by listing versions ({@code latest}, {@code upgrade},
     * {@code patch}, a semver prefix such as {@code v1.2}, or a comparison such as {@code >=v1.2.0})
     * rather than by asking a proxy for {@code query.info} (a branch, tag or commit).
     */
    public boolean resolvedByList() {
        if (canonicalVersion().isPresent()) {
            return false;
        }
        return query.equals("latest") || query.equals("upgrade") || query.equals("patch")
                || query.startsWith("<") || query.startsWith(">") || Semver.isValid(query);
    }

    @Override
    public String toString() {
        return path + "@" + query;
    }
}
