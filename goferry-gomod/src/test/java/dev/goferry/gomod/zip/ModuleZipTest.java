package dev.goferry.gomod.zip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goferry.gomod.dirhash.Dirhash;
import dev.goferry.gomod.module.ModuleVersion;
import dev.goferry.testkit.Txtar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Module zip rules. The check_files goldens are txtar files after x/mod's zip testdata: a
 * {@code want} section with the valid, omitted and invalid lists, then one section per input file.
 */
class ModuleZipTest {

    static final ModuleVersion M = new ModuleVersion("example.com/m", "v1.0.0");

    static Stream<Path> checkFilesGoldens() throws URISyntaxException, IOException {
        Path dir = Path.of(ModuleZipTest.class.getResource("/testdata/zip/check_files").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("checkFilesGoldens")
    void checkFilesSortsEveryFileIntoOneList(Path golden) {
        Txtar a = Txtar.parse(golden);
        List<ModuleFile> files = a.files().stream().filter(f -> !f.name().equals("want"))
                .map(f -> ModuleFile.of(f.name(), f.data())).toList();
        CheckedFiles got = ModuleZip.checkFiles(files);
        StringBuilder text = new StringBuilder("valid:\n");
        got.valid().forEach(v -> text.append(v).append('\n'));
        text.append("\nomitted:\n");
        got.omitted().forEach(v -> text.append(v).append('\n'));
        text.append("\ninvalid:\n");
        got.invalid().forEach(v -> text.append(v).append('\n'));
        assertThat(text.toString()).as("checkFiles(%s)", golden.getFileName()).isEqualTo(a.file("want").orElseThrow().text());
        assertThat(got.err()).as("err of %s", golden.getFileName())
                .isEqualTo(got.invalid().isEmpty() ? Optional.empty() : Optional.of(String.join("\n",
                        got.invalid().stream().map(FileError::toString).toList())));
    }

    @ParameterizedTest(name = "isVendoredPackage({0}, {1}) = {2}")
    @CsvSource({
        "vendor/modules.txt, '', false", "vendor/modules.txt, go1.23, false", "vendor/modules.txt, go1.24, true",
        "vendor/foo.go, go1.24, false", "vendor/example.com/x/x.go, '', true", "vendor/example.com/x/x.go, go1.24, true",
        "sub/vendor/sub.txt, '', true", "sub/vendor/sub.txt, go1.24, false",
        "pkg/vendor/vendor.go, go1.21, true", "pkg/vendor/vendor.go, go1.30, false",
        "pkg/vendor/a/b.go, go1.24, true", "a/vendor.go, '', false", "vendorx/a/b.go, '', false"})
    void vendorRuleKeepsTheOldBugBeforeGo124(String name, String goVersion, boolean want) {
        assertThat(ModuleZip.isVendoredPackage(name, goVersion)).isEqualTo(want);
    }

    @ParameterizedTest(name = "goLanguageVersion({0}) = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            module m\\ngo 1.24\\n              | go1.24
            module m\\n\\ngo 1.21.3 // x\\n    | go1.21
            go 1.22rc1                        | go1.22
            module m\\n                       |
            go 1.24beta                       | go1.24
            go one                            |
            """)
    void goLineGivesTheLanguageVersion(String goMod, String want) {
        assertThat(ModuleZip.goLanguageVersion(goMod.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Optional.ofNullable(want));
    }

    @Test
    void go123RuleIgnoresTheGoLine() {
        List<ModuleFile> files = List.of(
                ModuleFile.of("go.mod", "module example.com/m\n\ngo 1.24\n".getBytes(StandardCharsets.UTF_8)),
                ModuleFile.of("vendor/modules.txt", new byte[0]), ModuleFile.of("sub/vendor/sub.txt", new byte[0]));
        assertThat(ModuleZip.checkFiles(files, VendorRule.GO_1_23).valid()).containsExactly("go.mod", "vendor/modules.txt");
        assertThat(ModuleZip.checkFiles(files, VendorRule.GO_1_24).valid()).containsExactly("go.mod", "sub/vendor/sub.txt");
        assertThat(ModuleZip.checkFiles(files).valid()).isEqualTo(ModuleZip.checkFiles(files, VendorRule.current()).valid());
    }

    @Test
    void symlinksAndIrregularFilesAreOmitted() {
        CheckedFiles got = ModuleZip.checkFiles(List.of(
                ModuleFile.of("go.mod", "module example.com/m\n".getBytes(StandardCharsets.UTF_8)),
                ModuleFile.special("link.go", ModuleFile.FileInfo.Type.SYMLINK),
                ModuleFile.special("fifo", ModuleFile.FileInfo.Type.OTHER),
                ModuleFile.special("sub/go.mod", ModuleFile.FileInfo.Type.DIRECTORY),
                ModuleFile.of("sub/go.mod/x.go", new byte[0])));
        assertThat(got.valid()).containsExactly("go.mod", "sub/go.mod/x.go");
        assertThat(got.omitted()).containsExactly(new FileError("link.go", "file is a symbolic link"),
                new FileError("fifo", "not a regular file"), new FileError("sub/go.mod", "not a regular file"));
        assertThat(got.ok()).isTrue();
    }

    @Test
    void sizeLimitsOnGoModLicenseAndTheWholeTree() {
        CheckedFiles got = ModuleZip.checkFiles(List.of(
                sized("go.mod", ModuleZip.MAX_GO_MOD + 1), sized("LICENSE", ModuleZip.MAX_LICENSE + 1),
                sized("sub/LICENSE", ModuleZip.MAX_LICENSE + 1), sized("big", ModuleZip.MAX_ZIP_FILE)));
        assertThat(got.invalid()).containsExactly(
                new FileError("go.mod", "go.mod file too large (max size is 16777216 bytes)"),
                new FileError("LICENSE", "LICENSE file too large (max size is 16777216 bytes)"));
        assertThat(got.sizeError()).contains("module source tree too large (max size is 524288000 bytes)");
        assertThat(got.err()).isEqualTo(got.sizeError());
        assertThat(got.valid()).containsExactly("sub/LICENSE", "big");
    }

    @Test
    void createWritesOnlyValidFilesUnderThePrefix() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("go.mod", "module example.com/m\n\ngo 1.24\n".getBytes(StandardCharsets.UTF_8));
        files.put("vendor/modules.txt", "excluded\n".getBytes(StandardCharsets.UTF_8));
        files.put("vendor/example.com/x/x.go", "excluded\n".getBytes(StandardCharsets.UTF_8));
        files.put("sub/vendor/sub.txt", "included from go 1.24\n".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModuleZip.create(out, M, ModuleZip.filesOf(files));
        Map<String, byte[]> entries = unzip(out.toByteArray());
        assertThat(entries.keySet()).containsExactly("example.com/m@v1.0.0/go.mod", "example.com/m@v1.0.0/sub/vendor/sub.txt");
    }

    @Test
    void theEmptyModuleHasTheEmptyHash(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("empty.zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            ModuleZip.create(out, M, List.of());
        }
        assertThat(Dirhash.hashZip(zip)).isEqualTo("h1:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        assertThat(ModuleZip.checkZip(M, zip).ok()).isTrue();
    }

    @ParameterizedTest(name = "create({0}@{1}) fails: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            example.com/m    | v1.2    | create zip: version "v1.2" is not canonical (should be "v1.2.0")
            example.com/m    | v1.0.0+meta | create zip: version "v1.0.0+meta" is not canonical (should be "v1.0.0")
            example.com/m    | v2.0.0  | create zip: example.com/m@v2.0.0: invalid version: should be v0 or v1, not v2
            example.com/m/v2 | v1.0.0  | create zip: example.com/m/v2@v1.0.0: invalid version: should be v2, not v1
            m                | v1.0.0  | create zip: malformed module path "m": missing dot in first path element
            """)
    void createRefusesMalformedModules(String path, String version, String message) {
        assertThatThrownBy(() -> ModuleZip.create(new ByteArrayOutputStream(), new ModuleVersion(path, version), List.of()))
                .isInstanceOf(ModuleZipException.class).hasMessage(message);
    }

    @Test
    void createRefusesInvalidFilesAndFilesLargerThanDeclared() {
        assertThatThrownBy(() -> ModuleZip.create(new ByteArrayOutputStream(), M, List.of(
                ModuleFile.of("a.go", new byte[0]), ModuleFile.of("A.go", new byte[0]), ModuleFile.of("x:y", new byte[0]))))
                .hasMessage("create zip: A.go: case-insensitive file name collision: \"a.go\" and \"A.go\"\n"
                        + "x:y: malformed file path \"x:y\": invalid char ':'");
        ModuleFile liar = new ModuleFile() {
            @Override
            public String path() {
                return "grows.go";
            }

            @Override
            public FileInfo lstat() {
                return FileInfo.regular(3);
            }

            @Override
            public InputStream open() {
                return new java.io.ByteArrayInputStream(new byte[10]);
            }
        };
        assertThatThrownBy(() -> ModuleZip.create(new ByteArrayOutputStream(), M, List.of(liar)))
                .hasMessage("create zip: file \"grows.go\" is larger than declared size");
    }

    @Test
    void checkZipReportsEveryBadEntry(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("bad.zip");
        String p = "example.com/m@v1.0.0/";
        writeZip(zip, List.of(p, p + "dir/", p + "go.mod", p + "a/../b.go", p + "sub/go.mod", p + "GO.MOD",
                "example.com/m@v1.0.0", "other/x.go", p + "dir/x.go", p + "DIR/y.go", p + "f", p + "f/", p + "c\"q.go"));
        CheckedFiles got = ModuleZip.checkZip(M, zip);
        assertThat(got.valid()).containsExactly(p + "go.mod", p + "dir/x.go", p + "f");
        assertThat(got.invalid()).containsExactly(
                new FileError(p + "a/../b.go", "file path is not clean"),
                new FileError(p + "sub/go.mod", "go.mod file not in module root directory"),
                new FileError(p + "GO.MOD", "case-insensitive file name collision: \"go.mod\" and \"GO.MOD\""),
                new FileError("example.com/m@v1.0.0", "path does not have prefix \"example.com/m@v1.0.0/\""),
                new FileError("other/x.go", "path does not have prefix \"example.com/m@v1.0.0/\""),
                new FileError(p + "DIR/y.go", "case-insensitive file name collision: \"dir\" and \"DIR\""),
                new FileError(p + "f/", "entry \"f\" is both a file and a directory"),
                new FileError(p + "c\"q.go", "malformed file path \"c\\\"q.go\": invalid char '\"'"));
        assertThat(got.err()).hasValueSatisfying(e -> assertThat(e.lines()).hasSize(8));
    }

    @Test
    void checkZipRefusesALargeGoModAndANonCanonicalVersion(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("big.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("example.com/m@v1.0.0/go.mod"));
            z.write(new byte[(int) ModuleZip.MAX_GO_MOD + 1]);
            z.closeEntry();
        }
        assertThat(ModuleZip.checkZip(M, zip).invalid())
                .containsExactly(new FileError("example.com/m@v1.0.0/go.mod", "go.mod file too large (max size is 16777216 bytes)"));
        assertThatThrownBy(() -> ModuleZip.checkZip(new ModuleVersion("example.com/m", "v1"), zip))
                .hasMessage("version \"v1\" is not canonical (should be \"v1.0.0\")");
    }

    @Test
    void caseFoldingFollowsUnicodeSimpleFolding() {
        assertThat(CollisionChecker.fold("K\u212Ak")).isEqualTo("kkk");
        assertThat(CollisionChecker.fold("S\u017Fs")).isEqualTo("sss");
        assertThat(CollisionChecker.fold("\u0130\u0131")).isEqualTo("\u0130\u0131");
        assertThat(CollisionChecker.fold("ÄÖÜ")).isEqualTo(CollisionChecker.fold("äöü"));
    }

    private static ModuleFile sized(String path, long size) {
        return new ModuleFile() {
            @Override
            public String path() {
                return path;
            }

            @Override
            public FileInfo lstat() {
                return FileInfo.regular(size);
            }

            @Override
            public InputStream open() {
                return InputStream.nullInputStream();
            }
        };
    }

    private static void writeZip(Path zip, List<String> names) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (String name : names) {
                z.putNextEntry(new ZipEntry(name));
                z.closeEntry();
            }
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

}
