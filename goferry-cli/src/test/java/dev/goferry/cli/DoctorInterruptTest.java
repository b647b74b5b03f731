package dev.goferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on a real {@code goferry doctor} process: SIGINT while every target hangs on a loopback
 * server that accepts and never answers; the shutdown hook lets the run report what it knows
 * before the JVM exits. Every target is on 127.0.0.1 (an IP literal: no DNS query), the release
 * index and download host are off, public DNS is off, the checksum database is off.
 */
class DoctorInterruptTest {

    @Test
    void sigintPrintsWhatIsKnownSoFar(@TempDir Path home) throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        // Connections that sent a request: the TCP layer's probes connect and close without a byte.
        List<Socket> requested = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                while (!silent.isClosed()) {
                    try {
                        Socket s = silent.accept();
                        accepted.add(s);
                        Thread.ofVirtual().start(() -> {
                            try {
                                if (s.getInputStream().read() >= 0) {
                                    requested.add(s);
                                }
                            } catch (IOException e) {
                                // closed: not a request
                            }
                        });
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            String goproxy = "http://127.0.0.1:" + silent.getLocalPort();
            // env --default-signal=INT: a build started in the background of a script inherits SIGINT
            // ignored, and a JVM started with SIGINT ignored keeps ignoring it (as nohup wants); a
            // user's terminal delivers Ctrl-C to a process with the default disposition.
            ProcessBuilder pb = new ProcessBuilder("/usr/bin/env", "--default-signal=INT",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "doctor", "--no-public-dns",
                    "--release-index", "off", "--release-download", "off", "--timeout", "60s", "--lang", "en");
            pb.environment().clear();
            pb.environment().putAll(java.util.Map.of("GOPROXY", goproxy, "GOSUMDB", "off", "GOFLAGS", "",
                    "HOME", home.toString()));
            Process p = pb.start();
            try {
                p.getOutputStream().close();
                CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
                CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
                for (int i = 0; i < 200 && requested.size() < 2 && p.isAlive(); i++) {
                    Thread.sleep(100);  // until both targets (module list, toolchain) hang at the HTTP layer
                }
                assertThat(requested).as("the run reached the silent proxy; err: %s",
                        p.isAlive() ? "" : err.join()).hasSizeGreaterThanOrEqualTo(2);

                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
                assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("the process ends after SIGINT").isTrue();

                String text = out.join();
                assertThat(text).as("stdout; stderr:\n%s", err.join()).contains(
                        "[goproxy:" + goproxy + "]", "[toolchain:" + goproxy + "]", "Root causes",
                        "goproxy:" + goproxy + ": ");
                assertThat(text).contains("✓ tcp");
                assertThat(p.exitValue()).as("killed by SIGINT").isEqualTo(130);
            } finally {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                acceptor.interrupt();
            }
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
