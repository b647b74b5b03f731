package dev.goferry.testkit.netlab;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real server binary (dnsmasq, nginx, tinyproxy) run in the foreground by a test, stopped by
 * {@link #close()} (use try-with-resources or an {@code @AfterEach}). Output goes to a log file in
 * the test's scratch folder, shown in the failure message when the server does not come up.
 */
public final class ServerProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Aborts the test (skips it) with a clear message when {@code binary} is not installed. */
    public static Path requireBinary(String binary, String debianPackage) {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin")) {
            Path p = Path.of(dir, binary);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        Assumptions.abort(binary + " is not installed (Debian package " + debianPackage + "); skipping");
        return null;
    }

    /** Starts {@code command}, then waits up to 10 s for {@code ready}. */
    public static ServerProcess start(String name, List<String> command, Path scratch, BooleanSupplier ready) {
        Path log = scratch.resolve(name + ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ServerProcess server = new ServerProcess(name, p, log);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new AssertionError(name + " exited with " + p.exitValue() + ": " + server.log());
                }
                if (ready.getAsBoolean()) {
                    return server;
                }
                Thread.sleep(50);
            }
            server.close();
            throw new AssertionError(name + " did not become ready in 10 s: " + server.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** {@return the server's output so far} */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return name + " pid " + process.pid();
    }
}
