package dev.goferry.gomod.tlsroots;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Carries out a {@link RootsPlan} as Go's {@code loadSystemRoots} does, reading files below a
 * base directory: {@code /} for the real machine, a temporary folder in tests (the plan's
 * absolute paths are taken relative to it; symlink targets are followed by the real file
 * system).
 */
public final class SystemRootsLoader {

    private final Path base;

    private SystemRootsLoader(Path base) {
        this.base = base;
    }

    /** {@return a loader that reads the real machine's files} */
    public static SystemRootsLoader system() {
        return new SystemRootsLoader(Path.of("/"));
    }

    /** {@return a loader that reads the plan's paths below {@code base}} */
    public static SystemRootsLoader under(Path base) {
        return new SystemRootsLoader(base);
    }

    /** {@return the pool Go would build from {@code plan}} */
    public SystemRoots load(RootsPlan plan) {
        Pool pool = new Pool();
        List<RootsSource> sources = new ArrayList<>();
        Optional<String> firstError = Optional.empty();
        boolean used = false;
        for (String file : plan.files()) {
            if (used) {
                sources.add(new RootsSource.File(file, RootsSource.FileOutcome.NOT_TRIED, Optional.empty()));
                continue;
            }
            try {
                byte[] data = Files.readAllBytes(resolve(file));
                pool.addAll(data, file);
                sources.add(new RootsSource.File(file, RootsSource.FileOutcome.USED, Optional.empty()));
                used = true;
            } catch (NoSuchFileException e) {
                sources.add(new RootsSource.File(file, RootsSource.FileOutcome.NOT_FOUND, Optional.empty()));
            } catch (IOException e) {
                String reason = readError(file, resolve(file), e);
                sources.add(new RootsSource.File(file, RootsSource.FileOutcome.UNREADABLE, Optional.of(reason)));
                firstError = firstError.or(() -> Optional.of(reason));
            }
        }
        for (String dir : plan.directories()) {
            Path p = resolve(dir);
            List<String> read = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            List<Path> entries;
            try (Stream<Path> list = Files.list(p)) {
                entries = list.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                        .toList();
            } catch (NoSuchFileException e) {
                sources.add(new RootsSource.Directory(dir, false, Optional.empty(), read, skipped));
                continue;
            } catch (IOException | RuntimeException e) {
                String reason = listError(dir, e, plan.readdirentErrors());
                sources.add(new RootsSource.Directory(dir, false, Optional.of(reason), read, skipped));
                firstError = firstError.or(() -> Optional.of(reason));
                continue;
            }
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (isSameDirSymlink(entry)) {
                    skipped.add(name);
                    continue;
                }
                try {
                    byte[] data = Files.readAllBytes(entry);
                    pool.addAll(data, dir + "/" + name);
                    read.add(name);
                } catch (IOException e) {
                    // Go skips entries it cannot read (subdirectories, dangling links)
                }
            }
            sources.add(new RootsSource.Directory(dir, true, Optional.empty(), read, skipped));
        }
        Optional<String> error = pool.roots.isEmpty() ? firstError : Optional.empty();
        return new SystemRoots(plan, sources, pool.roots, error);
    }

    private Path resolve(String goPath) {
        return base.resolve(goPath.startsWith("/") ? goPath.substring(1) : goPath);
    }

    /** Go's isSameDirSymlink: a symlink whose target has no '/'. */
    private static boolean isSameDirSymlink(Path entry) {
        if (!Files.isSymbolicLink(entry)) {
            return false;
        }
        try {
            return !Files.readSymbolicLink(entry).toString().contains("/");
        } catch (IOException e) {
            return false;
        }
    }

    /** Go's *PathError text for os.ReadFile. */
    private static String readError(String path, Path resolved, IOException e) {
        if (e instanceof AccessDeniedException) {
            return "open " + path + ": permission denied";
        }
        if (Files.isDirectory(resolved)) {
            return "read " + path + ": is a directory";
        }
        return "open " + path + ": " + e.getMessage();
    }

    /** Go's *PathError text for os.ReadDir. */
    private static String listError(String path, Exception e, boolean readdirent) {
        if (e instanceof AccessDeniedException) {
            return "open " + path + ": permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return (readdirent ? "readdirent " : "open ") + path + ": not a directory";
        }
        return "open " + path + ": " + e.getMessage();
    }

    /**
     * A CertPool's de-duplication: the same DER is added once. Duplicates are recognised before
     * parsing (a Debian bundle and /etc/ssl/certs hold every root twice), which halves the work.
     */
    private static final class Pool {
        final List<TrustedRoot> roots = new ArrayList<>();
        final Set<ByteBuffer> seen = new HashSet<>();

        void addAll(byte[] pem, String file) {
            for (byte[] der : PemCertificates.derBlocks(pem)) {
                if (!seen.contains(ByteBuffer.wrap(der))) {
                    PemCertificates.parseDer(der).ifPresent(cert -> {
                        seen.add(ByteBuffer.wrap(der));
                        roots.add(new TrustedRoot(cert, file));
                    });
                }
            }
        }
    }
}
