package dev.goferry.install.download;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pieces from several mirrors at once (the real repacked Go archive, 1 MiB pieces), against the
 * loopback lab: two good mirrors share the work; a corrupt, a cut, an HTML and a missing mirror
 * each end with the verified file all the same.
 */
class SegmentedDownloadTest {

    static MirrorLab lab;
    static byte[] archive;
    static ReleaseFile file;

    @BeforeAll
    static void startLab() throws Exception {
        archive = Files.readAllBytes(TestArchives.realArchive());
        lab = new MirrorLab(TestArchives.NAME, archive, TestArchives.index(TestArchives.NAME, archive));
        for (String m : List.of("good", "good2", "corrupt", "cut", "stall", "html", "missing")) {
            lab.mirror(m, MirrorLab.Behavior.valueOf(m.replace("2", "").toUpperCase()));
        }
        file = new ReleaseFile(TestArchives.NAME, "linux", "amd64", TestArchives.VERSION, TestArchives.sha256(archive),
                archive.length, "archive");
    }

    @AfterAll
    static void stopLab() {
        lab.close();
    }

    static Downloader downloader() {
        return new Downloader(new ProxyRouting(ProxyEnvironment.from(Map.of(), "go1.24.4")),
                new DownloadSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(2), 2, "goferry-test"))
                .segmented(4, 1 << 20);
    }

    /**
     * Rows: the sources in order; who must have sent pieces (closed ranges); what served the
     * file; a failure that must be reported ("" for none).
     */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(List.of("good", "good2"), List.of("good", "good2"), "good+good2", ""),
                Arguments.of(List.of("html", "good", "good2"), List.of("good", "good2"), "good+good2", "html: not used for pieces: HTTP 200 to a range request"),
                Arguments.of(List.of("missing", "good", "good2"), List.of("good", "good2"), "good+good2", "missing: not used for pieces: HTTP 404"),
                Arguments.of(List.of("good", "cut"), List.of("good"), "good+cut", "cut: piece "),
                Arguments.of(List.of("stall", "good"), List.of("good"), "stall+good", "stall: piece "),
                Arguments.of(List.of("good", "html"), List.of(), "good", "html: not used for pieces"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theWholeFileIsVerifiedWhateverTheMirrorsDo(List<String> order, List<String> piecesFrom, String servedBy, String failure,
                                                     @TempDir Path dir) throws Exception {
        Map<String, Integer> before = new java.util.HashMap<>();
        order.forEach(m -> before.put(m, lab.requests(m).size()));
        List<ReleaseSource> sources = order.stream().map(m -> new ReleaseSource(m, URI.create(lab.url(m + "/")))).toList();
        Downloader.Downloaded got = downloader().download(file, sources, dir, DownloadListener.NONE);
        assertThat(Files.readAllBytes(got.path())).as("%s: bytes", order).isEqualTo(archive);
        assertThat(got.servedBy()).as("%s: served by", order).contains(servedBy);
        if (failure.isEmpty()) {
            assertThat(got.failures()).as("%s: failures", order).isEmpty();
        } else {
            assertThat(got.failures()).as("%s: failures", order).anySatisfy(f -> assertThat(f.toString()).contains(failure));
        }
        for (String m : piecesFrom) {
            List<Optional<String>> ranges = lab.requests(m).subList(before.get(m), lab.requests(m).size()).stream()
                    .map(MirrorLab.Request::range).toList();
            assertThat(ranges).as("%s: closed ranges asked of %s", order, m)
                    .anySatisfy(r -> assertThat(r).hasValueSatisfying(v -> assertThat(v).matches("bytes=\\d+-\\d+").isNotEqualTo("bytes=0-3")));
        }
        assertThat(dir.resolve(TestArchives.NAME + ".part")).doesNotExist();
        assertThat(dir.resolve(TestArchives.NAME + ".part.state")).doesNotExist();
    }

    @org.junit.jupiter.api.Test
    void aMirrorThatNeverAnswersIsLeftOutOfThePiecesWithoutWaitingForTheHeadersTimeout(@TempDir Path dir) throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            // connections complete in the kernel's backlog; nothing ever reads or answers
            List<ReleaseSource> sources = List.of(
                    new ReleaseSource("silent", URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/")),
                    new ReleaseSource("good", URI.create(lab.url("good/"))),
                    new ReleaseSource("good2", URI.create(lab.url("good2/"))));
            Downloader.Downloaded got = downloader().download(file, sources, dir, DownloadListener.NONE);
            assertThat(got.servedBy()).contains("good+good2");
            assertThat(got.failures()).extracting(Object::toString)
                    .contains("silent: not used for pieces: no answer to a range request within 3s");
        }
    }

    /** A file the index gives neither size nor SHA-256 for (a module zip): the size comes from the mirrors. */
    @org.junit.jupiter.api.Test
    void aFileOfUnknownSizeIsFetchedInPiecesAndReturnedUnverified(@TempDir Path dir) throws Exception {
        ReleaseFile unknown = new ReleaseFile(TestArchives.NAME, "linux", "amd64", TestArchives.VERSION, "", 0, "archive");
        List<ReleaseSource> sources = Stream.of("good", "good2").map(m -> new ReleaseSource(m, URI.create(lab.url(m + "/")))).toList();
        Downloader.Downloaded got = downloader().download(unknown, sources, dir, DownloadListener.NONE);
        assertThat(got.servedBy()).contains("good+good2");
        assertThat(got.verified()).as("nothing to verify against: the caller's to check").isFalse();
        assertThat(got.size()).isEqualTo(archive.length);
        assertThat(Files.readAllBytes(got.path())).isEqualTo(archive);
    }

    @org.junit.jupiter.api.Test
    void theCompletePrefixIsUnpackedWhileLaterPiecesArrive(@TempDir Path dir) throws Exception {
        List<ReleaseSource> sources = Stream.of("good", "good2").map(m -> new ReleaseSource(m, URI.create(lab.url(m + "/")))).toList();
        Path staging = Files.createDirectory(dir.resolve("go1.19.8.tmp"));
        try (dev.goferry.install.unpack.StreamingUnpacker unpacker = dev.goferry.install.unpack.StreamingUnpacker.start(TestArchives.NAME, staging)) {
            Downloader.Downloaded got = downloader().download(file, sources, dir.resolve("dl"), DownloadListener.NONE, unpacker);
            assertThat(got.servedBy()).contains("good+good2");
            assertThat(unpacker.finish(got.size())).as("the unpacker saw the whole file in order").isTrue();
        }
        assertThat(staging.resolve("bin/go")).isExecutable();
    }

    /**
     * A mirror serving one wrong byte: which worker fetches the piece holding it is up to timing,
     * so either the pieces hash right (the good mirror sent it) or the mismatch is reported and the
     * file is fetched again one source at a time; never a wrong file.
     */
    @org.junit.jupiter.api.RepeatedTest(3)
    void aCorruptMirrorNeverYieldsAWrongFile(@TempDir Path dir) throws Exception {
        List<ReleaseSource> sources = Stream.of("corrupt", "good").map(m -> new ReleaseSource(m, URI.create(lab.url(m + "/")))).toList();
        Downloader.Downloaded got = downloader().download(file, sources, dir, DownloadListener.NONE);
        assertThat(Files.readAllBytes(got.path())).isEqualTo(archive);
        if (got.servedBy().orElseThrow().equals("good")) {
            assertThat(got.failures()).anySatisfy(f -> assertThat(f.toString())
                    .startsWith("corrupt: checksum mismatch of the pieces: got sha256 "));
        } else {
            assertThat(got.servedBy()).contains("corrupt+good");
        }
    }
}
