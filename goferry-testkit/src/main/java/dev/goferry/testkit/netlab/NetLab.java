package dev.goferry.testkit.netlab;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A fault lab made of real Linux network namespaces: a <em>client</em> namespace, where the program
 * under test runs, joined by a veth pair to a <em>world</em> namespace that holds every server the
 * client can reach (DNS, web, proxies), each on an address of the lab's own choosing. The world has
 * no interface but that veth, so nothing in the lab can reach this machine's networks or the
 * internet; the client's default route points into the world.
 *
 * <p>{@code ip netns exec} gives a process its namespace's {@code /etc/netns/NAME/resolv.conf} and
 * {@code hosts} in place of the machine's: {@link #writeEtc} writes them. Everything the lab made
 * (namespaces, those files, servers started through {@link #start}) is removed by {@link #close()},
 * also when a test fails. Needs root and iproute2; a test is skipped with a clear message otherwise.
 */
public final class NetLab implements AutoCloseable {

    /** The lab's network: addresses here exist only inside the lab's namespaces. */
    public static final String PREFIX = "11.77.";

    /** The world's address on the veth, and the client's default gateway. */
    public static final String GATEWAY = PREFIX + "0.1";

    /** The client's address. */
    public static final String CLIENT = PREFIX + "0.2";

    private final String id;
    private final Path scratch;
    private final List<String> namespaces = new ArrayList<>();
    private final Deque<AutoCloseable> cleanup = new ArrayDeque<>();

    private NetLab(String id, Path scratch) {
        this.id = id;
        this.scratch = scratch;
    }

    /**
     * Creates the client and world namespaces in {@code scratch}'s name space of this run: unique
     * names, loopback up in both, the veth pair with {@link #CLIENT} and {@link #GATEWAY}, and a
     * default route in the client only.
     */
    public static NetLab create(Path scratch) {
        requireRoot();
        ServerProcess.requireBinary("ip", "iproute2");
        String id = "gfl" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        NetLab lab = new NetLab(id, scratch);
        try {
            lab.namespace(lab.client());
            lab.namespace(lab.world());
            ip("link", "add", id + "c", "netns", lab.client(), "type", "veth", "peer", "name", id + "w", "netns",
                    lab.world());
            lab.exec(lab.client(), "ip", "addr", "add", CLIENT + "/16", "dev", id + "c");
            lab.exec(lab.client(), "ip", "link", "set", id + "c", "up");
            lab.exec(lab.world(), "ip", "addr", "add", GATEWAY + "/16", "dev", id + "w");
            lab.exec(lab.world(), "ip", "link", "set", id + "w", "up");
            lab.exec(lab.client(), "ip", "route", "add", "default", "via", GATEWAY);
            lab.writeEtc(lab.client(), "nameserver 127.0.0.1\n", "127.0.0.1 localhost\n");
            lab.writeEtc(lab.world(), "nameserver 127.0.0.1\n", "127.0.0.1 localhost\n");
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /**
     * Creates one more namespace with nothing but loopback (a machine with no network at all),
     * removed with the lab.
     */
    public String isolated(String suffix) {
        String name = id + "-" + suffix;
        namespace(name);
        writeEtc(name, "nameserver " + PREFIX + "0.53\n", "127.0.0.1 localhost\n");
        return name;
    }

    /** {@return the client namespace's name} */
    public String client() {
        return id + "-c";
    }

    /** {@return the world namespace's name} */
    public String world() {
        return id + "-w";
    }

    /** {@return the world's end of the veth} */
    public String worldInterface() {
        return id + "w";
    }

    /** {@return the client's end of the veth} */
    public String clientInterface() {
        return id + "c";
    }

    /** {@return the folder for the lab's files} */
    public Path scratch() {
        return scratch;
    }

    /** Gives the world one more address (a server's), reachable from the client. */
    public void addWorldAddress(String address) {
        exec(world(), "ip", "addr", "add", address + (address.contains(":") ? "/128" : "/32"), "dev", id + "w");
    }

    /** Gives both ends IPv6 addresses in {@code prefix}::/64 ({@code ::1} world, {@code ::2} client), without DAD. */
    public void enableIpv6(String prefix) {
        exec(world(), "ip", "addr", "add", prefix + "::1/64", "dev", id + "w", "nodad");
        exec(client(), "ip", "addr", "add", prefix + "::2/64", "dev", id + "c", "nodad");
    }

    /** Writes the resolv.conf and hosts that processes in {@code namespace} see. */
    public void writeEtc(String namespace, String resolvConf, String hosts) {
        try {
            Path etc = Files.createDirectories(Path.of("/etc/netns", namespace));
            Files.writeString(etc.resolve("resolv.conf"), resolvConf);
            Files.writeString(etc.resolve("hosts"), hosts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds an iptables rule to the world's INPUT chain, e.g. {@code "-p", "tcp", "-j", "DROP"}. */
    public void firewall(String... rule) {
        List<String> cmd = new ArrayList<>(List.of("iptables", "-w", "-A", "INPUT"));
        cmd.addAll(List.of(rule));
        requireIptables();
        exec(world(), cmd.toArray(String[]::new));
    }

    /** Removes every iptables rule of the world's INPUT chain. */
    public void clearFirewall() {
        requireIptables();
        exec(world(), "iptables", "-w", "-F", "INPUT");
    }

    /** Shapes what the world sends to the client with a token bucket ({@code tc tbf}), e.g. rate "256kbit". */
    public void shape(String rate, String burst, String latency) {
        ServerProcess.requireBinary("tc", "iproute2");
        exec(world(), "tc", "qdisc", "replace", "dev", id + "w", "root", "tbf", "rate", rate, "burst", burst,
                "latency", latency);
    }

    /** Removes the world's shaping. */
    public void clearShaping() {
        execAllowingFailure(world(), "tc", "qdisc", "del", "dev", id + "w", "root");
    }

    /**
     * Starts a server process in {@code namespace} (stopped by {@link #close()} at the latest) and
     * waits until a socket listens on {@code listen} ({@code tcp:ADDR:PORT} or {@code udp:ADDR:PORT}).
     */
    public ServerProcess start(String namespace, String name, List<String> command, String listen) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        cmd.addAll(command);
        ServerProcess p = ServerProcess.start(name, cmd, scratch, () -> listening(namespace, listen));
        cleanup.push(p);
        return p;
    }

    /** Reports whether a socket in {@code namespace} listens on {@code tcp:ADDR:PORT} or {@code udp:ADDR:PORT}. */
    public boolean listening(String namespace, String listen) {
        String[] p = listen.split(":", 2);
        String flag = p[0].equals("udp") ? "-Hlnu" : "-Hlnt";
        String out = execAllowingFailure(namespace, "ss", flag);
        String want = p[1];
        if (want.contains("::") || want.chars().filter(c -> c == ':').count() > 1) {
            int colon = want.lastIndexOf(':');
            want = "[" + want.substring(0, colon) + "]" + want.substring(colon);
        }
        for (String line : out.split("\n")) {
            for (String field : line.trim().split("\\s+")) {
                if (field.equals(want) || field.equals("[::ffff:" + p[1].replaceFirst(":\\d+$", "]")
                        + want.substring(want.lastIndexOf(':'))) || field.startsWith(want.substring(0, want.lastIndexOf(':')) + "%")
                        && field.endsWith(want.substring(want.lastIndexOf(':')))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Runs {@code command} in {@code namespace} (at most 20 s) and returns its output; fails on a non-zero exit. */
    public String exec(String namespace, String... command) {
        Result r = run(namespace, command);
        if (r.exit() != 0) {
            throw new IllegalStateException("in namespace " + namespace + ": " + String.join(" ", command)
                    + ": exit " + r.exit() + ": " + r.output());
        }
        return r.output();
    }

    /** Like {@link #exec} but returns the output whatever the exit code. */
    public String execAllowingFailure(String namespace, String... command) {
        return run(namespace, command).output();
    }

    private record Result(int exit, String output) {}

    private static Result run(String namespace, String... command) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        cmd.addAll(List.of(command));
        return runCommand(cmd);
    }

    private static void ip(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        Result r = runCommand(cmd);
        if (r.exit() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + ": exit " + r.exit() + ": " + r.output());
        }
    }

    private static Result runCommand(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
                    new java.io.File("/dev/null"))).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + ": did not finish in 20 s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", cmd), e);
        }
    }

    private void namespace(String name) {
        ip("netns", "add", name);
        namespaces.add(name);
        exec(name, "ip", "link", "set", "lo", "up");
    }

    private static void requireRoot() {
        String user = System.getProperty("user.name");
        Assumptions.assumeTrue("root".equals(user), "the network lab needs root (network namespaces); running as "
                + user + ": skipping");
    }

    private static void requireIptables() {
        ServerProcess.requireBinary("iptables", "iptables");
    }

    /** Stops the lab's servers, deletes its namespaces (and with them the veth pair) and their /etc files. */
    @Override
    public void close() {
        while (!cleanup.isEmpty()) {
            try {
                cleanup.pop().close();
            } catch (Exception e) {
                // best effort: the namespaces below go anyway
            }
        }
        for (String ns : namespaces.reversed()) {
            runCommand(List.of("ip", "netns", "pids", ns)).output().lines().forEach(pid -> runCommand(
                    List.of("kill", "-9", pid.strip())));
            runCommand(List.of("ip", "netns", "del", ns));
            Path etc = Path.of("/etc/netns", ns);
            try {
                Files.deleteIfExists(etc.resolve("resolv.conf"));
                Files.deleteIfExists(etc.resolve("hosts"));
                Files.deleteIfExists(etc);
            } catch (IOException e) {
                // leave it: a name of a deleted namespace is harmless
            }
        }
        namespaces.clear();
    }

    @Override
    public String toString() {
        return "lab " + id;
    }
}
