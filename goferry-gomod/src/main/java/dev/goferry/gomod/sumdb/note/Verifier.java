package dev.goferry.gomod.sumdb.note;

/** Verifies signatures made with one key (x/mod {@code note.Verifier}). */
public interface Verifier {

    /** {@return the key name, e.g. {@code sum.golang.org}} */
    String name();

    /** {@return the 32-bit key hash identifying the key among keys of the same name} */
    int keyHash();

    /** Reports whether {@code sig} is a valid signature of {@code msg} by this key. */
    boolean verify(byte[] msg, byte[] sig);
}
