package dev.goferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import dev.goferry.testkit.LoopbackPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code goferry doctor --fix} end to end on loopback: a go/env file whose GOPROXY points at a dead
 * port is repaired with the mirror the same run verified, the follow-up check passes and the real go
 * reads the new value; a cause whose only way out is switching verification off is refused with the
 * reason; nothing is written without --yes or a yes on a terminal; the printed undo restores the
 * file byte for byte.
 */
class DoctorFixCommandTest {

    private LoopbackDoctor lab;

    @BeforeEach
    void lab() {
        lab = new LoopbackDoctor();
    }

    @AfterEach
    void close() throws IOException {
        lab.close();
    }

    static Stream<Arguments> clients() {
        return GoClients.all().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clients")
    void aDeadProxyIsReplacedByTheVerifiedMirror(GoClient go, @TempDir Path scratch) throws Exception {
        String dead = "http://127.0.0.1:" + LoopbackPorts.refused();
        String mirror = lab.proxy(true);
        Path file = scratch.resolve("goenv");
        String before = "GOFLAGS=-mod=mod\nGOPROXY=" + dead + "\n";
        Files.writeString(file, before);
        Map<String, String> env = env(go, scratch, file);

        CliRun r = CliRun.of(env, LoopbackDoctor.doctorArgs("--candidate", mirror, "--fix", "--yes")
                .toArray(String[]::new));

        String out = r.out();
        assertThat(out).as("%s: the run names the cause and its verified fix; out:\n%s", go.version(), out)
                .contains("tcp.refused").contains("GOPROXY=" + mirror + ",direct")
                .contains("mirror:" + mirror).contains("- GOPROXY=" + dead).contains("+ GOPROXY=" + mirror + ",direct")
                .contains("✓ tcp.refused is gone").contains("✓ goproxy:" + mirror);
        assertThat(r.exitCode()).as("%s: fixed and confirmed; out:\n%s\nerr:\n%s", go.version(), out, r.err())
                .isEqualTo(ExitCodes.OK);
        Map<String, String> goEnv = new HashMap<>(go.baseEnvironment(scratch));
        goEnv.put("GOENV", file.toString());
        GoClient.GoResult read = go.run(scratch, goEnv, 60, "env", "GOPROXY", "GOFLAGS");
        assertThat(read.stdout()).as("%s: go env reads the fixed file; stderr %s", go.version(), read.stderr())
                .isEqualTo(mirror + ",direct\n-mod=mod\n");
        assertThat(scratch.resolve("goenv.goferry-bak")).as("%s: backup", go.version()).hasContent(before.strip());

        runUndo(out);

        assertThat(Files.readString(file)).as("%s: undo restores byte for byte", go.version()).isEqualTo(before);
    }

    static Stream<Arguments> languages() {
        return Stream.of(Arguments.of("en", "Will not set GOSUMDB=off for sumdb.unreachable",
                        "turns off checksum verification"),
                Arguments.of("zh-CN", "不会为 sumdb.unreachable 设置 GOSUMDB=off", "关闭所有模块的校验和验证"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void turningChecksumsOffIsRefusedWithTheReason(String lang, String refusal, String reason, @TempDir Path scratch)
            throws Exception {
        String proxy = lab.proxy(false);
        String deadSumdb = "http://127.0.0.1:" + LoopbackPorts.refused();
        Path file = scratch.resolve("goenv");
        String before = "GOPROXY=" + proxy + ",direct\nGOSUMDB=sum.golang.org " + deadSumdb + "\n";
        Files.writeString(file, before);

        CliRun r = CliRun.of(env(GoClients.newest(), scratch, file), LoopbackDoctor.doctorArgs("--lang", lang, "--fix",
                "--yes").toArray(String[]::new));

        assertThat(r.out()).as("%s: out:\n%s", lang, r.out()).contains("sumdb.unreachable").contains(refusal)
                .contains(reason);
        assertThat(r.exitCode()).as(lang).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(Files.readString(file)).as("%s: go/env untouched", lang).isEqualTo(before);
        assertThat(scratch.resolve("goenv.goferry-bak")).as("%s: no backup: nothing written", lang).doesNotExist();
    }

    static Stream<Arguments> answers() {
        return Stream.of(Arguments.of("not a terminal", Optional.empty(), "standard input is not a terminal", false),
                Arguments.of("answered no", Optional.of(false), "Not applied.", false),
                Arguments.of("answered yes", Optional.of(true), "Applied. Backup:", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void answers(String name, Optional<Boolean> answer, String said, boolean applied, @TempDir Path scratch)
            throws Exception {
        String dead = "http://127.0.0.1:" + LoopbackPorts.refused();
        String mirror = lab.proxy(true);
        Path file = scratch.resolve("goenv");
        String before = "GOPROXY=" + dead + "\n";
        Files.writeString(file, before);
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        DoctorCommand.confirm = prompt -> {
            asked.add(prompt);
            return answer;
        };

        CliRun r = CliRun.of(env(GoClients.newest(), scratch, file), LoopbackDoctor.doctorArgs("--candidate", mirror,
                "--fix").toArray(String[]::new));

        assertThat(asked).as("%s: asked once", name).containsExactly("Apply this change? [y/N] ");
        assertThat(r.out()).as("%s: out:\n%s", name, r.out()).contains("+ GOPROXY=" + mirror + ",direct").contains(said);
        assertThat(Files.readString(file)).as("%s: go/env", name)
                .isEqualTo(applied ? "GOPROXY=" + mirror + ",direct\n" : before);
    }

    static Stream<Arguments> badCandidates() {
        return Stream.of(Arguments.of("--candidate", "ftp://127.0.0.1/"), Arguments.of("--candidate", "127.0.0.1:1"),
                Arguments.of("--sumdb-candidate", "off"), Arguments.of("--sumdb-candidate", "a b c"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource
    void badCandidates(String option, String value) {
        CliRun r = CliRun.of(Map.of("GOPROXY", "off", "GOENV", "off"), "doctor", "--no-public-dns", option, value);

        assertThat(r.exitCode()).as("%s %s; err:\n%s", option, value, r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).as("%s %s", option, value).contains("candidate \"" + value + "\"");
    }

    /** The go command's view for a doctor run: the client's PATH (so its rules apply), GOENV at {@code file}. */
    private static Map<String, String> env(GoClient go, Path scratch, Path file) {
        Map<String, String> env = new HashMap<>(go.baseEnvironment(scratch));
        env.put("GOENV", file.toString());
        return env;
    }

    /** Runs the undo command the output printed, as a user would paste it. */
    private static void runUndo(String out) throws IOException, InterruptedException {
        Matcher m = Pattern.compile("To undo: (.+)").matcher(out);
        assertThat(m.find()).as("undo printed; out:\n%s", out).isTrue();
        Process p = new ProcessBuilder("sh", "-c", m.group(1)).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("undo finished").isTrue();
        assertThat(p.exitValue()).as("undo: %s", new String(p.getInputStream().readAllBytes())).isZero();
    }
}
