package dev.goferry.proxy.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An http(s) module proxy. Each fetch has one deadline for headers and body together (a stalled
 * or slowly dripping body is cut off), a body size cap, and bounded retries with exponential
 * backoff for faults that may pass (connection errors, timeouts, 429 and 5xx); every protocol
 * fetch is an idempotent GET, so retrying is safe.
 */
public final class HttpUpstream implements Upstream {

    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "goferry-upstream-deadlines");
        t.setDaemon(true);
        return t;
    });

    /** How a Go-style error body is cut: the go command shows at most 8 lines of 81 bytes. */
    private static final int MAX_ERROR_BODY = 8 * 81;

    private final String name;
    private final String base;
    private final HttpClient client;
    private final GoProxySelector proxies;
    private final Duration timeout;
    private final int retries;
    private final Duration backoff;

    /**
     * @param name the URL as configured
     * @param client a client built with {@code proxies} as its proxy selector
     * @param timeout the deadline of one attempt
     * @param retries extra attempts after a fault that may pass
     * @param backoff the wait before the first retry; doubled for each next one
     */
    public HttpUpstream(String name, HttpClient client, GoProxySelector proxies, Duration timeout, int retries, Duration backoff) {
        this.name = name;
        this.base = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        this.client = client;
        this.proxies = proxies;
        this.timeout = timeout;
        this.retries = retries;
        this.backoff = backoff;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FetchOutcome fetch(String key, Path into, long maxBytes) throws InterruptedException {
        URI uri = URI.create(base + "/" + pathEscape(key));
        Optional<String> unsupported = proxies.unsupported(uri);
        if (unsupported.isPresent()) {
            return new FetchOutcome.Failed(name, unsupported.get());
        }
        Attempt last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                Thread.sleep(backoff.toMillis() << (attempt - 1));
            }
            last = once(uri, into, maxBytes);
            if (!last.retryable()) {
                break;
            }
        }
        return last.outcome();
    }

    private record Attempt(FetchOutcome outcome, boolean retryable) {}

    private Attempt once(URI uri, Path into, long maxBytes) throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "goferry-serve").GET();
        proxies.authorization(uri).ifPresent(a -> builder.header("Proxy-Authorization", a));
        HttpRequest request = builder.build();
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            return new Attempt(new FetchOutcome.Failed(name, "GET " + uri + ": timeout after " + timeout.toMillis() + "ms"), true);
        } catch (IOException e) {
            return new Attempt(new FetchOutcome.Failed(name, "GET " + uri + ": " + describe(e)), true);
        }
        AtomicBoolean expired = new AtomicBoolean();
        InputStream body = response.body();
        ScheduledFuture<?> killer = DEADLINES.schedule(() -> {
            expired.set(true);
            closeQuietly(body);
        }, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        try (body) {
            int status = response.statusCode();
            if (status == 200) {
                try (OutputStream out = Files.newOutputStream(into)) {
                    long size = Limits.copy(body, out, maxBytes);
                    return new Attempt(new FetchOutcome.Fetched(name, into, size,
                            response.headers().firstValue("Content-Type")), false);
                }
            }
            String text = new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8).strip();
            if (status == 404 || status == 410) {
                return new Attempt(new FetchOutcome.NotFound(name, status, text.isEmpty() ? "not found" : text), false);
            }
            String message = "GET " + uri + ": " + status + (text.isEmpty() || !isPlainText(response) ? "" : "\n" + text);
            return new Attempt(new FetchOutcome.Failed(name, message), status == 429 || status >= 500);
        } catch (Limits.TooLargeException e) {
            return new Attempt(new FetchOutcome.Failed(name, "GET " + uri + ": " + e.getMessage()), false);
        } catch (IOException e) {
            String why = expired.get() ? "timeout after " + timeout.toMillis() + "ms" : describe(e);
            return new Attempt(new FetchOutcome.Failed(name, "GET " + uri + ": " + why), true);
        } finally {
            killer.cancel(false);
        }
    }

    /**
     * Percent-encodes a key for a request path as the go command does (it sends the {@code !} of
     * case escapes as {@code %21}); {@code /} stays as it is.
     */
    static String pathEscape(String key) {
        StringBuilder b = new StringBuilder(key.length() + 16);
        for (byte x : key.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/+@".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }

    private static boolean isPlainText(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").map(t -> t.toLowerCase().startsWith("text/plain")).orElse(false);
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isEmpty() ? "" : ": " + m);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Closing is how a deadline cuts the body off; a second failure adds nothing.
        }
    }
}
