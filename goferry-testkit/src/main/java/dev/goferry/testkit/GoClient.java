package dev.goferry.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code go} command, run hermetically: the child sees only the variables a test passes
 * plus a minimal base (PATH, HOME, caches in a scratch folder, {@code GOTOOLCHAIN=local}), never
 * the developer's environment or go/env file.
 *
 * <p>Its view of name resolution is sealed too: where the machine allows it (root, util-linux
 * {@code unshare}), the child runs in a private mount namespace whose {@code /etc/resolv.conf}
 * names only 127.0.0.1 and whose {@code /etc/hosts} holds just the entries the test gives. A
 * lookup the test did not plan for then fails on loopback instead of sending a packet anywhere;
 * the network namespace stays shared, so servers the test runs on loopback are reachable.
 *
 * @param version the {@code go version} it reports, e.g. {@code go1.19.8}
 * @param goroot its GOROOT
 */
public record GoClient(String version, Path goroot) {

    /** {@return the go binary} */
    public Path binary() {
        return goroot.resolve("bin/go");
    }

    /** {@return the minor version: 19 for go1.19.8} */
    public int minor() {
        String[] parts = version.substring("go".length()).split("\\.");
        return Integer.parseInt(parts[1]);
    }

    /**
     * The hermetic base environment for a run whose scratch folder is {@code scratch}: HOME, the
     * build and module caches and the user config folder all live there, so nothing leaks in
     * from, or out to, the machine.
     */
    public Map<String, String> baseEnvironment(Path scratch) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", goroot.resolve("bin") + ":/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", scratch.resolve("home").toString());
        env.put("GOPATH", scratch.resolve("gopath").toString());
        env.put("GOCACHE", scratch.resolve("gocache").toString());
        env.put("GOTOOLCHAIN", "local");
        // Go 1.23+ telemetry would leave a child process writing under HOME after go exits,
        // racing the test's clean-up of its scratch folder.
        try {
            Path telemetry = scratch.resolve("home/.config/go/telemetry");
            Files.createDirectories(telemetry);
            Files.writeString(telemetry.resolve("mode"), "off");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env;
    }

    /**
     * Runs {@code go args…} in {@code dir} with exactly {@code env} (build it from
     * {@link #baseEnvironment}), waiting at most {@code timeoutSeconds}.
     */
    public GoResult run(Path dir, Map<String, String> env, long timeoutSeconds, String... args) {
        return run(dir, env, Map.of(), timeoutSeconds, args);
    }

    /**
     * Like {@link #run(Path, Map, long, String...)}, with extra {@code /etc/hosts} entries
     * (name → IP address, loopback only) visible to the child.
     */
    public GoResult run(Path dir, Map<String, String> env, Map<String, String> hosts, long timeoutSeconds,
                        String... args) {
        List<String> command = new ArrayList<>();
        if (ISOLATION) {
            Path view = sealedResolverView(dir, hosts);
            command.addAll(List.of("unshare", "--mount", "sh", "-c",
                    "mount --bind \"$0/resolv.conf\" /etc/resolv.conf && mount --bind \"$0/hosts\" /etc/hosts"
                            + " && exec \"$@\"",
                    view.toString()));
        } else if (!hosts.isEmpty()) {
            org.junit.jupiter.api.Assumptions.abort("needs root and unshare to give go its own /etc/hosts");
        }
        command.add(binary().toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            Files.createDirectories(dir);
            Process process = pb.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("go " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s");
            }
            return new GoResult(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Reports whether runs are sealed in a private resolver view (see the class comment). */
    public static boolean isolated() {
        return ISOLATION;
    }

    private static final boolean ISOLATION = detectIsolation();

    private static boolean detectIsolation() {
        try {
            Process p = new ProcessBuilder("unshare", "--mount", "true").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path sealedResolverView(Path dir, Map<String, String> hosts) {
        try {
            Path parent = dir.toAbsolutePath().getParent() == null ? dir : dir.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path view = Files.createTempDirectory(parent, "resolver-view");
            Files.writeString(view.resolve("resolv.conf"), "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");
            StringBuilder h = new StringBuilder("127.0.0.1 localhost\n::1 localhost ip6-localhost\n");
            hosts.forEach((name, ip) -> h.append(ip).append(' ').append(name).append('\n'));
            Files.writeString(view.resolve("hosts"), h.toString());
            return view;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The outcome of one run. */
    public record GoResult(int exitCode, String stdout, String stderr) {}
}
