package dev.goferry.gomod.sumdb.note;

/** Signs messages with one private key (x/mod {@code note.Signer}). */
public interface Signer {

    /** {@return the key name} */
    String name();

    /** {@return the 32-bit key hash} */
    int keyHash();

    /** {@return the signature of {@code msg}} */
    byte[] sign(byte[] msg);
}
