package dev.goferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goferry.testkit.GoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** goferry install/use/list/uninstall against a loopback release lab. */
class InstallCommandTest {

    @TempDir
    static Path labDir;

    static InstallLab lab;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        lab = new InstallLab(labDir);
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    Map<String, String> env(String shell) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", tmp.resolve("home").toString());
        env.put("SHELL", shell);
        env.put("PATH", "/usr/bin:/bin");
        env.put("LANG", "C");
        return env;
    }

    String root() {
        return tmp.resolve("root").toString();
    }

    CliRun install(Map<String, String> env, String... extra) {
        String[] base = {"install", "1.19", "--root", root(), "--index", lab.url("index.json"),
                "--mirror", lab.url("corrupt/"), "--mirror", lab.url("good/")};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(env, args);
    }

    @Test
    void installsVerifiedFallsBackPrintsThePathLineAndTheToolchainRuns() {
        CliRun run = install(env("/bin/bash"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path current = Path.of(root(), "current");
        assertThat(run.out()).contains("installed go1.19.8 into " + Path.of(root(), "versions/go1.19.8"))
                .contains("verified: SHA-256 matches the release index (" + lab.url("index.json") + ")")
                .contains("downloaded from 127.0.0.1:" + lab.server.getAddress().getPort() + "/good")
                .contains("current Go is now go1.19.8")
                .contains("Add this line to ~/.bashrc")
                .contains("export PATH=\"" + current.resolve("bin") + ":$PATH\"");
        assertThat(run.err()).contains("source 127.0.0.1:" + lab.server.getAddress().getPort() + "/corrupt failed: checksum mismatch")
                .doesNotContain("\r");
        GoClient go = new GoClient("go1.19.8", current);
        GoClient.GoResult version = go.run(tmp, go.baseEnvironment(tmp.resolve("scratch")), 30, "version");
        assertThat(version.stdout().strip()).isEqualTo("go version go1.19.8 linux/amd64");

        CliRun again = install(env("/usr/bin/fish"));
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("go1.19.8 is already installed").contains("fish_add_path " + current.resolve("bin"));
    }

    @Test
    void jsonOutputHasNoProgressAndNamesTheFallbacks() throws Exception {
        CliRun run = install(env("/bin/zsh"), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).as("no progress, no notices with --json").isEmpty();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("schema").asText()).isEqualTo("goferry.install/v1");
        assertThat(doc.get("status").asText()).isEqualTo("installed");
        assertThat(doc.get("verification").asText()).isEqualTo("index-sha256");
        assertThat(doc.get("fallbacks").get(0).get("reason").asText()).startsWith("checksum mismatch");
        assertThat(doc.get("pathLine").asText()).isEqualTo("export PATH=\"" + Path.of(root(), "current/bin") + ":$PATH\"");
    }

    @Test
    void progressIsDrawnOnATerminal() {
        CliRun run = CliRun.onTerminal(env("/bin/bash"), "install", "go1.19.8", "--root", root(),
                "--index", lab.url("index.json"), "--mirror", lab.url("good/"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("\r").contains("100%").contains("/good");
    }

    @Test
    void unknownVersionNamesTheNearestAndOnlyCorruptSourcesInstallNothing() {
        CliRun unknown = CliRun.of(env("/bin/bash"), "install", "1.19.9", "--root", root(), "--index", lab.url("index.json"),
                "--mirror", lab.url("good/"));
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(unknown.err()).contains("go version \"1.19.9\": no such release in the index (nearest: go1.19.8, go1.19.7)");

        CliRun corrupt = CliRun.of(env("/bin/bash"), "install", "1.19.8", "--root", root(), "--index", lab.url("index.json"),
                "--mirror", lab.url("corrupt/"));
        assertThat(corrupt.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(corrupt.err()).contains("checksum mismatch: no source served the bytes the release index vouches for");
        assertThat(Path.of(root(), "versions/go1.19.8")).doesNotExist();
    }

    @Test
    void offlineArchiveIsVerifiedFromTheIndexElseInstalledWithAWarning() {
        CliRun verified = CliRun.of(env("/bin/bash"), "install", "--archive", lab.archiveFile.toString(), "--root", root(),
                "--index", lab.url("index.json"));
        assertThat(verified.exitCode()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("verified: SHA-256 matches the release index");

        String other = tmp.resolve("other").toString();
        CliRun unverified = CliRun.of(env("/bin/bash"), "install", "--archive", lab.archiveFile.toString(), "--root", other,
                "--index", "http://127.0.0.1:9/nothing.json");
        assertThat(unverified.exitCode()).as(unverified.err()).isZero();
        assertThat(unverified.err()).contains("will be installed NOT VERIFIED");
        assertThat(unverified.out()).contains("NOT VERIFIED");
    }

    @Test
    void listUseAndUninstall() throws Exception {
        assertThat(install(env("/bin/bash")).exitCode()).isZero();
        Files.createDirectories(Path.of(root(), "versions/go1.20.3/bin"));

        CliRun list = CliRun.of(env("/bin/bash"), "list", "--root", root());
        assertThat(list.out()).isEqualTo("  go1.20.3\n* go1.19.8  (current)\n");

        CliRun remote = CliRun.of(env("/bin/bash"), "list", "--remote", "--all", "--root", root(), "--index", lab.url("index.json"));
        assertThat(remote.out()).contains("* go1.19.8    (current)").contains("  go1.20.3    installed").contains("  go1.19.7    \n");
        CliRun remoteHere = CliRun.of(env("/bin/bash"), "list", "--remote", "--root", root(), "--index", lab.url("index.json"));
        assertThat(remoteHere.out()).as("only releases with an archive for this platform").doesNotContain("go1.19.7");

        CliRun refused = CliRun.of(env("/bin/bash"), "uninstall", "1.19.8", "--root", root());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(refused.err()).contains("go version \"go1.19.8\": it is the current version; run goferry use OTHER first");
        assertThat(Path.of(root(), "versions/go1.19.8")).isDirectory();

        CliRun use = CliRun.of(env("/bin/bash"), "use", "1.20", "--root", root());
        assertThat(use.exitCode()).as(use.err()).isZero();
        assertThat(use.out()).contains("current Go is now go1.20.3");
        CliRun missing = CliRun.of(env("/bin/bash"), "use", "1.18", "--root", root());
        assertThat(missing.err()).contains("go version \"1.18\": not installed (installed: go1.20.3, go1.19.8)");

        CliRun removed = CliRun.of(env("/bin/bash"), "uninstall", "go1.19.8", "--root", root());
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(removed.out()).isEqualTo("removed go1.19.8\n");

        CliRun forced = CliRun.of(env("/bin/bash"), "uninstall", "1.20.3", "--force", "--root", root());
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("there is no current Go version now");
        assertThat(Path.of(root(), "current")).doesNotExist();
        assertThat(CliRun.of(env("/bin/bash"), "list", "--root", root()).out()).isEqualTo("no Go version installed (see goferry install)\n");
    }

    @Test
    void messagesInChinese() {
        Map<String, String> env = env("/bin/bash");
        env.put("LANG", "zh_CN.UTF-8");
        CliRun run = CliRun.of(env, "list", "--root", root());
        assertThat(run.out()).isEqualTo("尚未安装任何 Go 版本（参见 goferry install）\n");
    }
}
