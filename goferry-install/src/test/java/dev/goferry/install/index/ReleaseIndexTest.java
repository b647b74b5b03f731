package dev.goferry.install.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReleaseIndexTest {

    /** Shaped like go.dev/dl/?mode=json&include=all: newest first, an unstable release on top, old releases without sha256. */
    static final String INDEX = """
            [
             {"version": "go1.23rc1", "stable": false, "files": [
               {"filename": "go1.23rc1.linux-amd64.tar.gz", "os": "linux", "arch": "amd64", "version": "go1.23rc1",
                "sha256": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "size": 10, "kind": "archive"}]},
             {"version": "go1.22.3", "stable": true, "files": [
               {"filename": "go1.22.3.src.tar.gz", "os": "", "arch": "", "version": "go1.22.3", "sha256": "%1$s", "size": 1, "kind": "source"},
               {"filename": "go1.22.3.linux-amd64.tar.gz", "os": "linux", "arch": "amd64", "version": "go1.22.3", "sha256": "%1$s", "size": 68958945, "kind": "archive"},
               {"filename": "go1.22.3.windows-amd64.msi", "os": "windows", "arch": "amd64", "version": "go1.22.3", "sha256": "%1$s", "size": 2, "kind": "installer"},
               {"filename": "go1.22.3.windows-amd64.zip", "os": "windows", "arch": "amd64", "version": "go1.22.3", "sha256": "%1$s", "size": 3, "kind": "archive"}]},
             {"version": "go1.22.2", "stable": true, "files": []},
             {"version": "go1.22.0", "stable": true, "files": []},
             {"version": "go1.22rc2", "stable": false, "files": []},
             {"version": "go1.21.10", "stable": true, "files": []},
             {"version": "go1.21.9", "stable": true, "files": []},
             {"version": "go1.20", "stable": true, "files": []},
             {"version": "go1.4.3", "stable": true, "unknown": {"x": [1, 2]}, "files": [
               {"filename": "go1.4.3.linux-amd64.tar.gz", "os": "linux", "arch": "amd64", "version": "go1.4.3", "sha256": "", "size": 0, "kind": "archive"}]}
            ]
            """.formatted("b".repeat(64));

    static ReleaseIndex index() throws Exception {
        return ReleaseIndex.parse(INDEX.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of("latest", "go1.22.3"),
                Arguments.of("1.22", "go1.22.3"),
                Arguments.of("go1.22", "go1.22.3"),
                Arguments.of("1.22.2", "go1.22.2"),
                Arguments.of("go1.22.2", "go1.22.2"),
                Arguments.of("1.21", "go1.21.10"),
                Arguments.of("1.20", "go1.20"),
                Arguments.of("go1.20", "go1.20"),
                Arguments.of("1.23", "go1.23rc1"),
                Arguments.of("1.23rc1", "go1.23rc1"),
                Arguments.of("1.22rc2", "go1.22rc2"),
                Arguments.of(" 1.4.3 ", "go1.4.3"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("queries")
    void resolves(String query, String want) throws Exception {
        assertThat(index().resolve(query).version()).as("resolve(%s)", query).isEqualTo(want);
    }

    static Stream<Arguments> unknown() {
        return Stream.of(
                Arguments.of("1.22.9", List.of("go1.22.3", "go1.22.2", "go1.22.0", "go1.22rc2")),
                Arguments.of("1.21.0", List.of("go1.21.10", "go1.21.9")),
                Arguments.of("1.18.1", List.of("go1.21.9", "go1.20", "go1.4.3")),
                Arguments.of("1.19", List.of("go1.21.9", "go1.20", "go1.4.3")),
                Arguments.of("1.99", List.of("go1.23rc1", "go1.22.3")),
                Arguments.of("banana", List.of("go1.23rc1", "go1.22.3", "go1.22.2", "go1.22.0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknown")
    void unknownVersionNamesTheNearest(String query, List<String> nearest) throws Exception {
        assertThatThrownBy(() -> index().resolve(query))
                .as("resolve(%s)", query)
                .isInstanceOfSatisfying(VersionNotFoundException.class, e -> assertThat(e.nearest()).isEqualTo(nearest))
                .hasMessageStartingWith("go version \"" + query + "\": ");
    }

    @Test
    void filesCarryTheIndexChecksumAndPickThePlatformArchive() throws Exception {
        Release r = index().resolve("1.22.3");
        assertThat(r.archiveFor("linux", "amd64")).get().satisfies(f -> {
            assertThat(f.filename()).isEqualTo("go1.22.3.linux-amd64.tar.gz");
            assertThat(f.checksum()).contains("b".repeat(64));
            assertThat(f.expectedSize()).contains(68958945L);
        });
        assertThat(r.archiveFor("windows", "amd64")).get().extracting(ReleaseFile::filename).isEqualTo("go1.22.3.windows-amd64.zip");
        assertThat(r.archiveFor("darwin", "arm64")).isEmpty();
        assertThat(index().resolve("1.23rc1").archiveFor("linux", "amd64").orElseThrow().sha256())
                .as("checksums are normalised to lowercase").isEqualTo("a".repeat(64));
        ReleaseFile old = index().resolve("1.4.3").archiveFor("linux", "amd64").orElseThrow();
        assertThat(old.checksum()).as("old releases have no sha256 in the JSON").isEmpty();
        assertThat(old.expectedSize()).isEmpty();
    }

    @Test
    void malformedIndexesAreRefused() {
        for (String bad : List.of("", "{}", "<!DOCTYPE html><html>", "[{\"version\": \"go1.2\", \"files\": {}}]",
                "[{\"version\": \"go1.2\", \"files\": [{\"filename\": \"../x\"}]}]")) {
            assertThatThrownBy(() -> ReleaseIndex.parse(bad.getBytes(StandardCharsets.UTF_8)))
                    .as("parse(%s)", bad).isInstanceOf(ReleaseIndex.MalformedIndexException.class);
        }
    }

    static Stream<Arguments> ordering() {
        return Stream.of(
                Arguments.of("go1.21beta1", "go1.21rc1"),
                Arguments.of("go1.21rc1", "go1.21.0"),
                Arguments.of("go1.21rc2", "go1.21rc10"),
                Arguments.of("go1.9.7", "go1.10"),
                Arguments.of("go1.21.0", "go1.21.1"),
                Arguments.of("go1.20.14", "go1.21rc1"));
    }

    @ParameterizedTest(name = "{0} < {1}")
    @MethodSource("ordering")
    void versionsOrderLikeGo(String lower, String higher) {
        assertThat(GoVersion.parse(lower).orElseThrow()).as("%s < %s", lower, higher)
                .isLessThan(GoVersion.parse(higher).orElseThrow());
        assertThat(GoVersion.parse("go1.20").orElseThrow()).isEqualByComparingTo(GoVersion.parse("go1.20.0").orElseThrow());
    }
}
