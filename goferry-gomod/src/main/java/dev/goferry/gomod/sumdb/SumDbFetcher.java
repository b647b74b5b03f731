package dev.goferry.gomod.sumdb;

/**
 * Fetches a path below a checksum database's base URL ({@code /latest}, {@code /lookup/…},
 * {@code /tile/…}); the only I/O seam of {@link SumDbClient}. Implementations decide on the
 * transport (HTTP directly, through a GOPROXY's {@code /sumdb/<name>/}, a cache, a fake).
 */
@FunctionalInterface
public interface SumDbFetcher {

    /**
     * Returns the body of a 200 response for {@code path} (which starts with "/").
     *
     * @throws SumDbFetchException if there is no such response
     */
    byte[] fetch(String path) throws SumDbFetchException;
}
