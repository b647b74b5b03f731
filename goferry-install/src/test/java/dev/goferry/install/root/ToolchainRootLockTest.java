package dev.goferry.install.root;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The root's lock is an OS file lock: it holds against another process, not only other threads. */
class ToolchainRootLockTest {

    @Test
    void anotherProcessHoldingTheLockExcludesThisOne(@TempDir Path tmp) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), tmp.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).as("child took the lock").isEqualTo("locked");
            try (FileChannel channel = FileChannel.open(tmp.resolve(".lock"), StandardOpenOption.WRITE)) {
                assertThat(channel.tryLock()).as("lock while the other process holds it").isNull();
                child.getOutputStream().close();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child exited").isTrue();
                try (FileLock lock = channel.tryLock()) {
                    assertThat(lock).as("lock after the other process released it").isNotNull();
                }
            }
        } finally {
            child.destroyForcibly();
        }
    }
}
