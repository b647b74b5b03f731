/**
 * Semantic version strings as the go command reads them (golang.org/x/mod/semver).
 *
 * <p>The grammar is {@code vMAJOR[.MINOR[.PATCH[-PRERELEASE][+BUILD]]]}: a leading {@code v} is
 * required, the numbers are decimal without leading zeros, PRERELEASE and BUILD are dot-separated
 * non-empty identifiers of {@code [0-9A-Za-z-]} and numeric prerelease identifiers have no leading
 * zeros. The shorthands {@code vMAJOR} and {@code vMAJOR.MINOR} are valid only without a
 * prerelease or build suffix ({@code v1.2} is valid and means {@code v1.2.0}; {@code v1.2-pre} is
 * not).
 *
 * <p>Every function is total: an invalid version gives the empty string (the canonical invalid
 * version), never an exception, and sorts before every valid one.
 */
package dev.goferry.gomod.semver;
