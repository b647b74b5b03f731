package dev.goferry.gomod.httpproxy;

import dev.goferry.testkit.GoClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The small Go programs under {@code src/test/resources/go/<name>}, built once per client per
 * test run by that real client ({@code GOFLAGS=-mod=mod GOPROXY=off}: they have no
 * dependencies, so nothing is fetched) and run directly with exactly the environment a case
 * gives. Their build cache lives under {@code target/} so a second run skips compiling the
 * standard library.
 */
public final class GoPrograms {

    private static final Map<String, Path> BUILT = new ConcurrentHashMap<>();
    private static final Path SCRATCH = scratch();

    private GoPrograms() {}

    /** {@return the binary of program {@code name} built by {@code client}} */
    public static synchronized Path build(GoClient client, String name) {
        String key = client.version() + "/" + name;
        Path done = BUILT.get(key);
        if (done != null) {
            return done;
        }
        try {
            Path source = Path.of(GoPrograms.class.getResource("/go/" + name).toURI());
            Path work = SCRATCH.resolve(client.version()).resolve(name);
            copyTree(source, work.resolve("src"));
            Map<String, String> env = new java.util.HashMap<>(client.baseEnvironment(work));
            env.put("GOCACHE", Path.of("target", "go-build-cache", client.version()).toAbsolutePath().toString());
            env.put("GOFLAGS", "-mod=mod");
            env.put("GOPROXY", "off");
            env.put("GOSUMDB", "off");
            Path binary = work.resolve(name);
            GoClient.GoResult r = client.run(work.resolve("src"), env, 300, "build", "-o", binary.toString(), ".");
            if (r.exitCode() != 0) {
                throw new AssertionError(client.version() + " go build " + name + " failed:\n" + r.stderr());
            }
            BUILT.put(key, binary);
            return binary;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@return the stdout lines of {@code binary args…} run with exactly {@code env}, in at most 30 s} */
    public static List<String> run(Path binary, Map<String, String> env, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(binary.getParent().toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError(binary + " did not finish in 30 s");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(binary + " exited " + p.exitValue() + ":\n" + err.join());
            }
            return out.join().lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
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

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path scratch() {
        try {
            Path dir = Files.createTempDirectory("goferry-goprograms");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().setWritable(true));
        } catch (IOException ignored) {
            // best effort
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
