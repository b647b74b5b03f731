package dev.goferry.proxy.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goferry.proxy.Lab;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import dev.goferry.testkit.ModCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real go (1.19 and 1.24) fetching Go's own module corpus through goferry gets what it gets
 * from the corpus directly: goferry "front" has the corpus as a {@code file://} upstream, goferry
 * "chained" has "front" as an HTTP upstream. Each client runs one {@code go mod download -json}
 * of every corpus module per route; the first client fills the caches, the second reads them warm.
 */
class CorpusFidelityTest {

    @TempDir
    static Path shared;
    static ModCorpus corpus;
    static String direct;
    static Lab.Running front;
    static Lab.Running chained;

    @BeforeAll
    static void start() throws Exception {
        corpus = ModCorpus.go119(Lab.CODEC);
        direct = ModCorpus.fileProxyUrl(corpus.writeProxy(shared.resolve("corpus"), m -> true));
        front = Lab.start(shared.resolve("front-data"), direct, Map.of());
        chained = Lab.start(shared.resolve("chained-data"), front.url(), Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (chained != null) {
            chained.close();
        }
        if (front != null) {
            front.close();
        }
    }

    static Map<String, String> env(GoClient go, Path scratch, String goproxy) {
        Map<String, String> env = new HashMap<>(go.baseEnvironment(scratch));
        env.put("GOPROXY", goproxy);
        env.put("GOSUMDB", "off");
        env.put("GOFLAGS", "-mod=mod -modcacherw");
        env.put("GOMODCACHE", scratch.resolve("modcache").toString());
        return env;
    }

    static Map<String, JsonNode> downloadAll(GoClient go, Path scratch, String goproxy) throws IOException {
        List<String> args = new ArrayList<>(List.of("mod", "download", "-json"));
        corpus.modules().forEach(m -> args.add(m.toString()));
        Files.createDirectories(scratch.resolve("work"));
        GoClient.GoResult r = go.run(scratch.resolve("work"), env(go, scratch, goproxy), 300, args.toArray(String[]::new));
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode j : Lab.jsonStream(r.stdout())) {
            out.putIfAbsent(j.path("Path").asText() + "@" + j.path("Version").asText(), j);
        }
        assertThat(out).as("%s via %s printed results; stderr: %s", go.version(), goproxy, r.stderr()).isNotEmpty();
        return out;
    }

    /**
     * go's error for a module, with what depends only on the route taken out: a missing file is
     * "no such file or directory" from a file:// proxy and "404 Not Found" from an HTTP one.
     */
    static String errorClass(JsonNode j) {
        String e = j.path("Error").asText("");
        if (e.isEmpty()) {
            return "";
        }
        if (e.contains("no such file or directory") || e.contains("404 Not Found")) {
            return "not found";
        }
        return e.substring(e.lastIndexOf(": ") + 2);
    }

    @Test
    void goModDownloadOfTheWholeCorpusMatchesDirectFetching() throws IOException {
        for (GoClient go : GoClients.all()) {
            Map<String, JsonNode> reference = downloadAll(go, shared.resolve(go.version() + "-direct"), direct);
            for (Lab.Running via : List.of(front, chained)) {
                String route = via == front ? "file:// upstream" : "HTTP upstream";
                Map<String, JsonNode> got = downloadAll(go, shared.resolve(go.version() + "-" + route.charAt(0)), via.url());
                assertThat(got.keySet()).as("%s via goferry (%s): modules reported", go.version(), route)
                        .containsExactlyInAnyOrderElementsOf(reference.keySet());
                int errors = 0;
                for (Map.Entry<String, JsonNode> e : reference.entrySet()) {
                    JsonNode want = e.getValue();
                    JsonNode have = got.get(e.getKey());
                    String what = go.version() + " " + e.getKey() + " via goferry (" + route + ")";
                    assertThat(have.path("Sum").asText("")).as("%s: Sum", what).isEqualTo(want.path("Sum").asText(""));
                    assertThat(have.path("GoModSum").asText("")).as("%s: GoModSum", what)
                            .isEqualTo(want.path("GoModSum").asText(""));
                    assertThat(errorClass(have)).as("%s: error (direct said %s, goferry said %s)", what,
                            want.path("Error"), have.path("Error")).isEqualTo(errorClass(want));
                    errors += want.has("Error") ? 1 : 0;
                }
                assertThat(errors).as("%s: the corpus has modules go rejects, so errors are compared too", go.version())
                        .isGreaterThan(3);
            }
        }
    }
}
