package dev.goferry.gomod.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.gomod.dirhash.Dirhash;
import dev.goferry.gomod.module.ModuleVersion;
import dev.goferry.gomod.zip.CheckedFiles;
import dev.goferry.gomod.zip.ModuleFile;
import dev.goferry.gomod.zip.ModuleZip;
import dev.goferry.gomod.zip.VendorRule;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ground truth for the zip creation rules: the real go builds module zips itself from a local
 * git repository (direct mode; {@code https://example.test/repo} is rewritten to the file path by
 * git's {@code insteadOf}, so nothing leaves the machine), and goferry's {@link ModuleZip#create}
 * of the same checkout must give the same {@code Sum} and the same unpacked files. The tree has
 * every omission rule in it: vendor directories at several depths, nested modules (one with an
 * upper-case GO.MOD), a symlink, {@code .hg_archival.txt}. Two tags differ only in the go line,
 * which switches the vendor rule under go 1.24 but not under go 1.19.
 */
class GoZipsFromGitTest {

    static final String MODULE = "example.test/repo.git";

    @Test
    void goferryZipsACheckoutExactlyAsTheRealGoZipsTheTag(@TempDir Path scratch) throws IOException {
        Path repo = scratch.resolve("repo");
        Files.createDirectories(repo);
        git(repo, "init", "-q", ".");
        write(repo, "go.mod", "module " + MODULE + "\n\ngo 1.24\n");
        for (String f : List.of("repo.go", "vendor/modules.txt", "vendor/foo.go", "vendor/example.com/x/x.go",
                "sub/vendor/sub.txt", "pkg/vendor/vendor.go", "pkg/vendor/a/b.go", "nested/n.go", "caps/c.go",
                ".hg_archival.txt", "sub/.hg_archival.txt", "αβ/ü.go", "LICENSE", "-dash.txt", ".gitignore", "x/y/z/w.txt")) {
            write(repo, f, "content of " + f + "\n");
        }
        write(repo, "nested/go.mod", "module " + MODULE + "/nested\n");
        write(repo, "caps/GO.MOD", "module " + MODULE + "/caps\n");
        Files.createSymbolicLink(repo.resolve("link.go"), Path.of("repo.go"));
        git(repo, "add", "-A");
        git(repo, "-c", "user.email=t@example.test", "-c", "user.name=t", "commit", "-q", "-m", "go 1.24");
        git(repo, "tag", "v1.0.0");
        write(repo, "go.mod", "module " + MODULE + "\n");
        git(repo, "-c", "user.email=t@example.test", "-c", "user.name=t", "commit", "-q", "-a", "-m", "no go line");
        git(repo, "tag", "v1.1.0");

        for (GoClient go : GoClients.all()) {
            Path dir = scratch.resolve(go.version());
            Files.createDirectories(dir.resolve("work"));
            Map<String, String> env = new HashMap<>(go.baseEnvironment(dir));
            Path home = Path.of(env.get("HOME"));
            Files.createDirectories(home);
            Files.writeString(home.resolve(".gitconfig"), "[url \"" + repo.toUri() + "\"]\n\tinsteadOf = https://example.test/repo\n"
                    + "[protocol \"file\"]\n\tallow = always\n[safe]\n\tdirectory = *\n");
            env.put("GOPROXY", "direct");
            env.put("GOSUMDB", "off");
            env.put("GOFLAGS", "-modcacherw");
            GoClient.GoResult r = go.run(dir.resolve("work"), env, 120, "mod", "download", "-json",
                    MODULE + "@v1.0.0", MODULE + "@v1.1.0");
            Map<String, GoModuleJson> results = new HashMap<>();
            GoModuleJson.parseStream(r.stdout()).forEach(j -> results.put(j.key(), j));
            VendorRule rule = go.minor() >= 24 ? VendorRule.GO_1_24 : VendorRule.GO_1_23;
            for (String version : List.of("v1.0.0", "v1.1.0")) {
                ModuleVersion m = new ModuleVersion(MODULE, version);
                GoModuleJson j = results.get(m.toString());
                assertThat(j).as("%s result for %s: %s %s", go.version(), m, r.stdout(), r.stderr()).isNotNull();
                assertThat(j.get("Error")).as("%s on %s", go.version(), m).isEmpty();

                git(repo, "checkout", "-q", version);
                List<ModuleFile> files = checkout(repo);
                CheckedFiles checked = ModuleZip.checkFiles(files, rule);
                Path zip = dir.resolve(version + ".zip");
                try (OutputStream out = Files.newOutputStream(zip)) {
                    ModuleZip.create(out, m, files, rule);
                }
                assertThat(Dirhash.hashModuleZip(zip, m)).as("goferry's h1 of %s under %s rules", m, rule)
                        .isEqualTo(j.get("Sum").orElseThrow());
                Path unpacked = Path.of(j.get("Dir").orElseThrow());
                try (Stream<Path> walk = Files.walk(unpacked)) {
                    assertThat(walk.filter(p -> !Files.isDirectory(p)).map(p -> unpacked.relativize(p).toString()).sorted())
                            .as("%s unpacked %s", go.version(), m).containsExactlyElementsOf(checked.valid().stream().sorted().toList());
                }
            }
        }
    }

    /** The files of a checkout as git archive lists them: every non-directory outside .git. */
    private static List<ModuleFile> checkout(Path repo) throws IOException {
        List<ModuleFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(repo)) {
            for (Path p : walk.sorted().toList()) {
                String rel = repo.relativize(p).toString();
                if (rel.isEmpty() || rel.equals(".git") || rel.startsWith(".git/") || Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                files.add(ModuleFile.onDisk(rel, p));
            }
        }
        return files;
    }

    private static void write(Path repo, String name, String content) throws IOException {
        Path p = repo.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    private static void git(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("HOME", dir.toString());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            Assumptions.abort("git is not installed: " + e.getMessage());
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("git " + String.join(" ", args) + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertThat(p.exitValue()).as("git %s: %s", String.join(" ", args), out).isZero();
    }
}
