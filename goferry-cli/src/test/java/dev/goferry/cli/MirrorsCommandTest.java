package dev.goferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goferry.install.mirrors.MirrorsLab;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code goferry mirrors test} and {@code mirrors use} against the loopback lab (install's
 * MirrorsLab: correct, stale, HTML 200, slow, refused mirrors; good, stale and wrong-key checksum
 * databases); {@code use}'s go/env file is read back by the real go 1.19 and 1.24.
 */
class MirrorsCommandTest {

    static MirrorsLab lab;
    static Path catalog;

    @BeforeAll
    static void startLab(@TempDir Path dir) throws IOException {
        lab = new MirrorsLab();
        catalog = lab.catalog(dir, false);
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void testJsonRanksEveryLabMirrorByKind(@TempDir Path home) throws IOException {
        CliRun run = CliRun.of(Map.of("HOME", home.toString()), "mirrors", "test", "--catalog", catalog.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("schema").asText()).isEqualTo("goferry.mirrors/v1");
        assertThat(doc.at("/freshest/goproxy").asText()).isEqualTo("v1.1.0");
        assertThat(doc.at("/freshest/release").asText()).isEqualTo("go1.19.8");
        Map<String, String> status = new LinkedHashMap<>();
        Map<String, String> toolchain = new LinkedHashMap<>();
        for (JsonNode m : doc.get("mirrors")) {
            status.put(m.get("kind").asText() + " " + m.get("name").asText(), m.get("status").asText());
            if (m.has("toolchain")) {
                toolchain.put(m.get("kind").asText() + " " + m.get("name").asText(), m.get("toolchain").asText("none"));
            }
        }
        assertThat(toolchain).as("golang.org/toolchain per GOPROXY, only for GOPROXYs")
                .containsEntry("goproxy good", "go1.22.3").containsEntry("goproxy stale", "go1.21.0")
                .containsEntry("goproxy good2", "none").containsEntry("goproxy html", "none")
                .allSatisfy((mirror, v) -> assertThat(mirror).startsWith("goproxy "));
        assertThat(status).containsEntry("goproxy good", "ok").containsEntry("goproxy slow", "ok")
                .containsEntry("goproxy stale", "stale").containsEntry("goproxy html", "broken")
                .containsEntry("goproxy refused", "unreachable").containsEntry("sumdb good", "ok")
                .containsEntry("sumdb wrongkey", "broken").containsEntry("sumdb stale", "stale")
                .containsEntry("release good", "ok").containsEntry("release stale", "stale")
                .containsEntry("release html", "broken");
        JsonNode first = doc.get("mirrors").get(0);
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("latencyMs").isNumber()).isTrue();
        assertThat(first.get("throughputBytesPerSecond").isNumber()).isTrue();
    }

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("en", List.of("GOPROXY mirrors (reference module example.com/ref; newest version seen: v1.1.0)",
                        "stale", "broken", "unreachable", "served an HTML page with status 200", "toolchain", "go1.22.3")),
                Arguments.of("zh-CN", List.of("GOPROXY 镜像（参考模块 example.com/ref；见到的最新版本：v1.1.0）", "过时", "异常", "无法连接",
                        "工具链", "go1.22.3")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void testTextShowsATablePerKind(String lang, List<String> expected, @TempDir Path home) {
        CliRun run = CliRun.of(Map.of("HOME", home.toString()), "--lang", lang, "mirrors", "test", "--kind", "goproxy",
                "--catalog", catalog.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).as("%s output", lang).contains(expected).doesNotContain("sum.golang.test");
    }

    @Test
    void progressIsDrawnOnATerminalOnly(@TempDir Path home) {
        CliRun tty = CliRun.onTerminal(Map.of("HOME", home.toString()), "mirrors", "test", "--kind", "sumdb", "--catalog", catalog.toString());
        assertThat(tty.err()).contains("probing mirrors: 4/4 answered");
        CliRun plain = CliRun.of(Map.of("HOME", home.toString()), "mirrors", "test", "--kind", "sumdb", "--catalog", catalog.toString());
        assertThat(plain.err()).doesNotContain("probing");
    }

    @Test
    void aKindWithoutAWorkingMirrorExitsWithProblems(@TempDir Path dir) throws IOException {
        Path only = dir.resolve("broken.properties");
        Files.writeString(only, "reference.module=example.com/ref\ngoproxy.1=html " + lab.url("html") + "\n");
        CliRun run = CliRun.of(Map.of("HOME", dir.toString()), "mirrors", "test", "--kind", "goproxy", "--catalog", only.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.out()).contains("no working goproxy mirror from here");
    }

    @Test
    void anUnknownKindIsAUsageError(@TempDir Path home) {
        CliRun run = CliRun.of(Map.of("HOME", home.toString()), "mirrors", "test", "--kind", "cdn", "--catalog", catalog.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("kind \"cdn\": want goproxy, sumdb or release");
    }

    static Map<String, String> env(GoClient client, Path scratch) {
        Map<String, String> env = new HashMap<>(client.baseEnvironment(scratch));
        env.put("GOENV", scratch.resolve("config/go/env").toString());
        return env;
    }

    /**
     * Rows: the go/env file before, the command's arguments, then GOPROXY and GOSUMDB as the real go reads them.
     * Found with go 1.24: an unset GOSUMDB comes from $GOROOT/go.env there (not cmd/go's built-in default),
     * and must count as "not chosen by the user" just the same.
     */
    static Stream<Arguments> uses() {
        String good = lab.url("good");
        String db = lab.key.verifierKey() + " " + lab.goodDb.url();
        List<Object[]> cases = List.of(
                new Object[] {"", new String[] {"fastest"}, List.of(good + ",direct", lab.url("good2") + ",direct"), db},
                new Object[] {"GOPRIVATE=*.corp.example\nGOPROXY=https://corp.example/proxy|direct\n", new String[] {"good"},
                        List.of(good + "|direct"), db},
                new Object[] {"GOPROXY=https://corp.example/a,https://corp.example/b,off\nGOSUMDB=off\n", new String[] {"slow"},
                        List.of(lab.url("slow") + ",off"), "off"},
                new Object[] {"", new String[] {"good", "--sumdb", "stale"}, List.of(good + ",direct"),
                        lab.key.verifierKey() + " " + lab.staleDb.url()});
        return GoClients.withEach(cases);
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("uses")
    void useWritesWhatTheRealGoReadsBack(GoClient client, Object[] row, @TempDir Path scratch) throws IOException {
        String before = (String) row[0];
        String[] args = (String[]) row[1];
        Map<String, String> env = env(client, scratch);
        Path file = Path.of(env.get("GOENV"));
        Files.createDirectories(file.getParent());
        if (!before.isEmpty()) {
            Files.writeString(file, before);
        }
        List<String> argv = new java.util.ArrayList<>(List.of("mirrors", "use"));
        argv.addAll(List.of(args));
        argv.addAll(List.of("--catalog", catalog.toString()));
        CliRun run = CliRun.of(env, argv.toArray(String[]::new));
        assertThat(run.exitCode()).as("%s %s: %s%s", client, List.of(args), run.out(), run.err()).isZero();
        assertThat(run.out()).contains("GOPROXY: ").contains("written to " + file);
        GoClient.GoResult go = client.run(scratch, env, 30, "env", "GOPROXY", "GOSUMDB", "GOPRIVATE");
        assertThat(go.exitCode()).as(go.stderr()).isZero();
        List<String> lines = go.stdout().lines().toList();
        assertThat(lines.get(0)).as("%s GOPROXY after %s", client, List.of(args)).isIn((List<?>) row[2]);
        assertThat(lines.get(1)).as("%s GOSUMDB after %s", client, List.of(args)).isEqualTo(row[3]);
        if (before.contains("GOPRIVATE")) {
            assertThat(lines.get(2)).as("GOPRIVATE kept").isEqualTo("*.corp.example");
        }
        if (before.contains("GOSUMDB=off")) {
            assertThat(run.out()).contains("GOSUMDB=off: left as it is");
        }
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(new String[] {"html"}, ExitCodes.PROBLEMS, "goproxy html does not work from here: "
                        + "example.com/ref/@v/list: served an HTML page with status 200"),
                Arguments.of(new String[] {"refused"}, ExitCodes.PROBLEMS, "goproxy refused does not work from here"),
                Arguments.of(new String[] {"good", "--sumdb", "wrongkey"}, ExitCodes.PROBLEMS,
                        "sumdb wrongkey does not work from here: latest: signed tree head not signed by sum.golang.test's key"),
                Arguments.of(new String[] {"nope"}, ExitCodes.USAGE, "GOPROXY mirror \"nope\": not in the catalog (known: html, slow, stale, good, refused, good2, or fastest)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void useChangesNothingWhenTheMirrorDoesNotWork(String[] args, int exit, String message, @TempDir Path scratch) throws IOException {
        Map<String, String> env = env(GoClients.newest(), scratch);
        Path file = Path.of(env.get("GOENV"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, "GOPROXY=https://proxy.golang.org,direct\n");
        List<String> argv = new java.util.ArrayList<>(List.of("mirrors", "use"));
        argv.addAll(List.of(args));
        argv.addAll(List.of("--catalog", catalog.toString()));
        CliRun run = CliRun.of(env, argv.toArray(String[]::new));
        assertThat(run.exitCode()).as("%s: %s", List.of(args), run.err()).isEqualTo(exit);
        assertThat(run.err()).as("%s", List.of(args)).contains(message);
        assertThat(Files.readString(file)).as("go/env untouched").isEqualTo("GOPROXY=https://proxy.golang.org,direct\n");
    }
}
