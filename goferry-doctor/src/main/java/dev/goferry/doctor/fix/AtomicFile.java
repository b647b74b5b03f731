package dev.goferry.doctor.fix;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file's content in one step: a temporary file in the same folder, then a rename, so a
 * crash or a full disk never leaves a half-written go/env or report. Writes through a symbolic link
 * (as Go does for go/env), keeps an existing file's permissions, creates missing folders.
 */
public final class AtomicFile {

    private AtomicFile() {}

    /** Writes {@code content} to {@code file} atomically. */
    public static void write(Path file, byte[] content) throws IOException {
        Path target = file;
        if (Files.isSymbolicLink(target)) {
            target = target.toRealPath();
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, content);
            try {
                Files.setPosixFilePermissions(tmp, Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                        ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException | AccessDeniedException e) {
                // not a POSIX file system, or not ours to change: the defaults stand
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
