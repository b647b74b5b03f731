package dev.goferry.testkit.netlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A real tinyproxy in one of a {@link NetLab}'s namespaces: optionally with Basic credentials
 * ({@code BasicAuth}: 407 without them; tinyproxy 1.11 answers wrong ones with 401) and a CONNECT
 * port allow-list ({@code ConnectPort}: 403 for other ports). It resolves names with its
 * namespace's resolv.conf, as a corporate proxy resolves with its own DNS.
 */
public final class LabProxy implements AutoCloseable {

    private final ServerProcess process;
    private final String address;
    private final int port;

    private LabProxy(ServerProcess process, String address, int port) {
        this.process = process;
        this.address = address;
        this.port = port;
    }

    /** Starts tinyproxy on {@code address:port} in {@code namespace}, accepting clients from anywhere in the lab. */
    public static LabProxy start(NetLab lab, String namespace, String name, String address, int port,
                                 Optional<String> basicAuthUserPass, List<Integer> connectPorts) {
        String binary = ServerProcess.requireBinary("tinyproxy", "tinyproxy").toString();
        try {
            Path dir = Files.createDirectories(lab.scratch().resolve(name));
            StringBuilder conf = new StringBuilder()
                    .append("Port ").append(port).append('\n')
                    .append("Listen ").append(address).append('\n')
                    .append("Timeout 10\nMaxClients 50\nLogLevel Info\n")
                    .append("LogFile \"").append(dir.resolve("tinyproxy.log")).append("\"\n")
                    .append("PidFile \"").append(dir.resolve("tinyproxy.pid")).append("\"\n");
            basicAuthUserPass.ifPresent(up -> conf.append("BasicAuth ").append(up.replace(':', ' ')).append('\n'));
            connectPorts.forEach(p -> conf.append("ConnectPort ").append(p).append('\n'));
            Path confFile = dir.resolve("tinyproxy.conf");
            Files.writeString(confFile, conf.toString());
            return new LabProxy(lab.start(namespace, name, List.of(binary, "-d", "-c", confFile.toString()),
                    "tcp:" + address + ":" + port), address, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the proxy URL, with {@code userinfo} (e.g. "user:pass@") or empty} */
    public String url(String userinfo) {
        return "http://" + userinfo + address + ":" + port;
    }

    @Override
    public void close() {
        process.close();
    }
}
