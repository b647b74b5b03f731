package dev.goferry.proxy.server;

import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.function.LongConsumer;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A {@link ServerConnector} whose connections are {@link SendfileEndPoint}s, so a plain HTTP/1.1
 * response body that is a file's bytes can go out with {@code sendfile}. With any other
 * connection factory in front (TLS, HTTP/2) the request's endpoint is that protocol's own, and
 * {@link FileBodies} writes the buffer as usual.
 */
public final class SendfileConnector extends ServerConnector {

    private final LongConsumer sentFromFile;

    /** @param sentFromFile told how many bytes each transfer from a file sent (for metrics; must be fast) */
    public SendfileConnector(Server server, int acceptors, int selectors, LongConsumer sentFromFile,
                             ConnectionFactory... factories) {
        super(server, acceptors, selectors, factories);
        this.sentFromFile = sentFromFile;
    }

    @Override
    protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key) {
        SendfileEndPoint endpoint = new SendfileEndPoint(channel, selector, key, getScheduler(), sentFromFile);
        endpoint.setIdleTimeout(getIdleTimeout());
        return endpoint;
    }
}
