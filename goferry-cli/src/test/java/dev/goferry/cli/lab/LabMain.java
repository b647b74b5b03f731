package dev.goferry.cli.lab;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Holds a {@link GoWorld} open for scripts (bench/doctor.sh): builds it in the folder given as the
 * only argument, writes {@code lab.env} there (the client namespace and the user's environment as
 * shell assignments without quotes: no value holds a space), prints {@code ready}, then obeys
 * lines on standard input: {@code blackhole}
 * (the world drops every TCP packet from the client: no server answers at all), {@code restore},
 * and end of input, which tears the lab down.
 */
public final class LabMain {

    private LabMain() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        try (GoWorld world = GoWorld.start(dir)) {
            Map<String, String> env = world.environment();
            String assignments = env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" "));
            Files.writeString(dir.resolve("lab.env"), "CLIENT_NS=" + world.lab.client() + "\nWORLD_NS="
                    + world.lab.world() + "\nLAB_DNS=" + GoWorld.DNS + "\nPUBLIC_DNS=" + GoWorld.PUBLIC_DNS
                    + "\nLAB_CA=" + world.ca.caPem() + "\nLAB_ENV=\"" + assignments + "\"\n");
            System.out.println("ready");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                switch (line.strip()) {
                    case "blackhole" -> world.firewall("-s", "11.77.0.2", "-p", "tcp", "-j", "DROP");
                    case "restore" -> world.restore();
                    default -> { }
                }
                System.out.println("ok " + line.strip());
                System.out.flush();
            }
        }
    }
}
