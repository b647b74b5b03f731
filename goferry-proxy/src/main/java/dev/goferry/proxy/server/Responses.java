package dev.goferry.proxy.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes plain-text answers. Error bodies are {@code text/plain; charset=utf-8} and short, because
 * the go command shows such a body (up to 8 lines of 81 bytes) to its user as "server response".
 */
public final class Responses {

    private Responses() {}

    /** Sends {@code status} with {@code message} (plus a newline) as a plain-text body; HEAD gets no body. */
    public static void text(Request request, Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, isHead(request) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
    }

    /** Reports whether the request is a HEAD (headers as for GET, no body). */
    public static boolean isHead(Request request) {
        return "HEAD".equals(request.getMethod());
    }
}
