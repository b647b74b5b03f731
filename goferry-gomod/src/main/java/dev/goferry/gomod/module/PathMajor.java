package dev.goferry.gomod.module;

/**
 * A module path split by {@link ModulePaths#splitPathVersion}: the prefix and the major-version
 * suffix ({@code /v2}, {@code .v1}, {@code .v2-unstable} or "").
 *
 * @param prefix the path without its major-version suffix
 * @param pathMajor the suffix, "" when the path has none
 * @param ok false when the path ends in a malformed suffix such as {@code /v1} or {@code /v2.0}
 */
public record PathMajor(String prefix, String pathMajor, boolean ok) {}
