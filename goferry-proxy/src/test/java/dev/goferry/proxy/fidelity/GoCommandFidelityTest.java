package dev.goferry.proxy.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.proxy.Lab;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import dev.goferry.testkit.ModCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code go list -m -versions}, {@code go get M@latest}, {@code @upgrade}, pseudo-versions,
 * {@code +incompatible}, {@code /vN} and case-escaped paths behave identically through goferry
 * (corpus as a file:// upstream) and against the corpus directly, for both real clients: same
 * exit code, same standard output, same standard error once the proxy URL is named alike, same
 * go.mod afterwards.
 */
class GoCommandFidelityTest {

    @TempDir
    static Path shared;
    static String direct;
    static Lab.Running goferry;

    @BeforeAll
    static void start() throws Exception {
        ModCorpus corpus = ModCorpus.go119(Lab.CODEC);
        direct = ModCorpus.fileProxyUrl(corpus.writeProxy(shared.resolve("corpus"), m -> true));
        goferry = Lab.start(shared.resolve("data"), direct, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (goferry != null) {
            goferry.close();
        }
    }

    /** Each case: go commands run in order in a fresh module {@code example.com/app}. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("versions", List.of(List.of("list", "-m", "-versions", "rsc.io/quote"))),
                Arguments.of("versions of an +incompatible module", List.of(List.of("list", "-m", "-versions", "rsc.io/breaker"))),
                Arguments.of("versions of a /v2 module", List.of(List.of("list", "-m", "-versions", "rsc.io/quote/v2"))),
                Arguments.of("versions of a case-escaped path", List.of(List.of("list", "-m", "-versions", "rsc.io/QUOTE"))),
                Arguments.of("versions of a missing module", List.of(List.of("list", "-m", "-versions", "example.com/nothing-here"))),
                Arguments.of("latest", List.of(List.of("get", "rsc.io/quote@latest"), List.of("list", "-m", "all"))),
                Arguments.of("latest +incompatible", List.of(List.of("get", "rsc.io/breaker@latest"))),
                Arguments.of("latest /v3", List.of(List.of("get", "rsc.io/quote/v3@latest"))),
                Arguments.of("upgrade", List.of(List.of("get", "rsc.io/quote@v1.2.0"), List.of("get", "rsc.io/quote@upgrade"),
                        List.of("list", "-m", "all"))),
                Arguments.of("pseudo-version", List.of(List.of("get", "rsc.io/quote@v0.0.0-20180709153244-fd906ed3b100"))),
                Arguments.of("case-escaped path", List.of(List.of("get", "rsc.io/QUOTE@v1.5.2"))),
                Arguments.of("missing version", List.of(List.of("get", "rsc.io/quote@v9.9.9"))));
    }

    record Run(List<String> outputs, String goMod) {}

    static Run run(GoClient go, Path scratch, String goproxy, List<List<String>> commands) throws IOException {
        Path work = Files.createDirectories(scratch.resolve("work"));
        Map<String, String> env = new HashMap<>(go.baseEnvironment(scratch));
        env.put("GOPROXY", goproxy);
        env.put("GOSUMDB", "off");
        env.put("GOFLAGS", "-mod=mod -modcacherw");
        env.put("GOMODCACHE", scratch.resolve("modcache").toString());
        Files.writeString(work.resolve("go.mod"), "module example.com/app\n\ngo 1.19\n");
        List<String> outputs = new ArrayList<>();
        for (List<String> command : commands) {
            GoClient.GoResult r = go.run(work, env, 120, command.toArray(String[]::new));
            outputs.add("go " + String.join(" ", command) + "\nexit " + r.exitCode() + "\nstdout:\n" + r.stdout()
                    + "stderr:\n" + normalise(r.stderr().replace(goproxy, "PROXY")));
        }
        return new Run(outputs, Files.readString(work.resolve("go.mod")));
    }

    /**
     * Names the two routes' differences alike: a missing file is "no such file or directory" from
     * a file:// proxy and "404 Not Found" (plus the server's text) from an HTTP one. go downloads
     * in parallel, so its "go: downloading" lines come in any order: they are sorted.
     */
    static String normalise(String stderr) {
        List<String> lines = new ArrayList<>(stderr.replaceAll("no such file or directory|404 Not Found", "NOT FOUND").lines()
                .filter(l -> !l.strip().startsWith("server response:")).toList());
        List<String> downloading = lines.stream().filter(l -> l.startsWith("go: downloading ")).sorted().toList();
        lines.removeIf(l -> l.startsWith("go: downloading "));
        lines.addAll(0, downloading);
        return String.join("\n", lines);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void behavesAsTheCorpusDirectly(String name, List<List<String>> commands) throws IOException {
        int n = 0;
        for (GoClient go : GoClients.all()) {
            Path scratch = shared.resolve(name.replaceAll("\\W", "_") + "-" + go.version());
            Run want = run(go, scratch.resolve("direct"), direct, commands);
            Run got = run(go, scratch.resolve("goferry"), goferry.url(), commands);
            assertThat(got.outputs()).as("%s through goferry, %s", go.version(), name).isEqualTo(want.outputs());
            assertThat(got.goMod()).as("%s go.mod through goferry, %s", go.version(), name).isEqualTo(want.goMod());
            n++;
        }
        assertThat(n).as("clients").isEqualTo(GoClients.all().size());
    }
}
