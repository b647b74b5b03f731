package dev.goferry.proxy.server;

import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code /healthz} (the process answers) and {@code /readyz} (it can take traffic: started, not
 * shutting down, storage writable). Neither path can be a module path: a module path's first
 * element must contain a dot. Both answer on the selector thread: readiness is one {@code access}
 * call on the data folder.
 */
public final class HealthHandler extends Handler.Abstract.NonBlocking {

    private final BooleanSupplier ready;

    public HealthHandler(BooleanSupplier ready) {
        this.ready = ready;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        switch (path) {
            case "/healthz" -> Responses.text(request, response, callback, 200, "ok");
            case "/readyz" -> {
                boolean ok = ready.getAsBoolean();
                Responses.text(request, response, callback, ok ? 200 : 503, ok ? "ready" : "not ready");
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
