package dev.goferry.proxy.server;

import dev.goferry.proxy.cache.Answer;
import dev.goferry.proxy.cache.ModuleCache;
import dev.goferry.proxy.request.ParsedPath;
import dev.goferry.proxy.request.ProxyPaths;
import dev.goferry.proxy.request.ProxyRequest;
import dev.goferry.proxy.storage.StoredObject;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The GOPROXY endpoints ({@code @v/list}, {@code .info}, {@code .mod}, {@code .zip},
 * {@code @latest}): parses and validates the path before any I/O, asks the {@link ModuleCache},
 * and writes the answer with the endpoint's content type and caching headers. The endpoints
 * differ only in data ({@link ProxyRequest#contentType()}, {@link ProxyRequest#immutable()}), so
 * one handler serves them all.
 */
public final class GoProxyHandler extends Handler.Abstract {

    /** Set on every protocol answer: HIT, MISS, STALE or UNSTORED. */
    public static final String CACHE_HEADER = "Goferry-Cache";
    /** On a stale answer: why the refresh failed. */
    public static final String STALE_HEADER = "Goferry-Stale-Reason";
    /** Request attribute the access log reads: the endpoint name. */
    public static final String ENDPOINT_ATTRIBUTE = "goferry.endpoint";

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String SHORT = "public, max-age=60";

    private final ModuleCache cache;

    public GoProxyHandler(ModuleCache cache) {
        this.cache = cache;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            Responses.text(request, response, callback, 405, "method not allowed: " + method);
            return true;
        }
        // The protocol has no query parameters; like a static tree, the query is ignored.
        ParsedPath parsed = ProxyPaths.parse(request.getHttpURI().getPath());
        switch (parsed) {
            case ParsedPath.Malformed m -> Responses.text(request, response, callback, 400, m.message());
            case ParsedPath.NotEndpoint n -> Responses.text(request, response, callback, 404, n.message());
            case ParsedPath.Valid v -> serve(request, response, callback, v.request());
        }
        return true;
    }

    private void serve(Request request, Response response, Callback callback, ProxyRequest proxyRequest) throws Exception {
        request.setAttribute(ENDPOINT_ATTRIBUTE, proxyRequest.endpoint());
        Answer answer = cache.get(proxyRequest);
        switch (answer) {
            case Answer.Stored s -> sendStored(request, response, callback, proxyRequest, s);
            case Answer.Unstored u -> {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, proxyRequest.contentType());
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
                response.getHeaders().put(CACHE_HEADER, "UNSTORED");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, u.body().length);
                response.write(true, Responses.isHead(request) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(u.body()), callback);
            }
            case Answer.Missing m -> Responses.text(request, response, callback, m.status(), m.message());
            case Answer.Failed f -> Responses.text(request, response, callback, 502, f.message());
        }
    }

    private static void sendStored(Request request, Response response, Callback callback, ProxyRequest proxyRequest,
                                   Answer.Stored stored) throws Exception {
        StoredObject object = stored.object();
        String etag = "\"" + Long.toHexString(object.size()) + "-" + Long.toHexString(object.stored().toEpochMilli()) + "\"";
        response.getHeaders().put(HttpHeader.ETAG, etag);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, proxyRequest.immutable() ? IMMUTABLE : SHORT);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, proxyRequest.contentType());
        response.getHeaders().put(CACHE_HEADER, stored.status().name());
        stored.note().ifPresent(note -> response.getHeaders().put(STALE_HEADER, firstLine(note)));
        String ifNoneMatch = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
        if (ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.equals("*"))) {
            response.setStatus(304);
            response.write(true, ByteBuffer.allocate(0), callback);
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, object.size());
        if (Responses.isHead(request)) {
            response.write(true, ByteBuffer.allocate(0), callback);
            return;
        }
        if (object.size() <= SMALL) {
            byte[] bytes;
            try (InputStream in = object.open()) {
                bytes = in.readNBytes((int) SMALL + 1);
            }
            if (bytes.length == object.size()) {
                response.write(true, ByteBuffer.wrap(bytes), callback);
                return;
            }
        }
        if (object.file().isPresent() && object.size() <= Integer.MAX_VALUE) { // one mapping holds at most 2 GiB
            // Map the file and hand the mapping to Jetty in one write: the kernel copies from the
            // page cache to the socket, no copy through the heap (close to nginx's sendfile).
            ByteBuffer mapped;
            try (FileChannel ch = FileChannel.open(object.file().get(), StandardOpenOption.READ)) {
                mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, object.size());
            }
            response.write(true, mapped, callback);
            return;
        }
        InputStream in = object.open();
        Content.copy(Content.Source.from(in), response, Callback.from(callback, () -> closeQuietly(in)));
    }

    /** Objects up to this size (.info, .mod, list, most small zips) are read in one go. */
    private static final long SMALL = 64 * 1024;

    private static String firstLine(String s) {
        String line = s.lines().findFirst().orElse("");
        StringBuilder b = new StringBuilder();
        for (char c : line.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.length() > 200 ? b.substring(0, 200) : b.toString();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (java.io.IOException ignored) {
            // Nothing to do: the response is already complete.
        }
    }
}
