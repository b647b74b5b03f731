package dev.goferry.install.lab;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Go archives for the lab: a REAL one, repacked from the Debian Go 1.19.8 toolchain so the
 * installed tree runs {@code go version} (which needs only {@code bin/go}), laid out like the
 * official ones ({@code go/…}); and hand-made malicious ones.
 */
public final class TestArchives {

    /** The Debian toolchain the real archive is repacked from. */
    public static final Path DEBIAN_GO = Path.of("/usr/lib/go-1.19");
    public static final String VERSION = "go1.19.8";
    public static final String NAME = "go1.19.8.linux-amd64.tar.gz";

    private static Path real;

    private TestArchives() {}

    /** One tar entry to write. */
    public sealed interface Entry permits Dir, File, Symlink, Hardlink {
        String name();
    }

    public record Dir(String name) implements Entry {}

    public record File(String name, int mode, byte[] content) implements Entry {}

    public record Symlink(String name, String target) implements Entry {}

    public record Hardlink(String name, String target) implements Entry {}

    /** {@return go1.19.8.linux-amd64.tar.gz built once per test JVM: go/VERSION and go/bin/go} */
    public static synchronized Path realArchive() {
        if (real == null) {
            try {
                Path dir = Files.createTempDirectory("goferry-lab-archive");
                dir.toFile().deleteOnExit();
                Path archive = dir.resolve(NAME);
                tarGz(archive, List.of(
                        new Dir("go/"),
                        new File("go/VERSION", 0644, Files.readAllBytes(DEBIAN_GO.resolve("VERSION"))),
                        new Dir("go/bin/"),
                        new File("go/bin/go", 0755, Files.readAllBytes(DEBIAN_GO.resolve("bin/go")))));
                archive.toFile().deleteOnExit();
                real = archive;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return real;
    }

    /** Writes a gzip'd tar of exactly these entries (names kept verbatim, even absolute or with ".."). */
    public static void tarGz(Path archive, List<Entry> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(archive);
             GZIPOutputStream gz = new GZIPOutputStream(file, 64 * 1024) {
                 {
                     def.setLevel(Deflater.BEST_SPEED);
                 }
             };
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry e : entries) {
                TarArchiveEntry t = switch (e) {
                    case Dir d -> new TarArchiveEntry(d.name(), true);
                    case File f -> {
                        TarArchiveEntry x = new TarArchiveEntry(f.name(), true);
                        x.setMode(0100000 | f.mode());
                        x.setSize(f.content().length);
                        yield x;
                    }
                    case Symlink s -> {
                        TarArchiveEntry x = new TarArchiveEntry(s.name(), TarArchiveEntry.LF_SYMLINK, true);
                        x.setLinkName(s.target());
                        yield x;
                    }
                    case Hardlink h -> {
                        TarArchiveEntry x = new TarArchiveEntry(h.name(), TarArchiveEntry.LF_LINK, true);
                        x.setLinkName(h.target());
                        yield x;
                    }
                };
                tar.putArchiveEntry(t);
                if (e instanceof File f) {
                    tar.write(f.content());
                }
                tar.closeArchiveEntry();
            }
        }
    }

    /** Writes a zip of these (name, content) files, names verbatim. */
    public static void zip(Path archive, List<File> files) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            for (File f : files) {
                zip.putNextEntry(new ZipEntry(f.name()));
                zip.write(f.content());
                zip.closeEntry();
            }
        }
    }

    /** {@return a copy with one byte flipped in the middle: same size, different SHA-256} */
    public static byte[] corrupted(byte[] original) {
        byte[] copy = original.clone();
        copy[copy.length / 2] ^= 0x5a;
        return copy;
    }

    /** {@return the lowercase hex SHA-256} */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@return a go.dev/dl-style JSON index: the given release with the archive, plus a few other
     * releases (without downloadable files for this lab) so that resolution has neighbours}
     */
    public static String index(String archiveName, byte[] archive) {
        String file = """
                {"filename": "%s", "os": "linux", "arch": "amd64", "version": "go1.19.8", "sha256": "%s", "size": %d, "kind": "archive"},
                {"filename": "go1.19.8.src.tar.gz", "os": "", "arch": "", "version": "go1.19.8", "sha256": "%s", "size": 100, "kind": "source"}"""
                .formatted(archiveName, sha256(archive), archive.length, "0".repeat(64));
        return """
                [
                 {"version": "go1.21rc2", "stable": false, "files": []},
                 {"version": "go1.20.3", "stable": true, "files": []},
                 {"version": "go1.20", "stable": true, "files": []},
                 {"version": "go1.19.8", "stable": true, "files": [%s]},
                 {"version": "go1.19.7", "stable": true, "files": []},
                 {"version": "go1.18.10", "stable": true, "files": []}
                ]
                """.formatted(file);
    }
}
