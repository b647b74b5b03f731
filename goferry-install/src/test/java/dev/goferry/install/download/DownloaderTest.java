package dev.goferry.install.download;

import static dev.goferry.install.lab.MirrorLab.Behavior.CORRUPT;
import static dev.goferry.install.lab.MirrorLab.Behavior.CUT;
import static dev.goferry.install.lab.MirrorLab.Behavior.GOOD;
import static dev.goferry.install.lab.MirrorLab.Behavior.HTML;
import static dev.goferry.install.lab.MirrorLab.Behavior.HTML_UNTYPED;
import static dev.goferry.install.lab.MirrorLab.Behavior.MISSING;
import static dev.goferry.install.lab.MirrorLab.Behavior.STALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goferry.gomod.httpproxy.ProxyEnvironment;
import dev.goferry.install.index.ReleaseFile;
import dev.goferry.install.lab.MirrorLab;
import dev.goferry.install.lab.TestArchives;
import dev.goferry.install.source.ReleaseSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The downloader against the loopback mirror lab, with the real repacked Go archive. */
class DownloaderTest {

    static final DownloadSettings FAST = new DownloadSettings(Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(1), 2, "goferry-test");

    static MirrorLab lab;
    static byte[] archive;
    static ReleaseFile file;

    @BeforeAll
    static void startLab() throws Exception {
        archive = Files.readAllBytes(TestArchives.realArchive());
        lab = new MirrorLab(TestArchives.NAME, archive, TestArchives.index(TestArchives.NAME, archive));
        for (MirrorLab.Behavior b : MirrorLab.Behavior.values()) {
            lab.mirror(b.name().toLowerCase(), b);
        }
        file = new ReleaseFile(TestArchives.NAME, "linux", "amd64", TestArchives.VERSION,
                TestArchives.sha256(archive), archive.length, "archive");
    }

    @AfterAll
    static void stopLab() {
        lab.close();
    }

    static Downloader downloader() {
        return new Downloader(new ProxyRouting(ProxyEnvironment.from(Map.of(), "go1.24.4")), FAST);
    }

    static List<ReleaseSource> sources(MirrorLab.Behavior... behaviors) {
        return Stream.of(behaviors).map(b -> new ReleaseSource(b.name().toLowerCase(),
                URI.create(lab.url(b.name().toLowerCase() + "/")))).toList();
    }

    static Stream<Arguments> fallbacks() {
        return Stream.of(
                Arguments.of(List.of(GOOD), "", List.of()),
                Arguments.of(List.of(MISSING, GOOD), "missing: HTTP 404", List.of()),
                Arguments.of(List.of(HTML, GOOD), "html: served an HTML page (Content-Type text/html; charset=utf-8), not the archive", List.of()),
                Arguments.of(List.of(HTML_UNTYPED, GOOD), "html_untyped: served text (an HTML page?) instead of the archive", List.of()),
                Arguments.of(List.of(CORRUPT, GOOD), "corrupt: checksum mismatch: got sha256 ", List.of()),
                Arguments.of(List.of(CUT, GOOD), "cut: connection broken after ", List.of("resumed")),
                Arguments.of(List.of(STALL, GOOD), "stall: stalled: no data for 1s after ", List.of("resumed")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fallbacks")
    void fallsBackToTheNextSourceAndVerifiesAgainstTheIndex(List<MirrorLab.Behavior> order, String firstFailure,
                                                              List<String> goodRanges, @TempDir Path dir) throws Exception {
        int before = lab.requests("good").size();
        Downloader.Downloaded got = downloader().download(file, sources(order.toArray(MirrorLab.Behavior[]::new)), dir, DownloadListener.NONE);
        assertThat(Files.readAllBytes(got.path())).as("%s: bytes", order).isEqualTo(archive);
        assertThat(got.verified()).isTrue();
        assertThat(got.servedBy()).contains("good");
        if (firstFailure.isEmpty()) {
            assertThat(got.failures()).as("%s: failures", order).isEmpty();
        } else {
            assertThat(got.failures()).as("%s: failures", order).isNotEmpty();
            assertThat(got.failures().getFirst().toString()).as("%s: first failure", order).startsWith(firstFailure);
        }
        List<Optional<String>> ranges = lab.requests("good").subList(before, lab.requests("good").size()).stream()
                .map(MirrorLab.Request::range).toList();
        if (goodRanges.isEmpty()) {
            assertThat(ranges).as("%s: the good mirror sent the whole file", order).containsExactly(Optional.empty());
        } else {
            // The bytes that arrived before the cut are kept: the good mirror is asked only for the rest.
            assertThat(ranges).as("%s: one Range request", order).hasSize(1);
            long from = Long.parseLong(ranges.getFirst().orElseThrow().replaceAll("bytes=(\\d+)-", "$1"));
            assertThat(from).as("%s: resumed from", order).isPositive().isLessThanOrEqualTo(lab.cutAt());
        }
        assertThat(dir.resolve(TestArchives.NAME + ".part")).as("part file gone").doesNotExist();
        assertThat(dir.resolve(TestArchives.NAME + ".part.state")).as("state file gone").doesNotExist();
    }

    @Test
    void htmlAndMissingSourcesAreNotRetried(@TempDir Path dir) throws Exception {
        int html = lab.requests("html").size();
        int missing = lab.requests("missing").size();
        downloader().download(file, sources(HTML, MISSING, GOOD), dir, DownloadListener.NONE);
        assertThat(lab.requests("html").size() - html).as("requests to the HTML mirror").isEqualTo(1);
        assertThat(lab.requests("missing").size() - missing).as("requests to the 404 mirror").isEqualTo(1);
    }

    @Test
    void resumesAnInterruptedDownloadAskingOnlyForTheRest() throws Exception {
        Path dir = Files.createTempDirectory("goferry-resume");
        try {
            // First run: the only source dies at cutAt; the part file (what arrived) and its state stay.
            assertThatThrownBy(() -> downloader().download(file, sources(CUT), dir, DownloadListener.NONE))
                    .isInstanceOfSatisfying(DownloadException.class, e -> {
                        assertThat(e.checksumMismatch()).isFalse();
                        assertThat(e.failures()).hasSize(FAST.triesPerSource())
                                .extracting(SourceFailure::reason).allSatisfy(r -> assertThat(r).containsPattern("broken|failed"));
                    });
            long kept = Files.size(dir.resolve(TestArchives.NAME + ".part"));
            assertThat(kept).as("bytes kept from the cut source").isPositive().isLessThanOrEqualTo(lab.cutAt());
            assertThat(PartState.read(dir.resolve(TestArchives.NAME + ".part.state"))).get()
                    .extracting(PartState::lastSource).isEqualTo("cut");
            // Second run: only the rest is fetched.
            int before = lab.requests("good").size();
            Downloader.Downloaded got = downloader().download(file, sources(GOOD), dir, DownloadListener.NONE);
            assertThat(Files.readAllBytes(got.path())).isEqualTo(archive);
            assertThat(lab.requests("good").subList(before, lab.requests("good").size()))
                    .extracting(MirrorLab.Request::range).containsExactly(Optional.of("bytes=" + kept + "-"));
        } finally {
            dev.goferry.install.root.ToolchainRoot.deleteTree(dir);
        }
    }

    @Test
    void aPartOfAnotherFileIsDiscardedNotResumed(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve(TestArchives.NAME + ".part"), new byte[1000]);
        new PartState(TestArchives.NAME, "c".repeat(64), archive.length, "elsewhere").write(dir.resolve(TestArchives.NAME + ".part.state"));
        int before = lab.requests("good").size();
        Downloader.Downloaded got = downloader().download(file, sources(GOOD), dir, DownloadListener.NONE);
        assertThat(Files.readAllBytes(got.path())).isEqualTo(archive);
        assertThat(lab.requests("good").get(before).range()).as("no Range: started over").isEmpty();
    }

    @Test
    void onlyCorruptSourcesGiveAChecksumErrorAndNoFile(@TempDir Path dir) {
        assertThatThrownBy(() -> downloader().download(file, sources(CORRUPT, HTML), dir, DownloadListener.NONE))
                .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.checksumMismatch()).isTrue())
                .hasMessageContaining("download \"go1.19.8.linux-amd64.tar.gz\": checksum mismatch")
                .hasMessageContaining("the index says " + file.sha256());
        assertThat(dir.resolve(TestArchives.NAME)).doesNotExist();
        assertThat(dir.resolve(TestArchives.NAME + ".part")).doesNotExist();
    }

    @Test
    void aDifferentSizeIsAnotherFile(@TempDir Path dir) {
        ReleaseFile bigger = new ReleaseFile(file.filename(), "linux", "amd64", file.version(), file.sha256(), file.size() + 1, "archive");
        assertThatThrownBy(() -> downloader().download(bigger, sources(GOOD), dir, DownloadListener.NONE))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("good: serves " + archive.length + " bytes, the index says " + (archive.length + 1));
    }

    @Test
    void aFullDiskIsALocalErrorNotASourceFailure(@TempDir Path dir) throws Exception {
        // /dev/full answers every write with ENOSPC: a real "disk full" from the kernel.
        Path part = dir.resolve(TestArchives.NAME + ".part");
        Files.createSymbolicLink(part, Path.of("/dev/full"));
        new PartState(file.filename(), file.sha256(), file.size(), "good").write(dir.resolve(TestArchives.NAME + ".part.state"));
        int before = lab.requests("corrupt").size();
        assertThatThrownBy(() -> downloader().download(file, sources(GOOD, CORRUPT), dir, DownloadListener.NONE))
                .isInstanceOf(Downloader.LocalWriteException.class)
                .hasMessageContaining("No space left on device");
        assertThat(lab.requests("corrupt").size()).as("no other source tried for a local error").isEqualTo(before);
    }

    @Test
    void progressIsReportedUpToTheTotal(@TempDir Path dir) throws Exception {
        long[] last = {0, 0};
        downloader().download(file, sources(GOOD), dir, new DownloadListener() {
            @Override
            public void progress(long done, long total) {
                last[0] = done;
                last[1] = total;
            }
        });
        assertThat(last).containsExactly(archive.length, archive.length);
    }
}
