package dev.goferry.install.unpack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Unpacks an official Go archive ({@code go<V>.<os>-<arch>.tar.gz} or {@code .zip}, every entry
 * under {@code go/}) into a directory that becomes the GOROOT: the leading {@code go/} is dropped.
 * Refuses, before writing the entry, anything that could land outside the target: absolute names,
 * {@code ..} elements, entries outside {@code go/}, symbolic or hard links whose target leaves the
 * tree, device files. Unix permission bits are kept (executables stay executable).
 *
 * <p>The caller unpacks into a fresh temporary directory and deletes it on any exception, so a
 * refused archive leaves nothing behind.
 */
public final class SafeUnpacker {

    /** No Go release comes close; stops a decompression bomb filling the disk. */
    static final long MAX_TOTAL_BYTES = 4L << 30;
    static final int MAX_ENTRIES = 200_000;

    private SafeUnpacker() {}

    /** Unpacks {@code archive} (by its name: .tar.gz/.tgz or .zip) into the existing empty directory {@code target}. */
    public static void unpack(Path archive, Path target) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), 256 * 1024)) {
            unpack(raw, archive.getFileName().toString(), target);
        }
    }

    /**
     * Unpacks the archive read from {@code raw} (its type from {@code name}: .tar.gz/.tgz or .zip) into
     * the existing empty directory {@code target}: the same checks as for a file, for unpacking while
     * the bytes are still arriving. Reads only as far as the archive's end; closing {@code raw} is the
     * caller's business.
     */
    public static void unpack(InputStream raw, String name, Path target) throws IOException {
        // closing the archive streams frees the inflater's native memory but must not close raw
        InputStream shielded = new java.io.FilterInputStream(raw) {
            @Override
            public void close() {
            }
        };
        if (name.endsWith(".zip")) {
            try (ZipArchiveInputStream zip = new ZipArchiveInputStream(shielded)) {
                entries(zip, target);
            }
        } else if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(shielded, 64 * 1024))) {
                entries(tar, target);
            }
        } else {
            throw new IOException("unpack \"" + name + "\": unknown archive type (want .tar.gz or .zip)");
        }
    }

    /**
     * Writes the entries. The target is empty (a fresh staging folder), so every link and folder in
     * it is one this loop made: they are tracked in memory instead of asked of the file system, which
     * keeps unpacking a 12,000-file toolchain to about what tar itself needs in system calls. Files
     * small enough to hold in memory are created by a {@link ParallelFileWriter} while this thread
     * reads on; on any failure the writers are stopped before the exception leaves, so the caller's
     * clean-up of the target cannot race a file still being created.
     */
    private static void entries(ArchiveInputStream<?> in, Path target) throws IOException {
        ParallelFileWriter writer = ParallelFileWriter.start();
        boolean ok = false;
        try {
            entries(in, target, writer);
            writer.finish();
            ok = true;
        } finally {
            if (!ok) {
                writer.abandon();
                writer.close();
            }
        }
    }

    private static void entries(ArchiveInputStream<?> in, Path target, ParallelFileWriter writer) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Set<Path> links = new HashSet<>();
        Set<Path> dirs = new HashSet<>();
        Set<Path> files = new HashSet<>();
        dirs.add(root);
        byte[] buffer = new byte[128 * 1024];
        long total = 0;
        int count = 0;
        for (ArchiveEntry entry; (entry = in.getNextEntry()) != null; ) {
            writer.check();
            if (++count > MAX_ENTRIES) {
                throw new UnsafeArchiveException(entry.getName(), "more than " + MAX_ENTRIES + " entries");
            }
            Path dest;
            try {
                dest = destination(root, entry.getName());
            } catch (java.nio.file.InvalidPathException e) {
                throw new IOException("archive entry \"" + entry.getName() + "\": the name cannot be written in this locale's file name encoding ("
                        + System.getProperty("sun.jnu.encoding") + "); run with a UTF-8 locale, e.g. LC_CTYPE=C.UTF-8", e);
            }
            if (dest == null) {
                continue; // the "go/" directory itself
            }
            for (Path p = dest.getParent(); p != null && !p.equals(root); p = p.getParent()) {
                if (links.contains(p)) {
                    throw new UnsafeArchiveException(entry.getName(), "entry below a symbolic link");
                }
            }
            if (entry instanceof TarArchiveEntry t && (t.isCharacterDevice() || t.isBlockDevice() || t.isFIFO())) {
                throw new UnsafeArchiveException(entry.getName(), "device or fifo entries are not allowed");
            }
            if (entry instanceof ZipArchiveEntry z && z.isUnixSymlink()) {
                throw new UnsafeArchiveException(entry.getName(), "symbolic links in zip archives are not allowed");
            }
            if (links.contains(dest) || files.contains(dest)) {
                throw new UnsafeArchiveException(entry.getName(), "duplicate entry");
            }
            if (entry.isDirectory()) {
                mkdirs(dest, dirs);
                continue;
            }
            mkdirs(dest.getParent(), dirs);
            String linkTarget = link(entry);
            if (linkTarget != null) {
                boolean hard = entry instanceof TarArchiveEntry t && t.isLink();
                if (hard) {
                    Path source = destination(root, linkTarget);
                    if (source == null || !files.contains(source)) {
                        throw new UnsafeArchiveException(entry.getName(), "hard link to \"" + linkTarget + "\" outside the tree or to nothing");
                    }
                    writer.drain(); // the source may still be queued
                    Files.copy(source, dest, StandardCopyOption.COPY_ATTRIBUTES);
                    files.add(dest);
                } else {
                    checkSymlink(root, dest, entry.getName(), linkTarget, links);
                    Files.createSymbolicLink(dest, dest.getFileSystem().getPath(linkTarget));
                    links.add(dest);
                }
                continue;
            }
            int mode = mode(entry);
            long size = entry.getSize();
            if (size >= 0 && size <= ParallelFileWriter.MAX_QUEUED_FILE) {
                byte[] content = readEntry(in, entry, (int) size);
                total += content.length;
                checkTotal(entry, total);
                writer.write(dest, content, content.length, mode);
            } else {
                total = stream(in, entry, dest, mode, buffer, total);
            }
            files.add(dest);
        }
        if (count == 0) {
            throw new IOException("unpack: the archive is empty");
        }
    }

    /** {@return the whole content of a small entry}, refusing one longer than its header says. */
    private static byte[] readEntry(InputStream in, ArchiveEntry entry, int size) throws IOException {
        byte[] content = new byte[size];
        int at = 0;
        while (at < size) {
            int n = in.read(content, at, size - at);
            if (n < 0) {
                throw new IOException("archive entry \"" + entry.getName() + "\": truncated: " + at + " of " + size + " bytes");
            }
            at += n;
        }
        if (in.read() >= 0) {
            throw new IOException("archive entry \"" + entry.getName() + "\": longer than the " + size + " bytes its header says");
        }
        return content;
    }

    /** Writes a big (or unsized) entry from the stream on this thread; {@return the new running total} */
    private static long stream(InputStream in, ArchiveEntry entry, Path dest, int mode, byte[] buffer, long total) throws IOException {
        try (FileChannel out = mode >= 0 && ParallelFileWriter.posix()
                ? FileChannel.open(dest, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ParallelFileWriter.modeAttribute(mode))
                : FileChannel.open(dest, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                checkTotal(entry, total);
                ByteBuffer slice = ByteBuffer.wrap(buffer, 0, n);
                while (slice.hasRemaining()) {
                    out.write(slice);
                }
            }
        }
        ParallelFileWriter.fixExecutable(dest, mode);
        return total;
    }

    private static void checkTotal(ArchiveEntry entry, long total) throws UnsafeArchiveException {
        if (total > MAX_TOTAL_BYTES) {
            throw new UnsafeArchiveException(entry.getName(), "archive unpacks to more than " + MAX_TOTAL_BYTES + " bytes");
        }
    }

    private static void mkdirs(Path dir, Set<Path> dirs) throws IOException {
        if (dirs.add(dir)) {
            Files.createDirectories(dir);
            for (Path p = dir.getParent(); p != null && dirs.add(p); p = p.getParent()) {
                // parents now exist
            }
        }
    }

    /**
     * {@return where an entry goes under root, or null for the top "go/" directory}; refuses names
     * that are absolute, contain "..", or lie outside "go/".
     */
    static Path destination(Path root, String name) throws UnsafeArchiveException {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            throw new UnsafeArchiveException(name, "absolute path");
        }
        for (String element : n.split("/")) {
            if (element.equals("..")) {
                throw new UnsafeArchiveException(name, "path escapes the target (..)");
            }
            if (element.indexOf('\0') >= 0) {
                throw new UnsafeArchiveException(name, "NUL in name");
            }
        }
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        if (n.equals("go") || n.equals("go/")) {
            return null;
        }
        if (!n.startsWith("go/")) {
            throw new UnsafeArchiveException(name, "outside the go/ directory of an official archive");
        }
        Path dest = root.resolve(n.substring(3)).normalize();
        if (!dest.startsWith(root) || dest.equals(root)) {
            throw new UnsafeArchiveException(name, "path escapes the target");
        }
        return dest;
    }

    private static void checkSymlink(Path root, Path dest, String name, String linkTarget, Set<Path> links)
            throws UnsafeArchiveException {
        String t = linkTarget.replace('\\', '/');
        if (t.isEmpty() || t.startsWith("/") || t.matches("^[A-Za-z]:.*")) {
            throw new UnsafeArchiveException(name, "symbolic link to absolute path \"" + linkTarget + "\"");
        }
        // Walk the target one element at a time: never above root, and never through an existing
        // link (a link's ".." is relative to where the link points, which lexical checks get wrong).
        String[] elements = t.split("/");
        Path at = dest.getParent();
        for (int i = 0; i < elements.length; i++) {
            String e = elements[i];
            if (e.isEmpty() || e.equals(".")) {
                continue;
            }
            at = e.equals("..") ? at.getParent() : at.resolve(e);
            if (at == null || !at.startsWith(root)) {
                throw new UnsafeArchiveException(name, "symbolic link to \"" + linkTarget + "\" escapes the target");
            }
            if (i < elements.length - 1 && links.contains(at)) {
                throw new UnsafeArchiveException(name, "symbolic link to \"" + linkTarget + "\" passes through another link");
            }
        }
    }

    private static String link(ArchiveEntry entry) {
        if (entry instanceof TarArchiveEntry t && (t.isSymbolicLink() || t.isLink())) {
            return t.getLinkName();
        }
        return null;
    }

    private static int mode(ArchiveEntry entry) {
        if (entry instanceof TarArchiveEntry t) {
            return t.getMode() & 0777;
        }
        if (entry instanceof ZipArchiveEntry z && z.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX) {
            return z.getUnixMode() & 0777;
        }
        return -1;
    }
}
