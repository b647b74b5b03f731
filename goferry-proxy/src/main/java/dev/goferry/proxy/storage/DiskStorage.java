package dev.goferry.proxy.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Objects as files in a data folder laid out exactly as the GOPROXY URL space, so the folder is
 * itself a valid {@code GOPROXY=file://…} tree and can be served by any static web server.
 *
 * <p>A download goes to a scratch file in {@value #SCRATCH_DIR} inside the data folder (same file
 * system, so the final rename is atomic, and no folder is created for a module that turns out not
 * to exist). Once verified it is fsynced, renamed over the target, and the target's folder is
 * fsynced. No storage key can point into the scratch folder (a module path element never starts
 * with a dot) and scratch names end in {@value #PARTIAL_SUFFIX}, which no key ends in, so a
 * partial file is never served. Scratch files left by a crash are removed by
 * {@link #sweepPartials()} at start-up; the folder is assumed to belong to one running server.
 */
public final class DiskStorage implements Storage {

    /** The ending of every scratch file. */
    public static final String PARTIAL_SUFFIX = ".goferry-partial";

    /** The folder of downloads in progress, inside the data folder so a rename is atomic. */
    public static final String SCRATCH_DIR = ".goferry-tmp";

    private final Path root;
    private final Path scratchDir;

    public DiskStorage(Path root) throws IOException {
        Files.createDirectories(root);
        this.root = root.toRealPath();
        this.scratchDir = Files.createDirectories(this.root.resolve(SCRATCH_DIR));
    }

    /** {@return the data folder} */
    public Path root() {
        return root;
    }

    @Override
    public Optional<StoredObject> get(String key) throws IOException {
        Path file = resolve(key);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!attributes.isRegularFile()) {
            return Optional.empty();
        }
        return Optional.of(new StoredObject(key, attributes.size(), attributes.lastModifiedTime().toInstant(),
                () -> Files.newInputStream(file), Optional.of(file)));
    }

    @Override
    public void put(String key, Path scratch) throws IOException {
        Path target = resolve(key);
        if (!scratch.getParent().equals(scratchDir) || !scratch.getFileName().toString().endsWith(PARTIAL_SUFFIX)) {
            throw new IllegalArgumentException("not a scratch file: " + scratch);
        }
        try (FileChannel ch = FileChannel.open(scratch, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.createDirectories(target.getParent());
        Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsyncDirectory(target.getParent());
    }

    @Override
    public Path scratch(String key) throws IOException {
        resolve(key);
        return Files.createTempFile(scratchDir, "", PARTIAL_SUFFIX);
    }

    /** Removes scratch files a crash left behind; {@return how many} */
    public int sweepPartials() throws IOException {
        int[] count = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (file.getFileName().toString().endsWith(PARTIAL_SUFFIX) && Files.deleteIfExists(file)) {
                    count[0]++;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return count[0];
    }

    /**
     * Maps a key to its file. Keys come from validated module paths and versions; the containment
     * check is a second, independent guard.
     */
    private Path resolve(String key) {
        if (key.isEmpty() || key.startsWith("/") || key.contains("\\") || key.contains("\0")) {
            throw new IllegalArgumentException("bad storage key \"" + key + "\"");
        }
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("storage key \"" + key + "\" leaves the data folder");
        }
        return file;
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems cannot fsync a directory; the rename itself is still atomic.
        }
    }

    @Override
    public String toString() {
        return "disk " + root;
    }

}
