package dev.goferry.proxy.upstream;

import java.nio.file.Path;
import java.util.Optional;

/** What one upstream (or the whole upstream list) answered for one object. */
public sealed interface FetchOutcome {

    /** {@return the upstream that answered, as configured} */
    String upstream();

    /**
     * The complete body, written to a scratch file.
     *
     * @param contentType the upstream's Content-Type, if it sent one (file:// upstreams do not)
     */
    record Fetched(String upstream, Path body, long size, Optional<String> contentType) implements FetchOutcome {}

    /**
     * 404 or 410: "not here, maybe elsewhere", the only answer the {@code ,} separator falls
     * through on.
     *
     * @param message the text the upstream gave, fit to show to the go command
     */
    record NotFound(String upstream, int status, String message) implements FetchOutcome {}

    /** Any other failure: a status, a timeout, a reset, a body over the size cap, a bad answer. */
    record Failed(String upstream, String message) implements FetchOutcome {}
}
