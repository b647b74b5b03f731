package dev.goferry.gomod.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.gomod.module.ModError;
import dev.goferry.gomod.module.ModulePaths;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * goferry's module path verdicts and messages are the real go's: each path is given to
 * {@code go mod download -json path@v1.0.0} with {@code GOPROXY=off}, so go answers from its own
 * path check (a valid path gets "module lookup disabled" instead).
 */
class GoPathMessagesConformanceTest {

    static final List<String> PATHS = List.of(
            "x", "github.com/x/v1", "x.y/aux", "X.y/z", "x.y/z+", "x.y/z~1", "x.y/.z", "x.y/z.", "x.y/z/v0",
            "x.y/z/v2.0", "gopkg.in/yaml", "gopkg.in/yaml.v02", "x.y/a b", "x.y/com1.txt", "-x.y/z",
            // valid ones, to show the check also lets through what go lets through
            "x.y/z", "x.y/z/v2", "gopkg.in/yaml.v2", "gopkg.in/dummy.v2-unstable", "x.y/prn2", "x..y/z", "x.y/z~a1");

    @Test
    void modulePathErrorsReadAsGoPrintsThem(@TempDir Path scratch) throws IOException {
        for (GoClient go : GoClients.all()) {
            Path dir = scratch.resolve(go.version());
            Files.createDirectories(dir.resolve("work"));
            Map<String, String> env = new HashMap<>(go.baseEnvironment(dir));
            env.put("GOPROXY", "off");
            env.put("GOSUMDB", "off");
            List<String> args = new ArrayList<>(List.of("mod", "download", "-json"));
            PATHS.forEach(p -> args.add(p + "@v1.0.0"));
            GoClient.GoResult r = go.run(dir.resolve("work"), env, 120, args.toArray(String[]::new));
            Map<String, String> errors = new HashMap<>();
            GoModuleJson.parseStream(r.stdout()).forEach(j -> errors.put(j.get("Path").orElseThrow(), j.get("Error").orElse("")));
            for (String path : PATHS) {
                String goError = errors.get(path);
                assertThat(goError).as("%s printed a result for %s; stderr %s", go.version(), path, r.stderr()).isNotNull();
                String want = ModulePaths.checkPath(path).map(ModError::message)
                        .map(m -> path + "@v1.0.0: " + m)
                        .orElse(path + "@v1.0.0: module lookup disabled by GOPROXY=off");
                assertThat(goError).as("%s on %s", go.version(), path).isEqualTo(want);
            }
        }
    }
}
