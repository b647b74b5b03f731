package dev.goferry.install.mirrors;

import dev.goferry.install.download.ProxyRouting;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one HTTP request shape every probe makes: a GET (optionally a Range), the body read up to a
 * bound, the time to the headers and the time of the body measured apart. Routed like the go
 * command (HTTPS_PROXY, HTTP_PROXY, NO_PROXY).
 */
final class ProbeHttp {

    /**
     * One answer.
     *
     * @param latency from sending to the response headers
     * @param transfer from the headers to the last byte read
     * @param body at most the bytes asked for
     */
    record Answer(int status, String contentType, OptionalLong contentLength, Optional<String> contentRange,
                  byte[] body, Duration latency, Duration transfer) {

        boolean html() {
            return contentType.startsWith("text/html");
        }
    }

    /** No HTTP answer; {@code reason} says why in a user's words. */
    static final class NoAnswer extends Exception {
        NoAnswer(String reason) {
            super(reason);
        }
    }

    private final HttpClient client;
    private final ProxyRouting routing;
    private final Duration timeout;
    private final String userAgent;

    ProbeHttp(ProxyRouting routing, Duration timeout, String userAgent) {
        this.routing = routing;
        this.timeout = timeout;
        this.userAgent = userAgent;
        this.client = HttpClient.newBuilder()
                .proxy(routing)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Gets {@code url}, reading at most {@code maxBytes} of the body. */
    Answer get(URI url, Optional<String> range, int maxBytes) throws NoAnswer, InterruptedException {
        Optional<String> refusal = routing.refusal(url);
        if (refusal.isPresent()) {
            throw new NoAnswer(refusal.get());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET().timeout(timeout).header("User-Agent", userAgent);
        range.ifPresent(r -> request.header("Range", r));
        long start = System.nanoTime();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new NoAnswer(describe(e));
        }
        long headers = System.nanoTime();
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(maxBytes);
            long end = System.nanoTime();
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT),
                    response.headers().firstValueAsLong("Content-Length"),
                    response.headers().firstValue("Content-Range"),
                    bytes, Duration.ofNanos(headers - start), Duration.ofNanos(end - headers));
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("probe interrupted");
            }
            throw new NoAnswer("connection broken while reading " + url + ": " + describe(e));
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage();
        return switch (e) {
            case HttpConnectTimeoutException t -> "connect timed out";
            case HttpTimeoutException t -> "no response headers in time";
            case ConnectException c -> "connection refused" + message;
            case UnknownHostException u -> "host not found" + message;
            default -> e.getClass().getSimpleName() + message;
        };
    }
}
