package dev.goferry.testkit.netlab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real dnsmasq in one of a {@link NetLab}'s namespaces, answering only from its command line:
 * every name is local ({@code --local=/#/}), so a name with records gets them (and NODATA for a
 * type it has none of), any other name gets NXDOMAIN, and nothing is ever forwarded, except the
 * domains given to {@code forward}, sent to the server named there (to make a fault upstream).
 */
public final class LabDns implements AutoCloseable {

    private final ServerProcess process;
    private final String address;

    private LabDns(ServerProcess process, String address) {
        this.process = process;
        this.address = address;
    }

    /**
     * Starts dnsmasq on {@code address}:53 in {@code namespace}.
     *
     * @param records name → its addresses (IPv4 and IPv6 mixed)
     * @param forward domain → upstream {@code ADDR} or {@code ADDR#PORT} for that domain
     */
    public static LabDns start(NetLab lab, String namespace, String name, String address,
                               Map<String, List<String>> records, Map<String, String> forward) {
        String binary = ServerProcess.requireBinary("dnsmasq", "dnsmasq").toString();
        List<String> cmd = new ArrayList<>(List.of(binary, "--keep-in-foreground", "--conf-file=/dev/null",
                "--no-resolv", "--no-hosts", "--bind-interfaces", "--pid-file=", "--user=root",
                "--listen-address=" + address, "--port=53", "--local=/#/", "--local-ttl=1",
                "--log-queries", "--log-facility=" + lab.scratch().resolve(name + "-queries.log")));
        records.forEach((host, addrs) -> {
            if (!addrs.isEmpty()) {
                cmd.add("--host-record=" + host + "," + String.join(",", addrs));
            }
        });
        forward.forEach((domain, upstream) -> cmd.add("--server=/" + domain + "/" + upstream));
        return new LabDns(lab.start(namespace, name, cmd, "udp:" + address + ":53"), address);
    }

    /** {@return the server's address} */
    public String address() {
        return address;
    }

    @Override
    public void close() {
        process.close();
    }
}
