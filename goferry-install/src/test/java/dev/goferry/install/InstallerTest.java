package dev.goferry.install;

import static dev.goferry.install.lab.MirrorLab.Behavior.CORRUPT;
import static dev.goferry.install.lab.MirrorLab.Behavior.CUT;
import static dev.goferry.install.lab.MirrorLab.Behavior.GOOD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goferry.gomod.httpproxy.ProxyEnvironment;
import dev.goferry.install.download.DownloadException;
import dev.goferry.install.download.DownloadListener;
import dev.goferry.install.download.DownloadSettings;
import dev.goferry.install.download.Downloader;
import dev.goferry.install.download.ProxyRouting;
import dev.goferry.install.index.ReleaseFile;
import dev.goferry.install.lab.MirrorLab;
import dev.goferry.install.lab.TestArchives;
import dev.goferry.install.root.ToolchainRoot;
import dev.goferry.install.source.ReleaseSource;
import dev.goferry.install.unpack.UnsafeArchiveException;
import dev.goferry.testkit.GoClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole installs into a temporary root from the loopback mirror lab; the result must run {@code go version}. */
class InstallerTest {

    static MirrorLab lab;
    static byte[] archive;
    static ReleaseFile file;

    @BeforeAll
    static void startLab() throws Exception {
        archive = Files.readAllBytes(TestArchives.realArchive());
        lab = new MirrorLab(TestArchives.NAME, archive, TestArchives.index(TestArchives.NAME, archive));
        lab.mirror("good", GOOD);
        lab.mirror("corrupt", CORRUPT);
        lab.mirror("cut", CUT);
        file = new ReleaseFile(TestArchives.NAME, "linux", "amd64", TestArchives.VERSION,
                TestArchives.sha256(archive), archive.length, "archive");
    }

    @AfterAll
    static void stopLab() {
        lab.close();
    }

    static Installer installer(ToolchainRoot root) {
        return new Installer(root, new Downloader(new ProxyRouting(ProxyEnvironment.from(Map.of(), "go1.24.4")),
                new DownloadSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(2), 2, "goferry-test")));
    }

    static List<ReleaseSource> sources(String... names) {
        return Stream.of(names).map(n -> new ReleaseSource(n, URI.create(lab.url(n + "/")))).toList();
    }

    /** Runs the installed go (hermetically) and returns its first output line. */
    static String goVersion(Path goroot, Path scratch) {
        GoClient go = new GoClient(TestArchives.VERSION, goroot);
        GoClient.GoResult r = go.run(scratch, go.baseEnvironment(scratch), 30, "version");
        assertThat(r.exitCode()).as("go version: %s", r.stderr()).isZero();
        return r.stdout().strip();
    }

    @Test
    void installsAfterAFallbackMidDownloadAndTheToolchainRuns(@TempDir Path tmp) throws Exception {
        ToolchainRoot root = new ToolchainRoot(tmp.resolve("root"));
        Installer.Outcome outcome = installer(root).install(file, sources("cut", "good"), true, DownloadListener.NONE);
        assertThat(outcome).isInstanceOfSatisfying(Installer.Installed.class, i -> {
            assertThat(i.verification()).isEqualTo(Installer.Verification.INDEX_SHA256);
            assertThat(i.source()).contains("good");
            assertThat(i.failures()).extracting(f -> f.source().name()).containsOnly("cut");
        });
        assertThat(root.list()).containsExactly("go1.19.8");
        assertThat(root.currentVersion()).contains("go1.19.8");
        assertThat(goVersion(root.current(), tmp.resolve("scratch"))).isEqualTo("go version go1.19.8 linux/amd64");
        assertThat(root.versions().resolve("go1.19.8.tmp")).doesNotExist();
        assertThat(root.downloads().resolve(TestArchives.NAME)).as("archive removed after install").doesNotExist();
    }

    @Test
    void aCorruptDownloadInstallsNothingAndKeepsTheCurrentVersion(@TempDir Path tmp) throws Exception {
        ToolchainRoot root = new ToolchainRoot(tmp.resolve("root"));
        Path old = Files.createDirectories(root.version("go1.18.10").resolve("bin"));
        Files.writeString(old.resolve("go"), "old");
        root.use("go1.18.10");
        assertThatThrownBy(() -> installer(root).install(file, sources("corrupt"), true, DownloadListener.NONE))
                .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.checksumMismatch()).isTrue());
        assertThat(root.list()).containsExactly("go1.18.10");
        assertThat(root.currentVersion()).contains("go1.18.10");
        assertThat(root.versions().resolve("go1.19.8.tmp")).doesNotExist();
    }

    @Test
    void concurrentInstallsOfTheSameVersionDownloadOnceAndBothSucceed(@TempDir Path tmp) throws Exception {
        ToolchainRoot root = new ToolchainRoot(tmp.resolve("root"));
        int before = lab.requests("good").size();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Installer.Outcome>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                // Separate Installer and ToolchainRoot objects, as separate runs would have.
                Callable<Installer.Outcome> run = () -> installer(new ToolchainRoot(tmp.resolve("root")))
                        .install(file, sources("good"), true, DownloadListener.NONE);
                runs.add(pool.submit(run));
            }
            List<Installer.Outcome> outcomes = new ArrayList<>();
            for (Future<Installer.Outcome> f : runs) {
                outcomes.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(o -> o instanceof Installer.Installed).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof Installer.AlreadyInstalled).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
        assertThat(lab.requests("good").size() - before).as("downloads").isEqualTo(1);
        assertThat(goVersion(root.current(), tmp.resolve("scratch"))).isEqualTo("go version go1.19.8 linux/amd64");
    }

    @Test
    void anOfflineArchiveIsVerifiedWhenTheIndexKnowsIt(@TempDir Path tmp) throws Exception {
        ToolchainRoot root = new ToolchainRoot(tmp.resolve("root"));
        Installer.Outcome verified = installer(root).installArchive(TestArchives.realArchive(), Optional.of(file), false);
        assertThat(verified).isInstanceOfSatisfying(Installer.Installed.class,
                i -> assertThat(i.verification()).isEqualTo(Installer.Verification.INDEX_SHA256));
        assertThat(root.currentVersion()).as("not made current").isEmpty();
        assertThat(goVersion(root.version("go1.19.8"), tmp.resolve("scratch"))).isEqualTo("go version go1.19.8 linux/amd64");

        ToolchainRoot other = new ToolchainRoot(tmp.resolve("other"));
        Installer.Outcome unverified = installer(other).installArchive(TestArchives.realArchive(), Optional.empty(), true);
        assertThat(unverified).isInstanceOfSatisfying(Installer.Installed.class,
                i -> assertThat(i.verification()).isEqualTo(Installer.Verification.NOT_VERIFIED));
    }

    @Test
    void anOfflineArchiveWithTheWrongChecksumIsRefused(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve(TestArchives.NAME);
        Files.write(bad, TestArchives.corrupted(archive));
        ToolchainRoot root = new ToolchainRoot(tmp.resolve("root"));
        assertThatThrownBy(() -> installer(root).installArchive(bad, Optional.of(file), true))
                .isInstanceOf(Installer.ChecksumMismatchException.class)
                .hasMessageContaining("checksum mismatch");
        assertThat(root.list()).isEmpty();
    }

    @Test
    void aMaliciousArchiveInstallsNothing(@TempDir Path tmp) throws Exception {
        Path evil = tmp.resolve(TestArchives.NAME);
        TestArchives.tarGz(evil, List.of(new TestArchives.Dir("go/"), new TestArchives.Dir("go/bin/"),
                new TestArchives.File("go/bin/go", 0755, new byte[] {1}),
                new TestArchives.File("go/../../../escaped", 0644, new byte[] {1})));
        ToolchainRoot root = new ToolchainRoot(tmp.resolve("root"));
        assertThatThrownBy(() -> installer(root).installArchive(evil, Optional.empty(), true))
                .isInstanceOf(UnsafeArchiveException.class);
        assertThat(root.list()).isEmpty();
        assertThat(root.currentVersion()).isEmpty();
        try (Stream<Path> all = Files.walk(tmp)) {
            assertThat(all.filter(p -> p.getFileName().toString().equals("escaped")
                    || p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    /**
     * A file one of the unpacker's writer threads cannot create (a name longer than the file system
     * allows, after hundreds of files already queued): the file system's error, naming the file,
     * and no version, no staging folder, no current.
     */
    @Test
    void aFileThatCannotBeWrittenInstallsNothing(@TempDir Path tmp) throws Exception {
        Path archivePath = tmp.resolve(TestArchives.NAME);
        List<TestArchives.Entry> entries = new ArrayList<>(List.of(new TestArchives.Dir("go/"), new TestArchives.Dir("go/bin/"),
                new TestArchives.File("go/bin/go", 0755, new byte[] {1})));
        for (int i = 0; i < 500; i++) {
            entries.add(new TestArchives.File("go/src/f" + i + ".go", 0644, new byte[i * 50]));
        }
        String tooLong = "go/src/" + "n".repeat(300) + ".go";
        entries.add(new TestArchives.File(tooLong, 0644, new byte[] {1}));
        TestArchives.tarGz(archivePath, entries);
        ToolchainRoot root = new ToolchainRoot(tmp.resolve("root"));
        assertThatThrownBy(() -> installer(root).installArchive(archivePath, Optional.empty(), true))
                .isInstanceOf(java.nio.file.FileSystemException.class)
                .hasMessage(root.versions().resolve(TestArchives.VERSION + ".tmp").resolve(tooLong.substring(3)) + ": File name too long");
        assertThat(root.list()).isEmpty();
        assertThat(root.currentVersion()).isEmpty();
        try (Stream<Path> all = Files.list(root.versions())) {
            assertThat(all).as("nothing renamed into versions/, no staging folder left").isEmpty();
        }
    }

    @Test
    void anArchiveWithoutBinGoIsNotAToolchain(@TempDir Path tmp) throws Exception {
        Path empty = tmp.resolve(TestArchives.NAME);
        TestArchives.tarGz(empty, List.of(new TestArchives.Dir("go/"), new TestArchives.File("go/VERSION", 0644, new byte[] {1})));
        ToolchainRoot root = new ToolchainRoot(tmp.resolve("root"));
        assertThatThrownBy(() -> installer(root).installArchive(empty, Optional.empty(), true))
                .hasMessageContaining("no go/bin/go inside");
        assertThat(root.list()).isEmpty();
    }

    @Test
    void useSwitchesAtomicallyAndRemoveRenamesAsideFirst(@TempDir Path tmp) throws Exception {
        ToolchainRoot root = new ToolchainRoot(tmp.resolve("root"));
        for (String v : List.of("go1.20.3", "go1.19.8", "go1.21rc2")) {
            Files.createDirectories(root.version(v).resolve("bin"));
        }
        root.use("go1.19.8");
        assertThat(Files.readSymbolicLink(root.current())).as("a relative link").isEqualTo(Path.of("versions/go1.19.8"));
        root.use("go1.20.3");
        assertThat(root.currentVersion()).contains("go1.20.3");
        assertThat(root.list()).containsExactly("go1.21rc2", "go1.20.3", "go1.19.8");
        root.remove("go1.19.8");
        assertThat(root.list()).containsExactly("go1.21rc2", "go1.20.3");
        assertThatThrownBy(() -> root.use("go1.19.8")).isInstanceOf(java.nio.file.NoSuchFileException.class);
        try (Stream<Path> entries = Files.list(root.dir())) {
            assertThat(entries.map(p -> p.getFileName().toString())).as("no leftover link").doesNotContain("current.new-" + ProcessHandle.current().pid());
        }
    }

    @Test
    void aVersionsFolderItCannotWriteIsAClearErrorAndChangesNothing(@TempDir Path tmp) throws Exception {
        ToolchainRoot root = new ToolchainRoot(tmp.resolve("root"));
        Path old = Files.createDirectories(root.version("go1.18.10").resolve("bin"));
        root.use("go1.18.10");
        Path probe = Files.createFile(tmp.resolve("uid-probe"));
        boolean asRoot = ((Integer) Files.getAttribute(probe, "unix:uid")) == 0;
        Path versions = root.versions();
        Process mounted;
        if (asRoot) {
            // root ignores permission bits: a read-only file system is the failure it still meets.
            // A read-only bind mount of the folder onto itself: its contents stay visible.
            mounted = new ProcessBuilder("sh", "-c", "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" \"$0\" || { umount \"$0\"; exit 1; }",
                    versions.toString()).redirectErrorStream(true).start();
            org.junit.jupiter.api.Assumptions.assumeTrue(mounted.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)
                    && mounted.exitValue() == 0, "root without permission to bind-mount read-only: cannot make a folder unwritable");
        } else {
            versions.toFile().setWritable(false, false);
        }
        try {
            assertThatThrownBy(() -> installer(root).install(file, sources("good"), true, DownloadListener.NONE))
                    .isInstanceOfSatisfying(java.io.IOException.class, e -> assertThat(dev.goferry.install.root.FileErrors.describe(e))
                            .isEqualTo(versions.resolve("go1.19.8.tmp") + (asRoot ? ": read-only file system" : ": permission denied")));
            assertThat(root.currentVersion()).as("current untouched").contains("go1.18.10");
        } finally {
            if (asRoot) {
                new ProcessBuilder("umount", versions.toString()).start().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            } else {
                versions.toFile().setWritable(true, true);
            }
        }
        assertThat(root.list()).containsExactly("go1.18.10");
        assertThat(root.currentVersion()).contains("go1.18.10");
        assertThat(old).isDirectory();
    }
}
