package dev.goferry.install.toolchain;

import dev.goferry.install.download.DownloadSettings;
import dev.goferry.install.download.ProxyRouting;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * The small GETs of the toolchain source: a proxy's {@code @v/list} and {@code .mod}, and the
 * checksum database's {@code /supported}, {@code /lookup}, {@code /latest} and tiles. Routed like
 * the go command (HTTPS_PROXY, HTTP_PROXY, NO_PROXY); every wait bounded by the download settings;
 * bodies bounded in size. The zip itself goes through the resumable {@code Downloader}.
 */
public final class ModuleHttp {

    /** The most bytes read from one small answer (a long {@code @v/list} is well below). */
    public static final int MAX_BODY = 4 << 20;

    /**
     * An HTTP answer.
     *
     * @param status the HTTP status
     * @param body at most {@link #MAX_BODY} bytes
     */
    public record Answer(int status, byte[] body) {

        /** Reports whether the status is 404 or 410, the answers Go treats as "not found". */
        public boolean notFound() {
            return status == 404 || status == 410;
        }

        /** {@return Go's wording of a failed answer: "404 Not Found" style, with the body's first line when short} */
        public String reason() {
            String text = new String(body, 0, Math.min(body.length, 200), java.nio.charset.StandardCharsets.UTF_8).strip();
            int nl = text.indexOf('\n');
            String first = nl < 0 ? text : text.substring(0, nl);
            return "HTTP " + status + (first.isEmpty() ? "" : ": " + first);
        }
    }

    private final HttpClient client;
    private final ProxyRouting routing;
    private final DownloadSettings settings;

    public ModuleHttp(ProxyRouting routing, DownloadSettings settings) {
        this.routing = routing;
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .proxy(routing)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Gets {@code url}.
     *
     * @throws IOException when no HTTP answer arrived (refused, timed out, a proxy setting Go refuses)
     */
    public Answer get(URI url) throws IOException, InterruptedException {
        Optional<String> refusal = routing.refusal(url);
        if (refusal.isPresent()) {
            throw new IOException(refusal.get());
        }
        HttpRequest request = HttpRequest.newBuilder(url).GET().timeout(settings.headersTimeout())
                .header("User-Agent", settings.userAgent()).build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        // The request timeout ends at the headers: a body that stalls is cut by closing the stream.
        try (InputStream in = response.body()) {
            Thread watchdog = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(settings.stallTimeout());
                    in.close();
                } catch (InterruptedException | IOException done) {
                    // the body arrived in time, or the stream is closed already
                }
            });
            try {
                return new Answer(response.statusCode(), in.readNBytes(MAX_BODY));
            } catch (IOException e) {
                throw new IOException("reading " + url + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
            } finally {
                watchdog.interrupt();
            }
        }
    }
}
