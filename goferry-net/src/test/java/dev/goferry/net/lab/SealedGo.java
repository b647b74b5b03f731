package dev.goferry.net.lab;

import dev.goferry.testkit.GoClient;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real go command with a resolv.conf and hosts file of the test's own text, bind-mounted
 * over /etc in a private mount namespace (the testkit's {@code GoClient.run} fixes both files to a
 * loopback-only default; resolver tests need to choose them). Needs root and util-linux unshare.
 */
public final class SealedGo {

    private SealedGo() {}

    /** Runs {@code go args…} and returns its combined output. */
    public static String run(GoClient go, Path scratch, String resolvConf, String hosts, Map<String, String> env,
                             String... args) throws IOException, InterruptedException {
        Assumptions.assumeTrue(GoClient.isolated(), "needs root and unshare to give go its own resolv.conf and hosts");
        Path view = Files.createDirectories(scratch.resolve("view"));
        Files.writeString(view.resolve("resolv.conf"), resolvConf);
        Files.writeString(view.resolve("hosts"), hosts);
        Path work = Files.createDirectories(scratch.resolve("work"));
        List<String> cmd = new java.util.ArrayList<>(List.of("unshare", "--mount", "sh", "-c",
                "mount --bind \"$0/resolv.conf\" /etc/resolv.conf && mount --bind \"$0/hosts\" /etc/hosts"
                        + " && exec \"$@\"", view.toString(), go.binary().toString()));
        cmd.addAll(List.of(args));
        Path out = scratch.resolve("go.out");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("go " + String.join(" ", args) + " did not finish in 60 s: "
                    + Files.readString(out, StandardCharsets.UTF_8));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
