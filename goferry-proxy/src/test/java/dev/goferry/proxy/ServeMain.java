package dev.goferry.proxy;

import dev.goferry.proxy.server.ProxyServer;
import java.nio.file.Path;
import java.util.Map;

/** A goferry server in its own JVM, for tests that kill it: {@code ServeMain DATA UPSTREAM}; prints the port. */
public final class ServeMain {

    private ServeMain() {}

    public static void main(String[] args) throws Exception {
        ProxyServer server = ProxyServer.start(Lab.config(Path.of(args[0]), args[1], Map.of("upstreamTimeout", "60s")), Map.of(),
                ProxyServer.Logs.NONE);
        System.out.println(server.port());
        System.out.flush();
        server.join();
    }
}
