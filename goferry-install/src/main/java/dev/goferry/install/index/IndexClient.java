package dev.goferry.install.index;

import dev.goferry.install.download.ProxyRouting;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fetches the release index from the first index URL that answers with a parsable JSON index,
 * and keeps the last good copy so an offline {@code --archive} install can still be verified.
 */
public final class IndexClient {

    /** Index responses are about 1 MB; anything far larger is not an index. */
    private static final int MAX_BYTES = 64 << 20;

    private final HttpClient client;
    private final ProxyRouting routing;
    private final Duration timeout;
    private final String userAgent;

    public IndexClient(ProxyRouting routing, Duration timeout, String userAgent) {
        this.routing = routing;
        this.timeout = timeout;
        this.userAgent = userAgent;
        this.client = HttpClient.newBuilder().proxy(routing).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** No index URL gave an index. */
    public static final class IndexUnavailableException extends Exception {
        private final List<String> failures;

        public IndexUnavailableException(List<String> failures) {
            super("release index: no index URL answered (" + String.join("; ", failures) + ")");
            this.failures = List.copyOf(failures);
        }

        public List<String> failures() {
            return failures;
        }
    }

    /** An index and where it came from. */
    public record Fetched(ReleaseIndex index, String origin) {}

    /** {@return the index from the first URL that serves one}; saves it to {@code cache} when given */
    public Fetched fetch(List<URI> urls, Optional<Path> cache) throws IndexUnavailableException, InterruptedException {
        List<String> failures = new ArrayList<>();
        for (URI url : urls) {
            Optional<String> refusal = routing.refusal(url);
            if (refusal.isPresent()) {
                failures.add(url + ": " + refusal.get());
                continue;
            }
            try {
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(url).timeout(timeout)
                        .header("User-Agent", userAgent).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    failures.add(url + ": HTTP " + response.statusCode());
                    continue;
                }
                byte[] body = response.body();
                if (body.length > MAX_BYTES) {
                    failures.add(url + ": response too large for an index");
                    continue;
                }
                ReleaseIndex index = ReleaseIndex.parse(body);
                if (index.releases().isEmpty()) {
                    failures.add(url + ": empty index");
                    continue;
                }
                if (cache.isPresent()) {
                    save(cache.get(), body);
                }
                return new Fetched(index, url.toString());
            } catch (IOException e) {
                failures.add(url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            } catch (ReleaseIndex.MalformedIndexException e) {
                failures.add(url + ": not a release index (" + e.getMessage() + ")");
            }
        }
        throw new IndexUnavailableException(failures);
    }

    /** {@return the index saved by the last successful fetch, if any} */
    public static Optional<ReleaseIndex> cached(Path cache) {
        try {
            return Optional.of(ReleaseIndex.parse(Files.readAllBytes(cache)));
        } catch (IOException | ReleaseIndex.MalformedIndexException e) {
            return Optional.empty();
        }
    }

    private static void save(Path cache, byte[] body) {
        try {
            Files.createDirectories(cache.getParent());
            Path tmp = cache.resolveSibling(cache.getFileName() + ".tmp");
            Files.write(tmp, body);
            Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // A cache we cannot write only costs a later offline verification; the install goes on.
        }
    }
}
