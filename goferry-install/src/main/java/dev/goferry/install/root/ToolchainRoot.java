package dev.goferry.install.root;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import dev.goferry.install.index.GoVersion;

/**
 * The directory goferry installs toolchains into (default {@code ~/.goferry/go}):
 *
 * <pre>
 * root/.lock                 FileChannel lock: one installer at a time
 * root/downloads/            archives and resumable .part files
 * root/versions/go1.22.3/    one GOROOT per version (bin/go inside)
 * root/versions/go1.22.3.tmp being unpacked; renamed into place when complete
 * root/current -> versions/go1.22.3   switched atomically
 * </pre>
 *
 * A version directory exists only complete: it appears by one rename of a verified tree.
 */
public final class ToolchainRoot {

    private final Path dir;

    public ToolchainRoot(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    public Path versions() {
        return dir.resolve("versions");
    }

    public Path downloads() {
        return dir.resolve("downloads");
    }

    /** {@return the link the user's PATH points into: root/current/bin} */
    public Path current() {
        return dir.resolve("current");
    }

    /** {@return the GOROOT of an installed version name like go1.22.3} */
    public Path version(String version) {
        return versions().resolve(version);
    }

    /** {@return whether the version is installed (its directory exists; it only ever appears complete)} */
    public boolean installed(String version) {
        return Files.isDirectory(version(version), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Takes the root's lock, waiting for another goferry process holding it. Held for the whole
     * install/use/uninstall, so two runs cannot interleave their renames.
     */
    public Lock lock() throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(".lock");
        // File locks are per process: threads of one JVM queue on an in-process lock first.
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        local.lock();
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new Lock(channel, channel.lock(), local);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    /** The held lock of a root. */
    public record Lock(FileChannel channel, FileLock lock, ReentrantLock local) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                lock.release();
                channel.close();
            } finally {
                local.unlock();
            }
        }
    }

    /** {@return the installed versions, newest first} */
    public List<String> list() throws IOException {
        if (!Files.isDirectory(versions())) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(versions())) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && GoVersion.parse(name).isPresent()) {
                    names.add(name);
                }
            }
        }
        names.sort(Comparator.comparing((String n) -> GoVersion.parse(n).orElseThrow()).reversed());
        return names;
    }

    /** {@return the version "current" points at, if it points at an installed one} */
    public Optional<String> currentVersion() {
        try {
            Path target = Files.readSymbolicLink(current());
            String name = target.getFileName().toString();
            return installed(name) ? Optional.of(name) : Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /**
     * Moves a complete, verified GOROOT into place as {@code versions/<version>}. The tree must be
     * in {@link #versions()} (same file system) so the rename is atomic.
     */
    public Path adopt(Path complete, String version) throws IOException {
        Path dest = version(version);
        Files.move(complete, dest, StandardCopyOption.ATOMIC_MOVE);
        return dest;
    }

    /** Writes a toolchain's files into a staging directory. */
    @FunctionalInterface
    public interface Filler {
        void fill(Path staging) throws IOException;
    }

    /**
     * Unpacks a version into a fresh staging directory, checks that it is a Go toolchain (has
     * {@code bin/go}) and adopts it; on any failure the staging directory is removed, so nothing
     * half-unpacked is ever left under {@code versions/}.
     *
     * @param notToolchain the error message when the unpacked tree has no {@code bin/go}
     */
    public Path install(String version, String notToolchain, Filler filler) throws IOException {
        Path staging = staging(version);
        try {
            filler.fill(staging);
            if (!hasGoCommand(staging)) {
                throw new IOException(notToolchain);
            }
            return adopt(staging, version);
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
    }

    /** {@return whether a GOROOT tree has the go command (bin/go, or bin/go.exe for Windows archives)} */
    public static boolean hasGoCommand(Path goroot) {
        return Files.isRegularFile(goroot.resolve("bin/go")) || Files.isRegularFile(goroot.resolve("bin/go.exe"));
    }

    /** {@return a fresh, empty staging directory for unpacking a version (a stale one from a crash is removed)} */
    public Path staging(String version) throws IOException {
        Files.createDirectories(versions());
        Path tmp = versions().resolve(version + ".tmp");
        deleteTree(tmp);
        Files.createDirectory(tmp);
        return tmp;
    }

    /**
     * Points {@code current} at an installed version atomically: a new link is created beside it and
     * renamed over the old one, so a shell never sees {@code current} missing.
     */
    public void use(String version) throws IOException {
        if (!installed(version)) {
            throw new java.nio.file.NoSuchFileException(version(version).toString(), null, "not installed");
        }
        Path link = dir.resolve("current.new-" + ProcessHandle.current().pid());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, dir.relativize(version(version)));
        try {
            Files.move(link, current(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(link);
            throw e;
        }
    }

    /**
     * Removes an installed version: renamed aside first (atomic), then deleted, so a crash never
     * leaves a half-deleted version under its own name. The caller refuses the current version.
     */
    public void remove(String version) throws IOException {
        Path aside = versions().resolve(version + ".removing");
        deleteTree(aside);
        Files.move(version(version), aside, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(aside);
    }

    /** Deletes a tree without following links; absent is fine. Read-only directories are made writable first. */
    public static void deleteTree(Path tree) throws IOException {
        if (!Files.exists(tree, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                d.toFile().setWritable(true, true);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.delete(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
