/**
 * The transparency log behind the go.sum database (x/mod {@code sumdb/tlog}): an RFC 6962 Merkle
 * tree with record hashes {@code SHA-256(0x00 || data)} and node hashes
 * {@code SHA-256(0x01 || left || right)}, its hashes stored in one sequence
 * ({@link dev.goferry.gomod.sumdb.tlog.Tlog#storedHashIndex}), audit and consistency proofs, tiles
 * ({@code tile/H/L/NNN[.p/W]}, data tiles {@code tile/H/data/…}) and their authentication against a
 * signed tree ({@link dev.goferry.gomod.sumdb.tlog.TileHashReader}), and the text formats of the
 * tree head ({@code "go.sum database tree\nN\nhash\n"}) and of lookup records.
 */
package dev.goferry.gomod.sumdb.tlog;
