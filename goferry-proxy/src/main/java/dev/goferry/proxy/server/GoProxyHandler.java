package dev.goferry.proxy.server;

import dev.goferry.proxy.cache.Answer;
import dev.goferry.proxy.cache.ModuleCache;
import dev.goferry.proxy.request.ParsedPath;
import dev.goferry.proxy.request.ProxyPaths;
import dev.goferry.proxy.request.ProxyRequest;
import dev.goferry.proxy.storage.StoredObject;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.ByteBufferPool;
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
 *
 * <p>The handler is non-blocking for Jetty: an object held in {@link HotObjects} is answered on
 * the thread that read the request (no hand-off, no path parsing; a file system call only to open
 * a zip over {@link #SMALL} for sendfile); everything
 * else — parsing, storage, upstreams — runs on {@code blocking} (virtual threads), and an immutable
 * object served from storage is then held for the next request.
 *
 * <p>A body bigger than {@link #SMALL} that is a stored file goes out with {@code sendfile} on a
 * plain HTTP/1.x connection ({@link FileBodies}); on any other it is written from the held mapping
 * or streamed through pooled buffers.
 */
public final class GoProxyHandler extends Handler.Abstract.NonBlocking {

    /** Set on every protocol answer: HIT, MISS, STALE or UNSTORED. */
    public static final String CACHE_HEADER = "Goferry-Cache";
    /** On a stale answer: why the refresh failed. */
    public static final String STALE_HEADER = "Goferry-Stale-Reason";
    /** Request attribute the access log reads: the endpoint name. */
    public static final String ENDPOINT_ATTRIBUTE = "goferry.endpoint";

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String SHORT = "public, max-age=60";
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();
    private static final HttpField HIT = new PreEncodedHttpField(CACHE_HEADER, "HIT");
    /** Streamed bodies go through pooled direct buffers of this size. */
    private static final int STREAM_BUFFER = 64 * 1024;

    private final ModuleCache cache;
    private final HotObjects hot;
    private final Executor blocking;

    /** A handler that holds nothing in memory and does its blocking work on virtual threads. */
    public GoProxyHandler(ModuleCache cache) {
        this(cache, HotObjects.none(), Thread.ofVirtual().name("goferry-request")::start);
    }

    /**
     * @param hot the memory of immutable objects answered without leaving the selector thread
     * @param blocking runs the work that may block (storage, upstreams)
     */
    public GoProxyHandler(ModuleCache cache, HotObjects hot, Executor blocking) {
        this.cache = cache;
        this.hot = hot;
        this.blocking = blocking;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            Responses.text(request, response, callback, 405, "method not allowed: " + method);
            return true;
        }
        // The protocol has no query parameters; like a static tree, the query is ignored.
        String rawPath = request.getHttpURI().getPath();
        Optional<HotObjects.Entry> held = hot.get(rawPath);
        if (held.isPresent()) {
            sendHeld(request, response, callback, held.get());
            return true;
        }
        blocking.execute(() -> {
            try {
                serveBlocking(request, response, callback, rawPath);
            } catch (Throwable x) {
                callback.failed(x);
            }
        });
        return true;
    }

    private void serveBlocking(Request request, Response response, Callback callback, String rawPath) throws Exception {
        ParsedPath parsed = ProxyPaths.parse(rawPath);
        switch (parsed) {
            case ParsedPath.Malformed m -> Responses.text(request, response, callback, 400, m.message());
            case ParsedPath.NotEndpoint n -> Responses.text(request, response, callback, 404, n.message());
            case ParsedPath.Valid v -> serve(request, response, callback, v.request(), rawPath);
        }
    }

    private void serve(Request request, Response response, Callback callback, ProxyRequest proxyRequest,
                       String rawPath) throws Exception {
        request.setAttribute(ENDPOINT_ATTRIBUTE, proxyRequest.endpoint());
        Answer answer = cache.get(proxyRequest);
        switch (answer) {
            case Answer.Stored s -> sendStored(request, response, callback, proxyRequest, s, rawPath);
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

    /** Answers from memory: the same headers and body as {@link #sendStored} gives a stored HIT. */
    private static void sendHeld(Request request, Response response, Callback callback, HotObjects.Entry held) {
        request.setAttribute(ENDPOINT_ATTRIBUTE, held.endpoint());
        var headers = response.getHeaders();
        headers.put(held.etagField());
        headers.put(held.cacheControl());
        headers.put(held.contentType());
        headers.put(HIT);
        if (notModified(request, held.etag())) {
            response.setStatus(304);
            response.write(true, EMPTY, callback);
            return;
        }
        response.setStatus(200);
        headers.put(held.contentLength());
        if (Responses.isHead(request)) {
            response.write(true, EMPTY, callback);
            return;
        }
        ByteBuffer body = held.body();
        if (held.file().isPresent()
                && FileBodies.send(request, response, callback, held.file().get(), Optional.of(body))) {
            return;
        }
        response.write(true, body, callback);
    }

    private static boolean notModified(Request request, String etag) {
        String ifNoneMatch = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
        return ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.equals("*"));
    }

    private void sendStored(Request request, Response response, Callback callback, ProxyRequest proxyRequest,
                            Answer.Stored stored, String rawPath) throws Exception {
        StoredObject object = stored.object();
        String etag = "\"" + Long.toHexString(object.size()) + "-" + Long.toHexString(object.stored().toEpochMilli()) + "\"";
        String cacheControl = proxyRequest.immutable() ? IMMUTABLE : SHORT;
        if (proxyRequest.immutable() && stored.status() != Answer.CacheStatus.STALE && object.file().isPresent()
                && hot.holds(object.size())) {
            Optional<HotObjects.Entry> held = hot.load(rawPath, object.file().get(), object.size(), etag,
                    proxyRequest.contentType(), cacheControl, proxyRequest.endpoint());
            if (held.isPresent() && stored.status() == Answer.CacheStatus.HIT) {
                sendHeld(request, response, callback, held.get());
                return;
            }
        }
        response.getHeaders().put(HttpHeader.ETAG, etag);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, cacheControl);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, proxyRequest.contentType());
        response.getHeaders().put(CACHE_HEADER, stored.status().name());
        stored.note().ifPresent(note -> response.getHeaders().put(STALE_HEADER, firstLine(note)));
        if (notModified(request, etag)) {
            response.setStatus(304);
            response.write(true, EMPTY, callback);
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, object.size());
        if (Responses.isHead(request)) {
            response.write(true, EMPTY, callback);
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
        if (object.file().isPresent()
                && FileBodies.send(request, response, callback, new FileBodies.Source(object.file().get(), object.size()),
                        Optional.empty())) {
            return;
        }
        if (object.file().isPresent()) {
            // Read through pooled direct buffers: memory stays bounded however big the object and
            // however many clients download it at once.
            ByteBufferPool.Sized pool = new ByteBufferPool.Sized(request.getComponents().getByteBufferPool(), true,
                    STREAM_BUFFER);
            Content.copy(Content.Source.from(pool, object.file().get()), response, callback);
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
