package dev.goferry.install.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.install.lab.TestArchives;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The unpacker against GNU tar on a real, large archive: the Debian Go 1.19 toolchain packed by tar
 * itself the way bench/lib/release-archive.sh packs it, without the 239 MB of pkg/linux_amd64's
 * compiled packages (to keep the test quick): 11,800 files, 200 MB unpacked, small sources written
 * by the writer threads and the pkg/tool binaries streamed by the reading thread. Both
 * trees must hold the same paths, types, sizes, SHA-256s and modes — with one documented
 * difference: goferry keeps the owner's read and write bits on every file, so that the tree can
 * always be removed again (tar, run as root, keeps a 0444 file 0444). This is what the parallel
 * writers must not change: every file, complete, with its mode, in its folder.
 */
class TarParityTest {

    @TempDir
    static Path shared;
    static Path archive;
    static Map<String, String> tarTree;

    @BeforeAll
    static void packAndUnpackWithTar() throws Exception {
        archive = shared.resolve("go1.19.8.linux-amd64.tar.gz");
        // -h: follow Debian's symlinks (src, misc, …) as the benchmark does; gzip -1 keeps packing quick.
        String go = TestArchives.DEBIAN_GO.getFileName().toString();
        run("tar", "-C", TestArchives.DEBIAN_GO.getParent().toString(), "--exclude=" + go + "/pkg/linux_amd64", "-chf", archive.toString(), "-I", "gzip -1",
                "--transform", "s,^" + TestArchives.DEBIAN_GO.getFileName() + ",go,", TestArchives.DEBIAN_GO.getFileName().toString());
        Path byTar = Files.createDirectories(shared.resolve("tar"));
        run("tar", "-xzf", archive.toString(), "-C", byTar.toString());
        tarTree = manifest(byTar.resolve("go"), true);
    }

    /** The two ways goferry unpacks: from the verified file, and from the bytes as they download. */
    static Stream<Arguments> ways() {
        return Stream.of(Arguments.of("SafeUnpacker.unpack(file)"), Arguments.of("StreamingUnpacker (64 KiB chunks)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ways")
    void unpacksTheSameTreeAsTar(String way, @TempDir Path tmp) throws Exception {
        Path target = Files.createDirectories(tmp.resolve("goferry"));
        if (way.startsWith("SafeUnpacker")) {
            SafeUnpacker.unpack(archive, target);
        } else {
            try (StreamingUnpacker u = StreamingUnpacker.start(archive.getFileName().toString(), target);
                 InputStream in = Files.newInputStream(archive)) {
                byte[] chunk = new byte[64 * 1024];
                long at = 0;
                for (int n; (n = in.read(chunk)) > 0; at += n) {
                    u.written(at, chunk, n);
                }
                assertThat(u.finish(at)).as("%s: whole file seen, failure %s", way, u.failure()).isTrue();
            }
        }
        Map<String, String> ours = manifest(target, false);
        assertThat(ours.size()).as("%s: a large tree", way).isGreaterThan(10_000);
        assertThat(ours).as("%s: the same tree as tar xzf (path -> type mode size sha256)", way).isEqualTo(tarTree);
    }

    /**
     * {@return path → "type mode size sha256" for every entry below root}; with {@code ownerRw}, the
     * mode gets the owner's read and write bits goferry always sets.
     */
    static Map<String, String> manifest(Path root, boolean ownerRw) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (p.equals(root)) {
                    continue;
                }
                PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                Set<PosixFilePermission> perms = a.permissions();
                String type = a.isDirectory() ? "dir" : a.isSymbolicLink() ? "link->" + Files.readSymbolicLink(p) : a.isRegularFile() ? "file" : "other";
                if (ownerRw && a.isRegularFile()) {
                    perms.add(PosixFilePermission.OWNER_READ);
                    perms.add(PosixFilePermission.OWNER_WRITE);
                }
                String mode = a.isSymbolicLink() ? "" : PosixFilePermissions.toString(perms);
                String content = a.isRegularFile() ? a.size() + " " + sha256(p) : "";
                m.put(root.relativize(p).toString(), type + " " + mode + " " + content);
            }
        }
        return m;
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                byte[] b = new byte[64 * 1024];
                for (int n; (n = in.read(b)) > 0; ) {
                    d.update(b, 0, n);
                }
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(String... command) throws Exception {
        Path log = Files.createTempFile(shared, "run", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(String.join(" ", command) + ": still running after 120 s");
        }
        String out = Files.readString(log);
        assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), out).isZero();
    }
}
