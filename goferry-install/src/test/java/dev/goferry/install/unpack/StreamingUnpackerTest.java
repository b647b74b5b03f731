package dev.goferry.install.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.install.lab.TestArchives;
import dev.goferry.install.lab.TestArchives.Dir;
import dev.goferry.install.lab.TestArchives.File;
import dev.goferry.install.lab.TestArchives.Symlink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The unpacker fed while downloading: it yields a tree only when it saw the whole file in order,
 * from its first byte; every other delivery (a resume, a restart from zero, a gap, a short file)
 * and every unsafe archive make it give up, so the installer unpacks the verified file instead.
 */
class StreamingUnpackerTest {

    static final String NAME = "go1.19.8.linux-amd64.tar.gz";

    /** How the downloader hands over the bytes: (offset, length) chunks. */
    static Stream<Arguments> deliveries() {
        return Stream.of(
                Arguments.of("in order, small chunks", "0:7,7:993,1000:*", true),
                Arguments.of("in order, one chunk", "0:*", true),
                Arguments.of("resumed part (starts at 4096)", "4096:*", false),
                Arguments.of("a gap", "0:1000,2000:*", false),
                Arguments.of("restart from zero after another source failed", "0:3000,0:*", false),
                Arguments.of("short: the last bytes never came", "0:-100", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deliveries")
    void yieldsATreeOnlyForTheWholeFileInOrder(String name, String plan, boolean whole, @TempDir Path tmp) throws Exception {
        Path archive = tmp.resolve(NAME);
        byte[] content = new byte[300_000];
        new java.util.Random(1).nextBytes(content);
        TestArchives.tarGz(archive, List.of(new Dir("go/"), new Dir("go/bin/"), new File("go/bin/go", 0755, "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8)),
                new File("go/big", 0644, content), new Symlink("go/link", "bin/go")));
        byte[] bytes = Files.readAllBytes(archive);
        Path staging = Files.createDirectory(tmp.resolve("go1.19.8.tmp"));
        try (StreamingUnpacker u = StreamingUnpacker.start(NAME, staging)) {
            for (String step : plan.split(",")) {
                String[] p = step.split(":");
                int offset = Integer.parseInt(p[0]);
                int end = p[1].equals("*") ? bytes.length : p[1].startsWith("-") ? bytes.length + Integer.parseInt(p[1])
                        : offset + Integer.parseInt(p[1]);
                for (int at = offset; at < end; at += 65536) {
                    int n = Math.min(65536, end - at);
                    u.written(at, java.util.Arrays.copyOfRange(bytes, at, at + n), n);
                }
            }
            assertThat(u.finish(bytes.length)).as(name).isEqualTo(whole);
            if (whole) {
                assertThat(staging.resolve("big")).as(name).hasBinaryContent(content);
                assertThat(Files.isExecutable(staging.resolve("bin/go"))).isTrue();
                assertThat(Files.readSymbolicLink(staging.resolve("link"))).hasToString("bin/go");
            }
        }
    }

    @Test
    void anUnsafeArchiveFailsTheStreamAndWritesNothingOutside(@TempDir Path tmp) throws Exception {
        Path archive = tmp.resolve(NAME);
        TestArchives.tarGz(archive, List.of(new Dir("go/"), new File("go/../../evil", 0644, "x".getBytes(StandardCharsets.UTF_8))));
        byte[] bytes = Files.readAllBytes(archive);
        Path staging = Files.createDirectories(tmp.resolve("a/b/go1.19.8.tmp"));
        try (StreamingUnpacker u = StreamingUnpacker.start(NAME, staging)) {
            u.written(0, bytes, bytes.length);
            assertThat(u.finish(bytes.length)).isFalse();
            assertThat(u.failure()).get().isInstanceOf(UnsafeArchiveException.class);
        }
        try (Stream<Path> all = Files.walk(tmp)) {
            assertThat(all.filter(p -> p.getFileName().toString().contains("evil"))).isEmpty();
        }
    }

    @Test
    void abandoningStopsTheThreadWithoutTheRestOfTheBytes(@TempDir Path tmp) throws Exception {
        Path archive = TestArchives.realArchive();
        byte[] head = new byte[1 << 20];
        try (var in = Files.newInputStream(archive)) {
            in.readNBytes(head, 0, head.length);
        }
        StreamingUnpacker u = StreamingUnpacker.start(NAME, Files.createDirectory(tmp.resolve("s")));
        u.written(0, head, head.length);
        u.close(); // abandons and joins: must not hang waiting for bytes that never come
        assertThat(u.finish(Files.size(archive))).isFalse();
    }
}
