package dev.goferry.gomod.sumdb.note;

/**
 * A key or note could not be parsed or verified. The message is x/mod's text verbatim
 * ("malformed note", "malformed verifier id", "unknown verifier algorithm", "invalid verifier hash",
 * …); the subclasses carry the fields of x/mod's typed errors.
 */
public sealed class NoteException extends Exception
        permits NoteException.UnknownVerifier, NoteException.InvalidSignature, NoteException.UnverifiedNote {
    private static final long serialVersionUID = 1L;

    public NoteException(String message) {
        super(message);
    }

    /** No known verifier has this name and key hash (x/mod {@code UnknownVerifierError}). */
    public static final class UnknownVerifier extends NoteException {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final int keyHash;

        public UnknownVerifier(String name, int keyHash) {
            super(String.format("unknown key %s+%08x", name, keyHash));
            this.name = name;
            this.keyHash = keyHash;
        }

        /** {@return the key name in the signature} */
        public String name() {
            return name;
        }

        /** {@return the key hash in the signature} */
        public int keyHash() {
            return keyHash;
        }
    }

    /** A signature by a known key does not verify (x/mod {@code InvalidSignatureError}). */
    public static final class InvalidSignature extends NoteException {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final int keyHash;

        public InvalidSignature(String name, int keyHash) {
            super(String.format("invalid signature for key %s+%08x", name, keyHash));
            this.name = name;
            this.keyHash = keyHash;
        }

        /** {@return the key name} */
        public String name() {
            return name;
        }

        /** {@return the key hash} */
        public int keyHash() {
            return keyHash;
        }
    }

    /** The note parsed but no signature is by a known key (x/mod {@code UnverifiedNoteError}). */
    public static final class UnverifiedNote extends NoteException {
        private static final long serialVersionUID = 1L;
        private final transient Note note;

        public UnverifiedNote(Note note) {
            super("note has no verifiable signatures");
            this.note = note;
        }

        /** {@return the parsed note, all of its signatures unverified} */
        public Note note() {
            return note;
        }
    }
}
