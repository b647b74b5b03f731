package dev.goferry.proxy.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.StringWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes one JSON line per request when it completes: time, remote address, method, path,
 * endpoint, status, bytes written, duration and the cache status. JSON keeps the line parseable
 * whatever the request path holds.
 */
public final class AccessLog extends Handler.Wrapper {

    private static final JsonFactory JSON = new JsonFactory();

    private final Consumer<String> sink;
    private final Clock clock;

    public AccessLog(Handler next, Consumer<String> sink, Clock clock) {
        super(next);
        this.sink = sink;
        this.clock = clock;
    }

    /**
     * Blocking: the sink writes to a stream. With the access log on, every request is handed to a
     * thread that may block; with it off, held objects are answered on the selector thread.
     */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = System.nanoTime();
        // Log before passing completion on: once the exchange completes, Jetty may recycle the
        // response's headers (the cache result is read from them).
        Callback both = new Callback() {
            @Override
            public void succeeded() {
                log(request, response, start, null);
                callback.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                log(request, response, start, x);
                callback.failed(x);
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }
        };
        boolean handled = super.handle(request, response, both);
        if (!handled) {
            log(request, response, start, null);
        }
        return handled;
    }

    private void log(Request request, Response response, long start, Throwable failure) {
        try {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("time", clock.instant().toString());
            line.put("remote", Request.getRemoteAddr(request));
            line.put("method", request.getMethod());
            line.put("path", request.getHttpURI().getPath());
            Object endpoint = request.getAttribute(GoProxyHandler.ENDPOINT_ATTRIBUTE);
            if (endpoint != null) {
                line.put("endpoint", endpoint);
            }
            line.put("status", failure == null ? response.getStatus() : 0);
            line.put("bytes", Response.getContentBytesWritten(response));
            line.put("ms", (System.nanoTime() - start) / 1_000_000.0);
            String cache = response.getHeaders().get(GoProxyHandler.CACHE_HEADER);
            if (cache != null) {
                line.put("cache", cache);
            }
            if (failure != null) {
                line.put("error", String.valueOf(failure));
            }
            StringWriter out = new StringWriter(256);
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.writeStartObject();
                for (Map.Entry<String, Object> e : line.entrySet()) {
                    switch (e.getValue()) {
                        case Integer i -> g.writeNumberField(e.getKey(), i);
                        case Long l -> g.writeNumberField(e.getKey(), l);
                        case Double x -> g.writeNumberField(e.getKey(), Math.round(x * 1000) / 1000.0);
                        default -> g.writeStringField(e.getKey(), String.valueOf(e.getValue()));
                    }
                }
                g.writeEndObject();
            }
            sink.accept(out.toString());
        } catch (Exception e) {
            // Logging must never break serving.
        }
    }
}
