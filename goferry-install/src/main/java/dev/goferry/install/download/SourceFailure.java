package dev.goferry.install.download;

import dev.goferry.install.source.ReleaseSource;

/**
 * Why one try of one source did not produce the file.
 *
 * @param source the source
 * @param reason lowercase, e.g. {@code HTTP 404}, {@code served an HTML page, not an archive}
 */
public record SourceFailure(ReleaseSource source, String reason) {
    @Override
    public String toString() {
        return source.name() + ": " + reason;
    }
}
