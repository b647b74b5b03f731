package dev.goferry.install.root;

import java.nio.file.Path;

/** Child process for {@link ToolchainRootLockTest}: takes a root's lock, says so, holds it until stdin closes. */
public final class LockHolder {
    public static void main(String[] args) throws Exception {
        try (ToolchainRoot.Lock lock = new ToolchainRoot(Path.of(args[0])).lock()) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the parent closes our stdin
            }
        }
    }
}
