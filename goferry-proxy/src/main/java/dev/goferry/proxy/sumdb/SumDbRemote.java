package dev.goferry.proxy.sumdb;

import dev.goferry.gomod.sumdb.SumDbFetchException;
import dev.goferry.gomod.sumdb.SumDbFetcher;
import dev.goferry.proxy.storage.DiskStorage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fetches paths below one checksum database ({@code /latest}, {@code /lookup/…}, {@code /tile/…})
 * over the upstream HTTP client (so the same HTTP proxy rules apply), keeping full tiles on disk
 * under {@code sumdb/<name>/} in the data folder: a full tile never changes, so once stored it is
 * served forever. Partial tiles, lookups and {@code /latest} change as the log grows and are
 * always fetched. Used both by the {@code /sumdb/} endpoints and by {@link SumDbVerifier}, so a
 * verification warms the cache the go command then reads.
 */
public final class SumDbRemote implements SumDbFetcher {

    /** A full tile: {@code /tile/H/L/NNN} with x-prefixed groups, or the data tile {@code /tile/H/data/NNN}. */
    private static final Pattern FULL_TILE = Pattern.compile("/tile/\\d+/(?:\\d+|data)/(?:x\\d{3}/)*\\d{3}");
    /** Any tile path, full or partial ({@code .p/W}). */
    private static final Pattern TILE = Pattern.compile("/tile/\\d+/(?:\\d+|data)/(?:x\\d{3}/)*\\d{3}(?:\\.p/\\d+)?");
    private static final long MAX_BODY = 1 << 20;

    private final SumDbEntry entry;
    private final Optional<HttpClient> client;
    private final DiskStorage storage;
    private final Duration timeout;

    /**
     * @param client the upstream HTTP client; empty in offline mode (only stored tiles are served)
     */
    public SumDbRemote(SumDbEntry entry, Optional<HttpClient> client, DiskStorage storage, Duration timeout) {
        this.entry = entry;
        this.client = client;
        this.storage = storage;
        this.timeout = timeout;
    }

    /** {@return the database} */
    public SumDbEntry entry() {
        return entry;
    }

    /** Reports whether {@code path} is one the database protocol has ({@code /latest}, a lookup, a tile). */
    public static boolean isDatabasePath(String path) {
        return path.equals("/latest") || path.startsWith("/lookup/") && path.length() > "/lookup/".length()
                || TILE.matcher(path).matches();
    }

    /** Reports whether {@code path} is a full tile, cached forever. */
    public static boolean isFullTile(String path) {
        return FULL_TILE.matcher(path).matches();
    }

    /** {@return the data-folder key of a full tile} */
    private String key(String path) {
        return "sumdb/" + entry.name() + path;
    }

    /** {@return the stored body for {@code path}, if it is a full tile already on disk} */
    public Optional<byte[]> cached(String path) throws IOException {
        if (!isFullTile(path)) {
            return Optional.empty();
        }
        var stored = storage.get(key(path));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = stored.get().open()) {
            return Optional.of(in.readAllBytes());
        }
    }

    @Override
    public byte[] fetch(String path) throws SumDbFetchException {
        if (!isDatabasePath(path)) {
            throw new SumDbFetchException("not a checksum database path", 404);
        }
        try {
            Optional<byte[]> hit = cached(path);
            if (hit.isPresent()) {
                return hit.get();
            }
        } catch (IOException e) {
            // an unreadable cache entry: fetch it again
        }
        if (client.isEmpty()) {
            throw new SumDbFetchException("offline mode: not stored here", 404);
        }
        HttpResponse<byte[]> response;
        try {
            response = client.get().send(HttpRequest.newBuilder(URI.create(entry.url() + path)).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | IllegalArgumentException e) {
            throw new SumDbFetchException(entry.url() + path + ": " + e, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SumDbFetchException(entry.url() + path + ": interrupted", 0, e);
        }
        byte[] body = response.body();
        if (response.statusCode() != 200) {
            String text = new String(body, 0, (int) Math.min(body.length, 8 * 81), java.nio.charset.StandardCharsets.UTF_8).trim();
            throw new SumDbFetchException(response.statusCode() + (text.isEmpty() ? "" : " " + text), response.statusCode());
        }
        if (body.length > MAX_BODY) {
            throw new SumDbFetchException(entry.url() + path + ": answer larger than " + MAX_BODY + " bytes", 0);
        }
        if (isFullTile(path)) {
            store(path, body);
        }
        return body;
    }

    private void store(String path, byte[] body) {
        try {
            Path scratch = storage.scratch(key(path));
            Files.write(scratch, body);
            storage.put(key(path), scratch);
        } catch (IOException e) {
            // Not cached this time; the answer is still good.
        }
    }
}
