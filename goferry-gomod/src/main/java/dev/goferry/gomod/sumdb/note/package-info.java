/**
 * Signed notes (x/mod {@code sumdb/note}): text ending in a newline, a blank line, then signature
 * lines {@code "— <key name> <base64(4-byte key hash || Ed25519 signature)>"} (U+2014). Keys are
 * {@code <name>+<hex key hash>+<base64(0x01 || public key)>} for verifying and
 * {@code PRIVATE+KEY+<name>+<hex key hash>+<base64(0x01 || seed)>} for signing; Ed25519 comes from
 * the JDK. Error texts are x/mod's.
 */
package dev.goferry.gomod.sumdb.note;
