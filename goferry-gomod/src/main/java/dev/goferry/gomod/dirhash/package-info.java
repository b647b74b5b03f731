/**
 * The {@code h1:} hashes in go.sum and the checksum database (golang.org/x/mod/sumdb/dirhash).
 *
 * <p>{@code h1:} is the base64 of the SHA-256 of a summary with one line
 * {@code <sha256 hex>  <name>\n} per file, sorted by name; for a module zip the names are the
 * full entry names ({@code module@version/file}), for a go.mod the single name {@code go.mod}.
 * Equivalent to {@code sha256sum $(find . -type f | sort) | sha256sum}. Compression, order and
 * timestamps in a zip do not matter; names and bytes do.
 */
package dev.goferry.gomod.dirhash;
