package dev.goferry.net.lab;

import dev.goferry.testkit.netlab.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A real tinyproxy on 127.0.0.1: optionally with Basic credentials ({@code BasicAuth}, giving 407
 * without them) and a CONNECT port allow-list ({@code ConnectPort}, giving 403 for other ports).
 */
public final class Tinyproxy implements AutoCloseable {

    private final ServerProcess process;
    private final int port;

    private Tinyproxy(ServerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts tinyproxy in {@code scratch/<name>}. */
    public static Tinyproxy start(Path scratch, String name, Optional<String> basicAuthUserPass,
                                  List<Integer> connectPorts) {
        Path binary = ServerProcess.requireBinary("tinyproxy", "tinyproxy");
        try {
            Path dir = Files.createDirectories(scratch.resolve(name));
            int port = Loopback.freePort();
            StringBuilder conf = new StringBuilder()
                    .append("Port ").append(port).append('\n')
                    .append("Listen 127.0.0.1\nTimeout 10\nMaxClients 20\nAllow 127.0.0.1\nLogLevel Info\n")
                    .append("LogFile \"").append(dir.resolve("tinyproxy.log")).append("\"\n")
                    .append("PidFile \"").append(dir.resolve("tinyproxy.pid")).append("\"\n");
            basicAuthUserPass.ifPresent(up -> conf.append("BasicAuth ").append(up.replace(':', ' ')).append('\n'));
            connectPorts.forEach(p -> conf.append("ConnectPort ").append(p).append('\n'));
            Path confFile = dir.resolve("tinyproxy.conf");
            Files.writeString(confFile, conf.toString());
            ServerProcess p = ServerProcess.start(name, List.of(binary.toString(), "-d", "-c", confFile.toString()),
                    dir, () -> Loopback.accepts(new InetSocketAddress(Loopback.v4(), port)));
            return new Tinyproxy(p, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the proxy URL, with {@code userinfo} (e.g. "user:pass@") or empty} */
    public String url(String userinfo) {
        return "http://" + userinfo + "127.0.0.1:" + port;
    }

    /** {@return the proxy's address} */
    public InetSocketAddress address() {
        return new InetSocketAddress(Loopback.v4(), port);
    }

    @Override
    public void close() {
        process.close();
    }
}
