package dev.goferry.proxy.cache;

/** What a {@link Verifier} decided about a fetched object. */
public sealed interface Verdict {

    /** Good: store it and serve it. */
    record Store() implements Verdict {}

    /**
     * Not fit to keep, but harmless to hand to the go command, which runs the same check itself
     * and shows its own exact error (e.g. a zip that breaks the module zip file-name rules). It is
     * served to the requests waiting for it and never stored, so a bad object is never served
     * forever.
     */
    record PassUnstored(String reason) implements Verdict {}

    /** Refused (e.g. a checksum mismatch): nothing stored, the client gets a 502 with {@code reason}. */
    record Refuse(String reason) implements Verdict {}

    Verdict STORE = new Store();
}
