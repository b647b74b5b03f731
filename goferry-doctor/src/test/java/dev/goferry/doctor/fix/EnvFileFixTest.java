package dev.goferry.doctor.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goferry.doctor.diagnosis.CauseId;
import dev.goferry.gomod.env.GoOs;
import dev.goferry.gomod.env.GoSettings;
import dev.goferry.gomod.env.LocalFiles;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link EnvChange} + {@link EnvFileFixer} against the real go command: the file goferry writes is
 * byte for byte what {@code go env -w} writes, the real go reads the new values back, and the
 * printed undo command restores the old file byte for byte.
 */
class EnvFileFixTest {

    private static final List<ApplicableFix> FIXES = List.of(
            new ApplicableFix(CauseId.TCP_REFUSED, "GOPROXY", "http://127.0.0.1:7/mirror,direct", "mirror:http://127.0.0.1:7/mirror"),
            new ApplicableFix(CauseId.GOPROXY_PRIVATE_LEAK, "GOPRIVATE", "git.corp.internal", "goproxy:https://proxy.golang.org"));

    /** go/env contents before the fix; null: no file yet. */
    record Before(String name, String content) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> writesWhatGoWrites() {
        return GoClients.withEach(List.of(
                new Before("no file", null),
                new Before("other keys", "GOFLAGS=-mod=mod\nGOTOOLCHAIN=local\n"),
                new Before("GOPROXY in place, comment kept", "# mine\nGOSUMDB=sum.golang.org\nGOPROXY=http://127.0.0.1:1\n"),
                new Before("duplicated key", "GOPROXY=a\nGOPRIVATE=x\nGOPROXY=b\n"),
                new Before("no final newline", "GOFLAGS=-mod=mod")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource
    void writesWhatGoWrites(GoClient go, Before before, @TempDir Path scratch) throws Exception {
        Path ours = scratch.resolve("ours/env");
        Path theirs = scratch.resolve("theirs/env");
        Files.createDirectories(ours.getParent());
        Files.createDirectories(theirs.getParent());
        if (before.content() != null) {
            Files.writeString(ours, before.content());
            Files.writeString(theirs, before.content());
        }
        Map<String, String> env = new HashMap<>(go.baseEnvironment(scratch));
        env.put("GOENV", theirs.toString());
        GoClient.GoResult w = go.run(scratch, env, 60, "env", "-w", FIXES.get(0).assignment(), FIXES.get(1).assignment());
        assertThat(w.exitCode()).as("%s %s: go env -w; stderr %s", go.version(), before, w.stderr()).isZero();
        env.put("GOENV", ours.toString());

        EnvChange change = ready(EnvChange.plan(FIXES, GoSettings.resolve(env, GoOs.LINUX, LocalFiles.SYSTEM), env,
                GoOs.LINUX, LocalFiles.SYSTEM));
        EnvFileFixer.Applied applied = new EnvFileFixer(Clock.systemUTC()).apply(change);

        assertThat(Files.readAllBytes(ours)).as("%s %s: file bytes vs go env -w", go.version(), before)
                .isEqualTo(Files.readAllBytes(theirs));
        GoClient.GoResult read = go.run(scratch, env, 60, "env", "GOPROXY", "GOPRIVATE");
        assertThat(read.stdout()).as("%s %s: go env reads back; stderr %s", go.version(), before, read.stderr())
                .isEqualTo("http://127.0.0.1:7/mirror,direct\ngit.corp.internal\n");
        assertThat(change.diff()).as("%s %s: diff", go.version(), before)
                .contains("+ GOPROXY=http://127.0.0.1:7/mirror,direct", "+ GOPRIVATE=git.corp.internal");

        undo(applied);

        if (before.content() == null) {
            assertThat(ours).as("%s %s: undo removes the new file", go.version(), before).doesNotExist();
        } else {
            assertThat(Files.readAllBytes(ours)).as("%s %s: undo restores byte for byte", go.version(), before)
                    .isEqualTo(before.content().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void anOlderBackupIsKeptAndTheNewOneIsTimestamped(@TempDir Path scratch) throws IOException {
        Path file = scratch.resolve("env");
        Files.writeString(file, "GOPROXY=first\n");
        Files.writeString(scratch.resolve("env.goferry-bak"), "GOPROXY=older\n");
        Map<String, String> env = Map.of("GOENV", file.toString(), "HOME", scratch.toString());
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC);

        EnvFileFixer.Applied applied = new EnvFileFixer(clock).apply(ready(EnvChange.plan(FIXES.subList(0, 1),
                GoSettings.resolve(env, GoOs.LINUX, LocalFiles.SYSTEM), env, GoOs.LINUX, LocalFiles.SYSTEM)));

        assertThat(applied.backup()).contains(scratch.resolve("env.goferry-bak.1700000000"));
        assertThat(scratch.resolve("env.goferry-bak")).hasContent("GOPROXY=older");
        assertThat(scratch.resolve("env.goferry-bak.1700000000")).hasContent("GOPROXY=first");
        assertThat(file).hasContent("GOPROXY=http://127.0.0.1:7/mirror,direct");
    }

    @Test
    void aFileChangedSinceItWasReadIsLeftAlone(@TempDir Path scratch) throws IOException {
        Path file = scratch.resolve("env");
        Files.writeString(file, "GOPROXY=first\n");
        Map<String, String> env = Map.of("GOENV", file.toString(), "HOME", scratch.toString());
        EnvChange change = ready(EnvChange.plan(FIXES, GoSettings.resolve(env, GoOs.LINUX, LocalFiles.SYSTEM), env,
                GoOs.LINUX, LocalFiles.SYSTEM));
        Files.writeString(file, "GOPROXY=edited meanwhile\n");

        assertThatThrownBy(() -> new EnvFileFixer(Clock.systemUTC()).apply(change))
                .hasMessageContaining("changed since goferry read it");
        assertThat(file).hasContent("GOPROXY=edited meanwhile");
        assertThat(scratch.resolve("env.goferry-bak")).doesNotExist();
    }

    @Test
    void aVariableTheEnvironmentSetsIsNotWrittenToTheFile(@TempDir Path scratch) {
        Map<String, String> env = Map.of("GOENV", scratch.resolve("env").toString(), "HOME", scratch.toString(),
                "GOPROXY", "http://127.0.0.1:1");

        EnvChange.Outcome only = EnvChange.plan(FIXES.subList(0, 1), GoSettings.resolve(env, GoOs.LINUX,
                LocalFiles.SYSTEM), env, GoOs.LINUX, LocalFiles.SYSTEM);
        EnvChange.Outcome both = EnvChange.plan(FIXES, GoSettings.resolve(env, GoOs.LINUX, LocalFiles.SYSTEM), env,
                GoOs.LINUX, LocalFiles.SYSTEM);

        assertThat(only).isEqualTo(new EnvChange.Shadowed(FIXES.subList(0, 1)));
        assertThat(both).isInstanceOfSatisfying(EnvChange.Ready.class, r -> {
            assertThat(r.shadowed()).containsExactly(FIXES.get(0));
            assertThat(r.change().after()).isEqualTo("GOPRIVATE=git.corp.internal\n");
        });
    }

    @Test
    void goenvOffLeavesNothingToEdit(@TempDir Path scratch) {
        Map<String, String> env = Map.of("GOENV", "off", "HOME", scratch.toString());

        EnvChange.Outcome got = EnvChange.plan(FIXES, GoSettings.resolve(env, GoOs.LINUX, LocalFiles.SYSTEM), env,
                GoOs.LINUX, LocalFiles.SYSTEM);

        assertThat(got).isInstanceOfSatisfying(EnvChange.Impossible.class,
                i -> assertThat(i.reason()).startsWith("go: cannot find go env config: "));
    }

    private static EnvChange ready(EnvChange.Outcome o) {
        assertThat(o).isInstanceOf(EnvChange.Ready.class);
        return ((EnvChange.Ready) o).change();
    }

    /** Runs the printed undo command the way a user would paste it. */
    private static void undo(EnvFileFixer.Applied applied) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", applied.undo()).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("undo finished: %s", applied.undo()).isTrue();
        assertThat(p.exitValue()).as("undo %s: %s", applied.undo(), new String(p.getInputStream().readAllBytes()))
                .isZero();
    }
}
