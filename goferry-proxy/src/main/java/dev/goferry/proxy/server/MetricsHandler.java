package dev.goferry.proxy.server;

import dev.goferry.proxy.metrics.ServeMetrics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves {@code /metrics} (Prometheus text format) and records every other request when it
 * completes. {@code metrics} cannot be a module path: a first path element needs a dot.
 */
public final class MetricsHandler extends Handler.Wrapper {

    private final ServeMetrics metrics;

    public MetricsHandler(Handler next, ServeMetrics metrics) {
        super(next);
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.getHttpURI().getPath().equals("/metrics")) {
            byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, Responses.isHead(request) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
            return true;
        }
        long start = System.nanoTime();
        Callback recording = Callback.from(callback, () -> record(request, response, start));
        return super.handle(request, response, recording);
    }

    private void record(Request request, Response response, long start) {
        Object endpoint = request.getAttribute(GoProxyHandler.ENDPOINT_ATTRIBUTE);
        String cache = response.getHeaders().get(GoProxyHandler.CACHE_HEADER);
        metrics.request(endpoint == null ? "other" : endpoint.toString(), response.getStatus(),
                Response.getContentBytesWritten(response), System.nanoTime() - start, cache == null ? "" : cache);
    }
}
