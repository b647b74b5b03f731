package dev.goferry.install.unpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goferry.install.lab.TestArchives;
import dev.goferry.install.lab.TestArchives.Dir;
import dev.goferry.install.lab.TestArchives.Entry;
import dev.goferry.install.lab.TestArchives.File;
import dev.goferry.install.lab.TestArchives.Hardlink;
import dev.goferry.install.lab.TestArchives.Symlink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SafeUnpackerTest {

    static final byte[] EVIL = "evil".getBytes(StandardCharsets.UTF_8);

    static File file(String name) {
        return new File(name, 0644, EVIL);
    }

    static Stream<Arguments> malicious() {
        return Stream.of(
                Arguments.of("dot-dot", List.of(new Dir("go/"), file("go/../../evil")), "go/../../evil", "path escapes the target (..)"),
                Arguments.of("dot-dot inside", List.of(file("go/bin/../../evil")), "go/bin/../../evil", "path escapes the target (..)"),
                Arguments.of("absolute", List.of(file("/tmp/goferry-evil")), "/tmp/goferry-evil", "absolute path"),
                Arguments.of("absolute go", List.of(file("/go/bin/evil")), "/go/bin/evil", "absolute path"),
                Arguments.of("outside go/", List.of(file("evil")), "evil", "outside the go/ directory of an official archive"),
                Arguments.of("symlink up", List.of(new Dir("go/"), new Symlink("go/escape", "../../..")), "go/escape",
                        "symbolic link to \"../../..\" escapes the target"),
                Arguments.of("symlink absolute", List.of(new Symlink("go/etc", "/etc")), "go/etc",
                        "symbolic link to absolute path \"/etc\""),
                Arguments.of("symlink through a shallower symlink", List.of(new Dir("go/a/b/"), new Symlink("go/a/b/x", "../.."),
                        new Symlink("go/a/b/l", "x/../..")), "go/a/b/l", "symbolic link to \"x/../..\" passes through another link"),
                Arguments.of("write through symlink", List.of(new Symlink("go/lib", "bin"), new Dir("go/bin/"), file("go/lib/x")),
                        "go/lib/x", "entry below a symbolic link"),
                Arguments.of("hard link out", List.of(new Hardlink("go/passwd", "../../etc/passwd")), "go/passwd",
                        "path escapes the target (..)"),
                Arguments.of("hard link absolute", List.of(new Hardlink("go/passwd", "/etc/passwd")), "go/passwd",
                        "absolute path"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malicious")
    void refusesEntriesThatLeaveTheTarget(String name, List<Entry> entries, String entry, String reason, @TempDir Path tmp)
            throws Exception {
        Path archive = tmp.resolve("go1.19.8.linux-amd64.tar.gz");
        TestArchives.tarGz(archive, entries);
        Path target = Files.createDirectories(tmp.resolve("a/b/target"));
        assertThatThrownBy(() -> SafeUnpacker.unpack(archive, target))
                .as(name)
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessage("unsafe archive entry \"" + (entry.startsWith("/") && !name.startsWith("hard") ? entry : entryOrLink(entry, entries)) + "\": " + reason);
        try (Stream<Path> all = Files.walk(tmp)) {
            assertThat(all.filter(p -> p.getFileName().toString().contains("evil"))).as("%s: nothing written", name).isEmpty();
        }
    }

    /** Hard-link refusals name the link target being resolved. */
    private static String entryOrLink(String entry, List<Entry> entries) {
        return entries.stream().filter(e -> e instanceof Hardlink h && h.name().equals(entry))
                .map(e -> ((Hardlink) e).target()).findFirst().orElse(entry);
    }

    @Test
    void zipEntriesAreCheckedTheSameWay(@TempDir Path tmp) throws Exception {
        Path archive = tmp.resolve("go1.19.8.windows-amd64.zip");
        TestArchives.zip(archive, List.of(file("go/../evil")));
        assertThatThrownBy(() -> SafeUnpacker.unpack(archive, Files.createDirectories(tmp.resolve("t"))))
                .hasMessage("unsafe archive entry \"go/../evil\": path escapes the target (..)");
        assertThat(tmp.resolve("evil")).doesNotExist();
    }

    @Test
    void aWindowsZipUnpacksBelowGo(@TempDir Path tmp) throws Exception {
        Path archive = tmp.resolve("go1.19.8.windows-amd64.zip");
        TestArchives.zip(archive, List.of(file("go/VERSION"), file("go/bin/go.exe")));
        Path target = Files.createDirectories(tmp.resolve("t"));
        SafeUnpacker.unpack(archive, target);
        assertThat(target.resolve("bin/go.exe")).hasBinaryContent(EVIL);
        assertThat(target.resolve("VERSION")).exists();
    }

    @Test
    void keepsPermissionsAndInTreeLinks(@TempDir Path tmp) throws Exception {
        Path archive = tmp.resolve("go1.19.8.linux-amd64.tar.gz");
        TestArchives.tarGz(archive, List.of(new Dir("go/"), new Dir("go/bin/"), new File("go/bin/go", 0755, EVIL),
                new File("go/VERSION", 0444, EVIL),
                new File("go/test/fixedbugs/issue27836.dir/\u00c4foo.go", 0644, EVIL), new Symlink("go/bin/gogo", "go"), new Symlink("go/up", "bin/../VERSION"),
                new Hardlink("go/bin/go2", "go/bin/go")));
        Path target = Files.createDirectories(tmp.resolve("t"));
        SafeUnpacker.unpack(archive, target);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("bin/go")))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("VERSION"))))
                .as("owner keeps write so the tree can be removed").isEqualTo("rw-r--r--");
        assertThat(Files.readSymbolicLink(target.resolve("bin/gogo"))).isEqualTo(Path.of("go"));
        assertThat(target.resolve("up")).hasBinaryContent(EVIL);
        assertThat(target.resolve("bin/go2")).hasBinaryContent(EVIL);
        assertThat(target.resolve("test/fixedbugs/issue27836.dir/\u00c4foo.go")).as("non-ASCII names, as in real Go archives").exists();
    }

    /**
     * Files that a writer thread cannot create, among many small files queued around them: the
     * unpack fails with the file system's error naming the file, and no writer is left running
     * (the installer deletes the staging folder right after, which must not race a writer).
     */
    static Stream<Arguments> unwritable() {
        return Stream.of(
                Arguments.of("name longer than the file system allows", "go/src/" + "n".repeat(300) + ".go", false),
                Arguments.of("read-only folder", "go/bin/go", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unwritable")
    void aFileAWriterCannotCreateFailsTheUnpackAndStopsTheWriters(String name, String bad, boolean readOnlyBin, @TempDir Path tmp)
            throws Exception {
        List<Entry> entries = new java.util.ArrayList<>(List.of(new Dir("go/"), new Dir("go/bin/"), new Dir("go/src/")));
        for (int i = 0; i < 300; i++) {
            entries.add(new File("go/src/a" + i + ".go", 0644, new byte[i * 100]));
        }
        entries.add(new File(bad, 0755, EVIL));
        for (int i = 0; i < 300; i++) {
            entries.add(new File("go/src/b" + i + ".go", 0644, new byte[i * 100]));
        }
        Path archive = tmp.resolve("go1.19.8.linux-amd64.tar.gz");
        TestArchives.tarGz(archive, entries);
        Path target = Files.createDirectories(tmp.resolve("target"));
        Path bin = Files.createDirectories(target.resolve("bin"));
        try (ReadOnly ro = readOnlyBin ? ReadOnly.of(bin) : ReadOnly.NONE) {
            Path badFile = target.resolve(bad.substring("go/".length()));
            assertThatThrownBy(() -> SafeUnpacker.unpack(archive, target))
                    .as(name)
                    .isInstanceOfSatisfying(java.nio.file.FileSystemException.class, e -> assertThat(e.getFile()).isEqualTo(badFile.toString()))
                    .hasMessageEndingWith(readOnlyBin ? ro.reason() : "File name too long");
            assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("goferry-unpack-write-")))
                    .as("%s: no writer thread left running", name).isEmpty();
        }
    }

    /**
     * Makes a folder unwritable, even for root (who ignores permission bits): a read-only bind mount
     * of the folder onto itself, as InstallerTest does for versions/.
     */
    private interface ReadOnly extends AutoCloseable {
        ReadOnly NONE = new ReadOnly() {
            @Override
            public String reason() {
                return "";
            }

            @Override
            public void close() {
            }
        };

        String reason();

        @Override
        void close() throws Exception;

        static ReadOnly of(Path dir) throws Exception {
            Path probe = Files.createFile(dir.resolveSibling("uid-probe"));
            boolean asRoot = ((Integer) Files.getAttribute(probe, "unix:uid")) == 0;
            Files.delete(probe);
            if (!asRoot) {
                dir.toFile().setWritable(false, false);
                return new ReadOnly() {
                    @Override
                    public String reason() {
                        return "Permission denied";
                    }

                    @Override
                    public void close() {
                        dir.toFile().setWritable(true, true);
                    }
                };
            }
            Process mount = new ProcessBuilder("sh", "-c",
                    "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" \"$0\" || { umount \"$0\"; exit 1; }", dir.toString())
                    .redirectErrorStream(true).start();
            org.junit.jupiter.api.Assumptions.assumeTrue(mount.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && mount.exitValue() == 0,
                    "root without permission to bind-mount read-only: cannot make a folder unwritable");
            return new ReadOnly() {
                @Override
                public String reason() {
                    return "Read-only file system";
                }

                @Override
                public void close() throws Exception {
                    new ProcessBuilder("umount", dir.toString()).start().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
            };
        }
    }
}
