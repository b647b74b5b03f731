package dev.goferry.proxy.server;

import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Runs a handler that may block (disk, network) on {@code blocking} for the paths it claims, so
 * the rest of the chain can stay non-blocking and answer held objects on Jetty's selector thread.
 * {@code claims} must say exactly which paths {@code next} answers: the decision is made before
 * {@code next} runs.
 */
public final class Offload extends Handler.Wrapper {

    private final Predicate<String> claims;
    private final Executor blocking;

    public Offload(Handler next, Predicate<String> claims, Executor blocking) {
        super(next);
        this.claims = claims;
        this.blocking = blocking;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!claims.test(request.getHttpURI().getPath())) {
            return false;
        }
        blocking.execute(() -> {
            try {
                if (!super.handle(request, response, callback)) {
                    Responses.text(request, response, callback, 404, "not found: " + request.getHttpURI().getPath());
                }
            } catch (Throwable x) {
                callback.failed(x);
            }
        });
        return true;
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }
}
