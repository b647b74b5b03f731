package dev.goferry.proxy.sumdb;

import dev.goferry.gomod.sumdb.SumDbFetchException;
import dev.goferry.proxy.server.GoProxyHandler;
import dev.goferry.proxy.server.Responses;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The GOPROXY checksum-database endpoints: {@code /sumdb/<name>/supported} and
 * {@code /sumdb/<name>/lookup/…}, {@code /sumdb/<name>/tile/…}, {@code /sumdb/<name>/latest} for
 * the configured databases, fetched through {@link SumDbRemote}, so a go command with
 * {@code GOSUMDB=<name>+<key>} and {@code GOPROXY=<goferry>} needs no route to the database.
 * Other {@code /sumdb/} paths get 404, which makes the go command fall back to the database's
 * own URL only for databases goferry was not configured with.
 */
public final class SumDbHandler extends Handler.Abstract {

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final Map<String, SumDbRemote> remotes = new LinkedHashMap<>();

    public SumDbHandler(List<SumDbRemote> remotes) {
        remotes.forEach(r -> this.remotes.put(r.entry().name(), r));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        if (path == null || !path.startsWith("/sumdb/")) {
            return false;
        }
        request.setAttribute(GoProxyHandler.ENDPOINT_ATTRIBUTE, "sumdb");
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            Responses.text(request, response, callback, 405, "method not allowed: " + method);
            return true;
        }
        String rest = path.substring("/sumdb/".length());
        int slash = rest.indexOf('/');
        SumDbRemote remote = slash < 0 ? null : remotes.get(rest.substring(0, slash));
        if (remote == null) {
            Responses.text(request, response, callback, 404, "not found: no checksum database configured for " + path);
            return true;
        }
        String sub = rest.substring(slash);
        if (sub.equals("/supported")) {
            Responses.text(request, response, callback, 200, "");
            return true;
        }
        if (!SumDbRemote.isDatabasePath(sub)) {
            Responses.text(request, response, callback, 404, "not found: " + path);
            return true;
        }
        byte[] body;
        try {
            body = remote.fetch(sub);
        } catch (SumDbFetchException e) {
            int status = e.notFound() ? e.status().getAsInt() : 502;
            Responses.text(request, response, callback, status, "checksum database " + remote.entry().name() + ": " + e.getMessage());
            return true;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE,
                sub.startsWith("/tile/") ? "application/octet-stream" : "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, SumDbRemote.isFullTile(sub) ? IMMUTABLE : "no-cache");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, Responses.isHead(request) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
        return true;
    }
}
