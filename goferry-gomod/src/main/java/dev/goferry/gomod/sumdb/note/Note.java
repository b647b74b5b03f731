package dev.goferry.gomod.sumdb.note;

import java.util.List;

/**
 * A signed note (x/mod {@code note.Note}): text ending in a newline, then a blank line, then one
 * signature line per key, {@code "— <name> <base64(keyhash[4] || signature)>\n"} (U+2014 em dash).
 *
 * @param text the signed text, ending in "\n"
 * @param sigs signatures verified by a known key
 * @param unverifiedSigs signatures by unknown keys
 */
public record Note(String text, List<Signature> sigs, List<Signature> unverifiedSigs) {

    public Note {
        sigs = List.copyOf(sigs);
        unverifiedSigs = List.copyOf(unverifiedSigs);
    }

    /** {@return an unsigned note with {@code text}} */
    public static Note of(String text) {
        return new Note(text, List.of(), List.of());
    }

    /**
     * One signature line's content.
     *
     * @param name key name
     * @param keyHash key hash
     * @param base64 base64 of the key hash followed by the signature
     */
    public record Signature(String name, int keyHash, String base64) {
    }
}
