package dev.goferry.proxy.server;

import dev.goferry.proxy.metrics.ServeMetrics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves {@code /metrics} (Prometheus text format) and records every other request when it
 * completes. {@code metrics} cannot be a module path: a first path element needs a dot.
 * Recording is a few atomic additions, so the handler is as non-blocking as the one it wraps;
 * a scrape (formatting every series) runs on {@code blocking}.
 */
public final class MetricsHandler extends Handler.Wrapper {

    private final ServeMetrics metrics;

    private final Executor blocking;

    public MetricsHandler(Handler next, ServeMetrics metrics, Executor blocking) {
        super(next);
        this.metrics = metrics;
        this.blocking = blocking;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.getHttpURI().getPath().equals("/metrics")) {
            blocking.execute(() -> {
                byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
                response.write(true, Responses.isHead(request) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
            });
            return true;
        }
        long start = System.nanoTime();
        // Record before passing completion on: once the exchange completes, Jetty may recycle the
        // response's headers (the cache result is read from them).
        Callback recording = new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                record(request, response, start);
                super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                record(request, response, start);
                super.failed(x);
            }
        };
        return super.handle(request, response, recording);
    }

    private void record(Request request, Response response, long start) {
        Object endpoint = request.getAttribute(GoProxyHandler.ENDPOINT_ATTRIBUTE);
        String cache = response.getHeaders().get(GoProxyHandler.CACHE_HEADER);
        metrics.request(endpoint == null ? "other" : endpoint.toString(), response.getStatus(),
                Response.getContentBytesWritten(response), System.nanoTime() - start, cache == null ? "" : cache);
    }
}
