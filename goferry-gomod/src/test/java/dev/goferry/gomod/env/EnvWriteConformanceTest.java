package dev.goferry.gomod.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code go env -w}/{@code -u}: the same edits applied by the real go command and by
 * {@link EnvFileEditor} give byte-identical files, identical refusals and warnings; and what
 * goferry wrote reads back through {@code go env} as goferry reads it.
 */
class EnvWriteConformanceTest {

    /**
     * @param initial the go/env file before the edits (null: no file)
     * @param ops each "-w K=V …" or "-u K …", arguments separated by "\u0001" when a value has spaces
     * @param osEnv extra process environment
     */
    record Case(String name, String initial, List<String> ops, Map<String, String> osEnv) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case c(String name, String initial, String... ops) {
        return new Case(name, initial, List.of(ops), Map.of());
    }

    static List<Case> cases() {
        return List.of(
                c("create the file", null, "-w\u0001GOPROXY=https://a.example,direct"),
                c("several keys are sorted", null, "-w\u0001GOPROXY=x.example\u0001GOSUMDB=off\u0001GOPRIVATE=corp.example.com"),
                c("update in place among comments", "# comment\nGOSUMDB=off\nGOPROXY=old\n\n# tail\nGOFLAGS=-x\n",
                        "-w\u0001GOPROXY=new\u0001GONOSUMDB=a.example"),
                c("duplicates collapse to the last", "GOPROXY=a\nGOSUMDB=off\nGOPROXY=b\n", "-w\u0001GOPRIVATE=x"),
                c("unset present and absent keys", "GOSUMDB=off\nGOPROXY=a\nGOPRIVATE=p\n", "-u\u0001GOPROXY\u0001GOVCS"),
                c("no final newline", "GOSUMDB=off", "-w\u0001GOPROXY=b"),
                c("odd lines keep their place", "goproxy=lower\nNOEQUALS\n#K=V\nZ=1\nA#=2\nGOSUMDB=off\n=empty\nB=3\n",
                        "-w\u0001GOPROXY=p\u0001GOFLAGS=-mod=mod"),
                c("unknown key already in the file can be changed", "MYVAR=1\n", "-w\u0001MYVAR=2", "-u\u0001MYVAR"),
                c("CRLF file", "GOPROXY=a\r\nGOSUMDB=off\r\n", "-w\u0001GOPROXY=b"),
                c("empty value", "GOPROXY=a\n", "-w\u0001GOPROXY="),
                c("a sequence of edits", null, "-w\u0001GOSUMDB=off", "-w\u0001GOPROXY=https://goproxy.cn,direct",
                        "-w\u0001GOPRIVATE=*.corp.example.com", "-u\u0001GOSUMDB", "-w\u0001GONOSUMDB=none"),
                c("value with spaces and quotes", null, "-w\u0001GOFLAGS=-mod=mod '-ldflags=-s -w'"),
                c("refuse HTTPS_PROXY", null, "-w\u0001HTTPS_PROXY=http://127.0.0.1:3128"),
                c("refuse GOENV", null, "-w\u0001GOENV=/x"),
                c("refuse GOMOD", null, "-w\u0001GOMOD=/x/go.mod"),
                c("refuse GODEBUG", null, "-w\u0001GODEBUG=netdns=go"),
                c("refuse relative GOPATH", null, "-w\u0001GOPATH=rel"),
                c("refuse ~ GOPATH", null, "-w\u0001GOPATH=~/go"),
                c("refuse relative GOMODCACHE", null, "-w\u0001GOMODCACHE=rel"),
                c("refuse relative GOTMPDIR", null, "-w\u0001GOTMPDIR=tmp"),
                c("refuse bad GO111MODULE", null, "-w\u0001GO111MODULE=maybe"),
                c("refuse a missing '='", null, "-w\u0001GOPROXY"),
                c("refuse a key given twice", null, "-w\u0001GOPROXY=a\u0001GOPROXY=b"),
                c("refuse a newline", null, "-w\u0001GOPROXY=a\rb"),
                c("refuse no arguments", null, "-w"),
                c("refuse -u without arguments", "GOPROXY=a\n", "-u"),
                c("-u without a file", null, "-u\u0001GOPROXY"),
                c("GOTOOLCHAIN and GOAUTH depend on the version", null, "-w\u0001GOTOOLCHAIN=local", "-w\u0001GOAUTH=off"),
                c("first refusal wins, earlier keys are not written", null, "-w\u0001GOPROXY=a\u0001NOPE=1"),
                new Case("conflicting OS environment warns", null, List.of("-w\u0001GOPROXY=https://w.example"),
                        Map.of("GOPROXY", "https://env.example")),
                new Case("the same value as the OS environment does not warn", null,
                        List.of("-w\u0001GOPROXY=https://env.example"), Map.of("GOPROXY", "https://env.example")),
                new Case("file in a folder that does not exist yet", null, List.of("-w\u0001GOSUMDB=off"),
                        Map.of("GOENV", "$S/deep/er/env")));
    }

    static Stream<Arguments> runs() {
        return GoClients.withEach(cases());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void goferryEditsTheFileExactlyAsGoEnvW(GoClient client, Case c, @TempDir Path scratch) throws IOException {
        SettingsConformanceTest.telemetryOff(scratch);
        Path work = Files.createDirectories(scratch.resolve("work"));
        Path goFile = scratch.resolve("go/env");
        Path ourFile = scratch.resolve("goferry/env");
        if (c.initial() != null) {
            SettingsConformanceTest.write(goFile, c.initial());
            SettingsConformanceTest.write(ourFile, c.initial());
        }
        GoInstallation go = new GoInstallation(client.version(), Optional.of(client.goroot().toString()), false);
        Set<String> goEnvKeys = client.minor() >= 21
                ? EnvFile.parseGorootFile(Files.readString(client.goroot().resolve("go.env"))).keySet() : Set.of();
        for (String op : c.ops()) {
            List<String> args = new ArrayList<>(Arrays.asList(op.split("\u0001")));
            Map<String, String> env = new HashMap<>(client.baseEnvironment(scratch));
            env.put("GOENV", goFile.toString());
            c.osEnv().forEach((k, v) -> env.put(k, v.replace("$S", scratch.toString())));
            if (c.osEnv().containsKey("GOENV")) {
                goFile = Path.of(env.get("GOENV"));
                ourFile = scratch.resolve("goferry/deep/er/env");
            }
            List<String> goArgs = new ArrayList<>(List.of("env"));
            goArgs.addAll(args);
            GoClient.GoResult r = client.run(work, env, 60, goArgs.toArray(String[]::new));

            Optional<String> current = Files.exists(ourFile)
                    ? Optional.of(Files.readString(ourFile, StandardCharsets.UTF_8)) : Optional.empty();
            Set<String> known = new HashSet<>(goEnvKeys);
            current.ifPresent(text -> known.addAll(EnvFile.parse(text).keySet()));
            List<String> rest = args.subList(1, args.size());
            EnvFileEditor.Result ours = args.get(0).equals("-w")
                    ? EnvFileEditor.write(rest, current, known, env, go, GoOs.LINUX)
                    : EnvFileEditor.unset(rest, current, goFile.toString(), known, go, GoOs.LINUX);
            Path target = ourFile;
            ours.content().ifPresent(text -> SettingsConformanceTest.write(target, text));

            List<String> ourStderr = new ArrayList<>(ours.warnings());
            ours.error().ifPresent(ourStderr::add);
            assertThat(ourStderr).as("%s %s: %s messages", client.version(), c.name(), op.replace('\u0001', ' '))
                    .containsExactlyElementsOf(r.stderr().lines().toList());
            assertThat(ours.error().isPresent()).as("%s %s: refused? go exit %s", client.version(), c.name(), r.exitCode())
                    .isEqualTo(r.exitCode() != 0);
            assertThat(bytes(ourFile)).as("%s %s: file after %s", client.version(), c.name(), op.replace('\u0001', ' '))
                    .isEqualTo(bytes(goFile));
        }
        if (Files.exists(ourFile)) {
            Map<String, String> env = new HashMap<>(client.baseEnvironment(scratch));
            env.put("GOENV", ourFile.toString());
            List<String> args = new ArrayList<>(List.of("env", "-json"));
            args.addAll(GoSettings.KEYS);
            GoClient.GoResult r = client.run(work, env, 60, args.toArray(String[]::new));
            Map<String, String> want = GoEnvJson.parse(r.stdout());
            GoSettings got = GoSettings.resolve(env, GoOs.LINUX, LocalFiles.SYSTEM);
            for (String key : GoSettings.KEYS) {
                assertThat(got.value(key)).as("%s %s: %s read back", client.version(), c.name(), key).isEqualTo(want.get(key));
            }
        }
    }

    private static String bytes(Path file) throws IOException {
        return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1) : "<no file>";
    }
}
