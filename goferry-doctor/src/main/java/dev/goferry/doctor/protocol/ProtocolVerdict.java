package dev.goferry.doctor.protocol;

import java.util.Objects;

/** Whether a response body is what its protocol promises. Evidence for the PROTOCOL layer. */
public sealed interface ProtocolVerdict {

    /**
     * The body follows the protocol.
     *
     * @param summary what it held, as data (e.g. {@code 12 versions}, {@code tree 41234567})
     */
    record Valid(String summary) implements ProtocolVerdict {
        public Valid {
            Objects.requireNonNull(summary, "summary");
        }
    }

    /**
     * The body does not follow the protocol: a captive portal, a block page, a wrong server.
     *
     * @param problem stable code: {@code html-page}, {@code not-version-list}, {@code not-a-note},
     *                {@code bad-signature}, {@code unknown-signer}, {@code not-a-tree}, {@code bad-json},
     *                {@code not-release-index}, {@code no-go-import}, {@code not-utf8}
     * @param excerpt what came instead, printable, at most 120 characters (a page title when there is one)
     */
    record Unexpected(String problem, String excerpt) implements ProtocolVerdict {
        public Unexpected {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(excerpt, "excerpt");
        }
    }
}
