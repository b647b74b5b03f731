package dev.goferry.proxy.request;

/** What a request path turned out to be. */
public sealed interface ParsedPath {

    /** A protocol request with a valid module path and version. */
    record Valid(ProxyRequest request) implements ParsedPath {}

    /**
     * A path that is not a GOPROXY endpoint at all (404), e.g. {@code /sumdb/…/supported}, which
     * tells the go command that this proxy does not proxy a checksum database.
     */
    record NotEndpoint(String message) implements ParsedPath {}

    /** A malformed request: a bad escape, an invalid module path or version (400). */
    record Malformed(String message) implements ParsedPath {}
}
