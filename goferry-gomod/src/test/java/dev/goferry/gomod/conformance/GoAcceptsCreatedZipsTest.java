package dev.goferry.gomod.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.gomod.dirhash.Dirhash;
import dev.goferry.gomod.module.Escaping;
import dev.goferry.gomod.module.ModuleVersion;
import dev.goferry.gomod.zip.CheckedFiles;
import dev.goferry.gomod.zip.ModuleFile;
import dev.goferry.gomod.zip.ModuleZip;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import dev.goferry.testkit.ModCorpus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zips written by {@link ModuleZip#create} are accepted by the real go 1.19 and 1.24: served
 * from a file:// GOPROXY, go downloads, verifies and extracts them, reports goferry's own h1 as
 * {@code Sum}, and its module cache holds exactly the files goferry called valid.
 */
class GoAcceptsCreatedZipsTest {

    @Test
    void goDownloadsAndUnpacksWhatGoferryCreates(@TempDir Path scratch) throws IOException {
        byte[] binary = new byte[1 << 20];
        new Random(7).nextBytes(binary);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("go.mod", "module example.com/Created/v2\n\ngo 1.19\n".getBytes(StandardCharsets.UTF_8));
        files.put("created.go", "package created\r\n\r\nconst X = 1\r\n".getBytes(StandardCharsets.UTF_8));
        files.put("internal/deep/er/x.go", "package er\n".getBytes(StandardCharsets.UTF_8));
        files.put("αβγ/ünïcode.go", "package αβγ\n".getBytes(StandardCharsets.UTF_8));
        files.put("LICENSE", "licence text\n".getBytes(StandardCharsets.UTF_8));
        files.put("data.bin", binary);
        files.put(".gitignore", "*.o\n".getBytes(StandardCharsets.UTF_8));
        files.put("-dash.txt", new byte[0]);
        files.put("vendor/modules.txt", "# kept before go 1.24\n".getBytes(StandardCharsets.UTF_8));
        files.put("vendor/example.com/dep/dep.go", "package dep\n".getBytes(StandardCharsets.UTF_8));
        files.put("nested/go.mod", "module example.com/Created/v2/nested\n".getBytes(StandardCharsets.UTF_8));
        files.put("nested/n.go", "package nested\n".getBytes(StandardCharsets.UTF_8));
        List<ModuleFile> moduleFiles = ModuleZip.filesOf(files);
        ModuleVersion m = new ModuleVersion("example.com/Created/v2", "v2.1.0-RC.1");

        CheckedFiles checked = ModuleZip.checkFiles(moduleFiles);
        assertThat(checked.valid()).containsExactly("go.mod", "created.go", "internal/deep/er/x.go", "αβγ/ünïcode.go",
                "LICENSE", "data.bin", ".gitignore", "-dash.txt", "vendor/modules.txt");

        Path v = scratch.resolve("proxy").resolve(Escaping.escapePath(m.path())).resolve("@v");
        Files.createDirectories(v);
        String base = Escaping.escapeVersion(m.version());
        Path zip = v.resolve(base + ".zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            ModuleZip.create(out, m, moduleFiles);
        }
        Files.writeString(v.resolve(base + ".info"), "{\"Version\":\"" + m.version() + "\",\"Time\":\"2024-01-02T03:04:05Z\"}");
        Files.write(v.resolve(base + ".mod"), files.get("go.mod"));
        Files.writeString(v.resolve("list"), m.version() + "\n");
        String sum = Dirhash.hashModuleZip(zip, m);
        assertThat(ModuleZip.checkZip(m, zip).ok()).isTrue();

        for (GoClient go : GoClients.all()) {
            Path dir = scratch.resolve(go.version());
            Files.createDirectories(dir.resolve("work"));
            Map<String, String> env = new HashMap<>(go.baseEnvironment(dir));
            env.put("GOPROXY", ModCorpus.fileProxyUrl(scratch.resolve("proxy")));
            env.put("GOSUMDB", "off");
            env.put("GOFLAGS", "-mod=mod -modcacherw"); // a writable module cache lets @TempDir clean up
            GoClient.GoResult r = go.run(dir.resolve("work"), env, 120, "mod", "download", "-json", m.toString());
            List<GoModuleJson> out = GoModuleJson.parseStream(r.stdout());
            assertThat(out).as("%s output %s %s", go.version(), r.stdout(), r.stderr()).hasSize(1);
            GoModuleJson j = out.get(0);
            assertThat(j.get("Error")).as("%s error", go.version()).isEmpty();
            assertThat(j.get("Sum")).as("%s Sum", go.version()).contains(sum);
            assertThat(j.get("GoModSum")).as("%s GoModSum", go.version()).contains(Dirhash.hashGoMod(files.get("go.mod")));
            Path unpacked = Path.of(j.get("Dir").orElseThrow());
            try (Stream<Path> walk = Files.walk(unpacked)) {
                List<String> names = walk.filter(Files::isRegularFile)
                        .map(p -> unpacked.relativize(p).toString()).sorted().toList();
                assertThat(names).as("%s unpacked", go.version())
                        .isEqualTo(checked.valid().stream().sorted().toList());
            }
            assertThat(Files.readAllBytes(unpacked.resolve("data.bin"))).isEqualTo(binary);
            assertThat(Files.readAllBytes(unpacked.resolve("created.go"))).isEqualTo(files.get("created.go"));
            assertThat(Dirhash.hash1(checked.valid().stream().map(n -> m + "/" + n).toList(),
                    n -> Files.newInputStream(unpacked.resolve(n.substring(m.toString().length() + 1)))))
                    .as("go mod verify's directory hash of %s's unpacked tree", go.version()).isEqualTo(sum);
        }
    }
}
