package dev.goferry.install.toolchain;

/**
 * What the checksum database says about a downloaded toolchain. Only {@link Verified} installs;
 * every other verdict leaves the root as it was. Messages are the go command's
 * ({@code golang.org/toolchain@<version>: verifying module: checksum mismatch …}, {@code …: verifying
 * go.mod: …}); a checksum mismatch reads exactly as {@code go mod download} reports it.
 */
public sealed interface Verdict {

    /** {@return the message a user reads} */
    String message();

    /**
     * The zip and the go.mod hash to the h1 values of an authenticated record.
     *
     * @param database the checksum database's name
     * @param zipHash the zip's h1 (go.sum's {@code <module> <version> h1:…}; {@code go mod download}'s Sum)
     * @param goModHash the go.mod's h1 ({@code GoModSum})
     * @param recordId the record's number in the log
     * @param treeSize the size of the signed tree the record was proved in
     */
    record Verified(String database, String zipHash, String goModHash, long recordId, long treeSize) implements Verdict {
        @Override
        public String message() {
            return "verified by " + database + ": record " + recordId + " in tree of size " + treeSize;
        }
    }

    /** The database has no record for the version (404/410 on lookup): a toolchain nobody vouches for. */
    record Unknown(String message) implements Verdict {}

    /**
     * The bytes differ from the record, or the zip holds a file outside {@code module@version/} (go's
     * {@code zip for … has unexpected file …}, {@code downloaded} empty then): someone served a
     * toolchain that is not the published one.
     */
    record Mismatch(String message, String downloaded, String recorded) implements Verdict {}

    /** The database could not vouch: bad signature (another key), failed proof, unreachable, malformed. */
    record DatabaseFailed(String message) implements Verdict {}
}
