package dev.goferry.gomod.dirhash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goferry.gomod.module.ModuleVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The h1 hash: known go.sum values, and the coreutils pipeline it is defined to equal. */
class DirhashTest {

    @ParameterizedTest(name = "hashGoMod({0}) = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                              | h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=
            module github.com/pkg/errors\\n  | h1:bwawxfHBFNV+L2hUp1rHADufV3IMtnDRdf1r5NINEl0=
            module golang.org/x/text\\n      | h1:NqM8EUOU14njkJ3fqMW+pc6Ldnwhi/IjpwHt7yyuwOQ=
            """)
    void goModHashesMatchGoSum(String goMod, String want) {
        assertThat(Dirhash.hashGoMod(goMod.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8))).isEqualTo(want);
    }

    @Test
    void noFilesHashToTheEmptyModuleHash() {
        assertThat(Dirhash.hash1(Map.of())).isEqualTo("h1:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    }

    /**
     * {@code sha256sum $(find . -type f | LC_ALL=C sort) | sha256sum} is the definition; names
     * outside the BMP sort differently in UTF-16 and UTF-8, which the order must follow.
     */
    @Test
    void equalsTheSha256sumPipelineInUtf8ByteOrder(@TempDir Path dir) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("b.go", "package b\n".getBytes(StandardCharsets.UTF_8));
        files.put("a/z.go", new byte[0]);
        files.put("a\uFFFF.txt", "bmp".getBytes(StandardCharsets.UTF_8));
        files.put("a\uD83D\uDE00.txt", "emoji".getBytes(StandardCharsets.UTF_8));
        files.put("A.go", "upper".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.createDirectories(dir.resolve(f.getKey()).getParent());
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
        Process p = new ProcessBuilder("sh", "-c",
                "find . -type f | sed 's,^\\./,,' | LC_ALL=C sort | tr '\\n' '\\0' | xargs -0 sha256sum | sha256sum")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String hex = out.split(" ")[0];
        String want = "h1:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
        assertThat(Dirhash.hash1(files)).isEqualTo(want);
        assertThat(Dirhash.UTF8_ORDER.compare("a\uFFFF.txt", "a\uD83D\uDE00.txt")).isNegative();
    }

    @Test
    void newlinesInNamesAreRefused() {
        assertThatThrownBy(() -> Dirhash.hash1(List.of("a\nb"), n -> new ByteArrayInputStream(new byte[0])))
                .hasMessage("dirhash: filenames with newlines are not supported");
    }

    @Test
    void zipHashCoversEveryEntryIncludingDirectoriesAndChecksThePrefix(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("m.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (String name : List.of("example.com/m@v1.0.0/go.mod", "example.com/m@v1.0.0/dir/")) {
                z.putNextEntry(new ZipEntry(name));
                if (!name.endsWith("/")) {
                    z.write("module example.com/m\n".getBytes(StandardCharsets.UTF_8));
                }
                z.closeEntry();
            }
        }
        Map<String, byte[]> same = new LinkedHashMap<>();
        same.put("example.com/m@v1.0.0/dir/", new byte[0]);
        same.put("example.com/m@v1.0.0/go.mod", "module example.com/m\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Dirhash.hashZip(zip)).isEqualTo(Dirhash.hash1(same));
        assertThat(Dirhash.hashModuleZip(zip, new ModuleVersion("example.com/m", "v1.0.0"))).isEqualTo(Dirhash.hash1(same));
        assertThatThrownBy(() -> Dirhash.hashModuleZip(zip, new ModuleVersion("example.com/m", "v1.0.1")))
                .isInstanceOf(Dirhash.UnexpectedFileException.class)
                .hasMessage("zip for example.com/m@v1.0.1 has unexpected file example.com/m@v1.0.0/go.mod");
    }
}
