package dev.goferry.install.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goferry.install.unpack.UnsafeArchiveException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Module zips that must not become a GOROOT: the x/mod CheckZip rules, and nothing written. */
class ToolchainUnzipTest {

    private static final String V = ToolchainLab.MODULE_VERSION;
    private static final String P = "golang.org/toolchain@" + V + "/";

    static Stream<Arguments> unsafe() {
        return Stream.of(
                Arguments.of("parent element", List.of(P + "bin/go", P + "../escape"), P + "../escape", "malformed file path \"../escape\": invalid path element \"..\""),
                Arguments.of("no module prefix", List.of(P + "bin/go", "bin/go2"), "bin/go2", "path does not have prefix"),
                Arguments.of("other version's prefix", List.of("golang.org/toolchain@v0.0.1-go1.19.7.linux-amd64/bin/go"),
                        "golang.org/toolchain@v0.0.1-go1.19.7.linux-amd64/bin/go", "path does not have prefix"),
                Arguments.of("absolute inside", List.of(P + "/etc/passwd"), P + "/etc/passwd", "malformed file path \"/etc/passwd\": empty path element"),
                Arguments.of("nested go.mod", List.of(P + "bin/go", P + "src/go.mod"), P + "src/go.mod", "go.mod file not in module root directory"),
                Arguments.of("case collision", List.of(P + "bin/go", P + "BIN/go"), P + "BIN/go", "case-insensitive file name collision"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafe")
    void refusesBeforeWritingAnything(String name, List<String> entries, String bad, String reason, @TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve(V + ".zip");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String e : entries) {
                out.putNextEntry(new ZipEntry(e));
                out.write(("content of " + e).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Files.write(zip, bytes.toByteArray());
        Path target = Files.createDirectory(tmp.resolve("target"));
        assertThatThrownBy(() -> ToolchainUnzip.unpack(zip, V, target)).as(name)
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessageStartingWith("unsafe archive entry \"" + bad + "\": ")
                .hasMessageContaining(reason);
        assertThat(target).as("%s: nothing written", name).isEmptyDirectory();
        assertThat(tmp.resolve("escape")).as(name).doesNotExist();
    }
}
