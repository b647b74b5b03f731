package dev.goferry.gomod.sumdb;

import dev.goferry.gomod.sumdb.tlog.Tree;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of looking a module version up in a checksum database. Messages follow the go
 * command: {@code <path>@<version>: <why>}, with x/mod's texts verbatim.
 */
public sealed interface LookupResult {

    /** {@return the message a user would see, or for {@link Verified} a one-line summary} */
    String message();

    /**
     * The record was authenticated against the newest known tree.
     *
     * @param lines the go.sum lines for the looked-up version (both {@code h1:} lines when the
     *     version has no {@code /go.mod} suffix; only the go.mod line when it has one)
     * @param recordId the record's number in the log
     * @param tree the newest verified tree, which the record was checked against
     */
    record Verified(List<String> lines, long recordId, Tree tree) implements LookupResult {
        public Verified {
            lines = List.copyOf(lines);
        }

        @Override
        public String message() {
            return "verified record " + recordId + " in tree of size " + tree.n();
        }

        /** {@return the hash the database has for {@code path version} ("/go.mod" suffixed for the go.mod hash)} */
        public Optional<String> hashFor(String path, String version) {
            String prefix = path + " " + version + " ";
            return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst();
        }
    }

    /** The database answered 404 or 410 for the lookup. */
    record NotFound(String message) implements LookupResult {
    }

    /** A signed tree did not verify with the configured key (wrong key, tampered note). */
    record BadSignature(String message) implements LookupResult {
    }

    /**
     * The server's data is inconsistent: trees that are not prefixes of each other (Go's
     * "SECURITY ERROR … go.sum database server misbehavior detected!"), a record not in the tree
     * ("cannot authenticate record data in server response") or tiles that do not hash to the tree.
     */
    record ProofFailed(String message) implements LookupResult {
    }

    /**
     * The path or version cannot be looked up at all: x/mod's {@code module.EscapePath} or
     * {@code EscapeVersion} refused it (e.g. {@code malformed module path ...}), so nothing was fetched.
     */
    record InvalidModule(String message) implements LookupResult {
    }

    /** The response could not be parsed (malformed record data, malformed tree note). */
    record Malformed(String message) implements LookupResult {
    }

    /** A request failed for another reason (connection, 5xx, a tile that could not be fetched). */
    record FetchFailed(String message) implements LookupResult {
    }
}
