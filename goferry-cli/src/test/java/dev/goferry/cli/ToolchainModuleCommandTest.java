package dev.goferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goferry.gomod.dirhash.Dirhash;
import dev.goferry.install.toolchain.ToolchainLab;
import dev.goferry.testkit.GoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code goferry install --goproxy/--toolchain-module} and {@code list --remote --goproxy} against
 * the loopback toolchain-module lab of goferry-install's tests (the faults and the real go judges
 * are in its {@code ToolchainInstallTest}); here the commands' output and exit codes.
 */
class ToolchainModuleCommandTest {

    @TempDir
    Path tmp;

    private Map<String, String> env(ToolchainLab lab, String gosumdb) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", tmp.resolve("home").toString());
        env.put("SHELL", "/bin/bash");
        env.put("PATH", "/usr/bin:/bin");
        env.put("LANG", "C");
        env.put("GOSUMDB", gosumdb);
        return env;
    }

    private String root() {
        return tmp.resolve("root").toString();
    }

    @Test
    void installsFromTheModuleVerifiedAndTheToolchainRuns() throws Exception {
        try (ToolchainLab lab = new ToolchainLab(ToolchainLab.realZip()).withTrueRecord()) {
            CliRun run = CliRun.of(env(lab, lab.gosumdbUrl()), "install", "1.19", "--goproxy", lab.goproxy(), "--root", root());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("installed go1.19.8 into " + Path.of(root(), "versions/go1.19.8"))
                    .contains("verified: the zip and go.mod hashes match the checksum database sum.golang.test (record 0)")
                    .contains("downloaded from " + lab.goproxy())
                    .contains("current Go is now go1.19.8");
            GoClient go = new GoClient("go1.19.8", Path.of(root(), "current"));
            GoClient.GoResult version = go.run(tmp, go.baseEnvironment(Files.createDirectories(tmp.resolve("scratch"))), 30, "version");
            assertThat(version.stdout().strip()).isEqualTo("go version go1.19.8 linux/amd64");

            CliRun listed = CliRun.of(env(lab, lab.gosumdbUrl()), "list", "--goproxy", lab.goproxy(), "--root", root());
            assertThat(listed.exitCode()).as(listed.err()).isZero();
            assertThat(listed.out()).isEqualTo("""
                    golang.org/toolchain versions at %s for linux/amd64:
                      go1.21rc2   unstable
                      go1.20.3   \s
                    * go1.19.8    (current)
                      go1.19.7   \s
                    """.formatted(lab.goproxy()).replace("   \s\n", "    \n"));
        }
    }

    @Test
    void jsonNamesTheChecksumDatabaseAndTheHashes() throws Exception {
        try (ToolchainLab lab = new ToolchainLab(ToolchainLab.realZip()).withTrueRecord()) {
            Map<String, String> env = env(lab, lab.gosumdbUrl());
            env.put("GOPROXY", lab.goproxy());
            CliRun run = CliRun.of(env, "install", "go1.19.8", "--toolchain-module", "--root", root(), "--json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode doc = new ObjectMapper().readTree(run.out());
            assertThat(doc.get("verification").asText()).isEqualTo("checksum-database");
            assertThat(doc.get("toolchainModule").asText()).isEqualTo("golang.org/toolchain@" + ToolchainLab.MODULE_VERSION);
            assertThat(doc.get("index").asText()).isEqualTo(lab.goproxy());
            assertThat(doc.get("checksumDatabase").get("name").asText()).isEqualTo(ToolchainLab.DB_NAME);
            assertThat(doc.get("checksumDatabase").get("sum").asText()).isEqualTo(ToolchainLab.h1(ToolchainLab.realZip()));
            assertThat(doc.get("checksumDatabase").get("goModSum").asText()).isEqualTo(Dirhash.hashGoMod(ToolchainLab.GO_MOD));
        }
    }

    @Test
    void refusalsInstallNothing() throws Exception {
        try (ToolchainLab good = new ToolchainLab(ToolchainLab.realZip()).withTrueRecord();
             ToolchainLab tampered = new ToolchainLab(ToolchainLab.tamperedZip()).withTrueRecord();
             ToolchainLab unvouched = new ToolchainLab(ToolchainLab.realZip()).withOtherRecord()) {
            CliRun unknownToDb = CliRun.of(env(unvouched, unvouched.gosumdbUrl()), "install", "1.19.8", "--goproxy", unvouched.goproxy(),
                    "--root", root());
            assertThat(unknownToDb.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
            assertThat(unknownToDb.err()).contains("the checksum database does not know this version")
                    .contains("golang.org/toolchain@" + ToolchainLab.MODULE_VERSION + ": verifying go.mod: ");

            CliRun off = CliRun.of(env(good, "off"), "install", "1.19.8", "--goproxy", good.goproxy(), "--root", root());
            assertThat(off.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
            assertThat(off.err()).contains("cannot verify a toolchain: checksum database disabled by GOSUMDB=off");

            CliRun mismatch = CliRun.of(env(tampered, tampered.gosumdbUrl()), "install", "1.19.8", "--goproxy", tampered.goproxy(),
                    "--root", root());
            assertThat(mismatch.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
            assertThat(mismatch.err()).contains("refusing the toolchain: nothing was installed and the current version is unchanged")
                    .contains("golang.org/toolchain@" + ToolchainLab.MODULE_VERSION + ": verifying module: checksum mismatch");

            CliRun unknown = CliRun.of(env(good, good.gosumdbUrl()), "install", "1.19.9", "--goproxy", good.goproxy(), "--root", root());
            assertThat(unknown.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
            assertThat(unknown.err()).contains("go version \"1.19.9\"").contains("(nearest: go1.19.8, go1.19.7)");

            CliRun mixed = CliRun.of(env(good, good.gosumdbUrl()), "install", "1.19.8", "--goproxy", good.goproxy(),
                    "--mirror", good.goproxy(), "--root", root());
            assertThat(mixed.exitCode()).isEqualTo(ExitCodes.USAGE);

            assertThat(Path.of(root(), "versions")).satisfiesAnyOf(
                    p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
        }
    }
}
