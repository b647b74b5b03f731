package dev.goferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hermetic runner really hides the machine's environment and resolver from the go command. */
class GoClientTest {

    @Test
    void runsEveryClientWithOnlyTheGivenEnvironment(@TempDir Path scratch) {
        for (GoClient go : GoClients.all()) {
            Map<String, String> env = new HashMap<>(go.baseEnvironment(scratch));
            env.put("GOPRIVATE", "corp.example.com");
            GoClient.GoResult r = go.run(scratch.resolve("w"), env, 60, "env", "GOPRIVATE", "GOVERSION", "GOFLAGS");
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(r.stdout().lines().toList()).as(go.version())
                    .containsExactly("corp.example.com", go.version(), "");
        }
    }

    @Test
    void lookupsStayOnLoopback(@TempDir Path scratch) {
        org.junit.jupiter.api.Assumptions.assumeTrue(GoClient.isolated(), "needs root and unshare");
        GoClient go = GoClients.oldest();
        Map<String, String> env = new HashMap<>(go.baseEnvironment(scratch));
        env.put("GOPROXY", "https://proxy.example.test");
        env.put("GOSUMDB", "off");
        env.put("GOFLAGS", "-mod=mod");
        GoClient.GoResult r = go.run(scratch.resolve("w"), env, 60, "mod", "download", "-json", "example.com/m@v1.0.0");
        assertThat(r.stdout()).contains("lookup proxy.example.test on 127.0.0.1:53");
    }
}
