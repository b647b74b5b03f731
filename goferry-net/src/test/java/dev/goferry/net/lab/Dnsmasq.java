package dev.goferry.net.lab;

import dev.goferry.net.dns.DnsClient;
import dev.goferry.net.dns.DnsOutcome;
import dev.goferry.net.dns.QueryType;
import dev.goferry.testkit.netlab.ServerProcess;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real dnsmasq answering only from its command line: no upstream, no /etc/hosts, on one
 * loopback address and port. It answers {@code --address} names (a bare {@code /name/} gives
 * NXDOMAIN), and REFUSED for anything else since it has no upstream.
 */
public final class Dnsmasq implements AutoCloseable {

    private final ServerProcess process;
    private final InetSocketAddress address;
    private final Path queryLog;

    private Dnsmasq(ServerProcess process, InetSocketAddress address, Path queryLog) {
        this.process = process;
        this.address = address;
        this.queryLog = queryLog;
    }

    /**
     * Starts dnsmasq on {@code listen} with extra {@code options} such as
     * {@code --address=/good.test/127.0.0.10}; a probe name {@code ready.lab} is added to detect readiness.
     */
    public static Dnsmasq start(Path scratch, InetSocketAddress listen, List<String> options) {
        Path binary = ServerProcess.requireBinary("dnsmasq", "dnsmasq");
        Path queryLog = scratch.resolve("dnsmasq-queries.log");
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--keep-in-foreground", "--conf-file=/dev/null",
                "--no-resolv", "--no-hosts", "--bind-interfaces", "--pid-file=", "--user=root",
                "--listen-address=" + listen.getAddress().getHostAddress(), "--port=" + listen.getPort(),
                "--address=/ready.lab/127.0.0.1", "--local-ttl=300", "--log-queries", "--log-facility=" + queryLog));
        cmd.addAll(options);
        DnsClient client = DnsClient.system();
        ServerProcess p = ServerProcess.start("dnsmasq", cmd, scratch, () ->
                client.query(listen, "ready.lab", QueryType.A, Duration.ofMillis(300), false).outcome()
                        instanceof DnsOutcome.Answer);
        return new Dnsmasq(p, listen, queryLog);
    }

    /** {@return the server address} */
    public InetSocketAddress address() {
        return address;
    }

    /** {@return the lines dnsmasq logged for queries it received, e.g. "query[A] good.test from 127.0.0.1"} */
    public List<String> queries() {
        try {
            return java.nio.file.Files.readAllLines(queryLog).stream()
                    .filter(l -> l.contains("query["))
                    .map(l -> l.substring(l.indexOf("query[")))
                    .filter(l -> !l.contains("ready.lab"))
                    .toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** {@return dnsmasq's address as an InetAddress} */
    public InetAddress ip() {
        return address.getAddress();
    }

    @Override
    public void close() {
        process.close();
    }
}
