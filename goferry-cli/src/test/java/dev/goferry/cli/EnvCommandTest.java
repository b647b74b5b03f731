package dev.goferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code goferry env} run in-process, as a user sees it, next to the real go command. */
class EnvCommandTest {

    static final List<String> KEYS = List.of("GOPROXY", "GONOPROXY", "GOPRIVATE", "GONOSUMDB", "GOSUMDB",
            "GOINSECURE", "GOVCS", "GOFLAGS", "GOTOOLCHAIN", "GOAUTH", "GOENV", "GOROOT", "GOPATH", "GOMODCACHE");

    record Run(int exitCode, String out, String err) {
        void hasNoStackTrace() {
            assertThat(out + err).doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    static Run goferry(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, env, new PrintWriter(out), new PrintWriter(err), false);
        return new Run(code, out.toString(), err.toString());
    }

    static Map<String, String> env(GoClient client, Path scratch, String... vars) throws IOException {
        Map<String, String> env = new HashMap<>(client.baseEnvironment(scratch));
        env.put("GOENV", scratch.resolve("config/go/env").toString());
        for (int i = 0; i < vars.length; i += 2) {
            env.put(vars[i], vars[i + 1]);
        }
        return env;
    }

    static Stream<Arguments> configurations() {
        List<Arguments> out = new ArrayList<>();
        for (GoClient client : GoClients.all()) {
            out.add(Arguments.of(client, "GOPROXY=https://goproxy.cn\nGOSUMDB=sum.golang.google.cn\n", new String[] {}));
            out.add(Arguments.of(client, "GOPRIVATE=*.corp.example.com\n", new String[] {"GONOPROXY", "none"}));
            out.add(Arguments.of(client, "GOPROXY=\nGOSUMDB=\n", new String[] {"GOFLAGS", "-mod=mod"}));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("configurations")
    void jsonSettingsEqualGoEnvJson(GoClient client, String userFile, String[] vars, @TempDir Path scratch) throws IOException {
        Map<String, String> env = env(client, scratch, vars);
        Files.createDirectories(scratch.resolve("config/go"));
        Files.writeString(scratch.resolve("config/go/env"), userFile);
        Run run = goferry(env, "env", "--json");
        run.hasNoStackTrace();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("schema").asText()).isEqualTo("goferry.env/v1");
        assertThat(doc.at("/go/version").asText()).isEqualTo(client.version());
        assertThat(doc.at("/go/assumed").asBoolean()).isFalse();

        List<String> args = new ArrayList<>(List.of("env", "-json"));
        args.addAll(KEYS);
        GoClient.GoResult go = client.run(Files.createDirectories(scratch.resolve("work")), env, 60, args.toArray(String[]::new));
        JsonNode want = new ObjectMapper().readTree(go.stdout());
        for (JsonNode setting : doc.get("settings")) {
            String key = setting.get("key").asText();
            assertThat(setting.get("value").asText()).as("%s %s", client.version(), key).isEqualTo(want.get(key).asText());
        }
        assertThat(doc.get("settings")).hasSize(KEYS.size());
        boolean malformed = !doc.get("errors").isEmpty();
        assertThat(run.exitCode()).as("exit code with errors %s", doc.get("errors")).isEqualTo(malformed ? 2 : 0);
    }

    @Test
    void textShowsValuesSourcesTheProxyOrderAndWarnings(@TempDir Path scratch) throws IOException {
        GoClient client = GoClients.newest();
        Map<String, String> env = env(client, scratch, "GOPRIVATE", "a.example.com, b.example.com");
        Path file = scratch.resolve("config/go/env");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "GOPROXY=https://goproxy.cn,https://goproxy.io\n");
        Run run = goferry(env, "env");
        run.hasNoStackTrace();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Go " + client.version() + " (GOROOT " + client.goroot() + ")")
                .contains("User go/env file: " + file)
                .containsPattern("GOPROXY +https://goproxy.cn,https://goproxy.io  \\(go/env file " + file + "\\)")
                .containsPattern("GOSUMDB +sum.golang.org  \\(GOROOT go.env " + client.goroot() + "/go.env\\)")
                .containsPattern("GONOPROXY +a.example.com, b.example.com  \\(not set, takes the value of GOPRIVATE\\)")
                .contains("1. noproxy", "2. https://goproxy.cn", "3. https://goproxy.io")
                .contains("https://goproxy.cn is followed by \",\"")
                .contains("does not end in direct")
                .contains("the entry \" b.example.com\" contains a space");
    }

    @Test
    void malformedValuesPrintGosTextAnExplanationAndExit2(@TempDir Path scratch) throws IOException {
        GoClient client = GoClients.newest();
        Map<String, String> env = env(client, scratch, "GOPROXY", "ftp://mirror.example", "GOVCS", "public",
                "GOFLAGS", "mod=mod", "GOTOOLCHAIN", "latest", "GOSUMDB", "sum.example.com");
        Run run = goferry(env, "env");
        run.hasNoStackTrace();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out())
                .contains("GOPROXY      ftp://mirror.example")
                .contains("GOPROXY: go: invalid proxy URL scheme (must be https, http, file): ftp://mirror.example")
                .contains("GOSUMDB: go: invalid GOSUMDB: malformed verifier id")
                .contains("GOVCS: go: malformed entry in GOVCS (missing colon): \"public\"")
                .contains("GOFLAGS: go: parsing $GOFLAGS: non-flag \"mod=mod\"")
                .contains("GOTOOLCHAIN: go: invalid GOTOOLCHAIN \"latest\"")
                .contains("every module download fails with this message")
                .contains("names \"sum.example.com\" without its public key");
    }

    @Test
    void chineseOutput(@TempDir Path scratch) throws IOException {
        GoClient client = GoClients.newest();
        Run run = goferry(env(client, scratch, "GOSUMDB", "off", "GOPROXY", "ftp://x"), "--lang", "zh-CN", "env");
        run.hasNoStackTrace();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("用户 go/env 文件：", "（进程环境变量）", "警告：", "校验已关闭",
                "go: invalid proxy URL scheme (must be https, http, file): ftp://x", "go 命令无法使用这个 GOPROXY");
    }

    @Test
    void selectedKeysAndUnknownKeys(@TempDir Path scratch) throws IOException {
        GoClient client = GoClients.newest();
        Map<String, String> env = env(client, scratch, "GOSUMDB", "off");
        Run some = goferry(env, "env", "--json", "GOSUMDB");
        assertThat(some.exitCode()).isZero();
        JsonNode doc = new ObjectMapper().readTree(some.out());
        assertThat(doc.get("settings")).hasSize(1);
        assertThat(doc.at("/settings/0/source/kind").asText()).isEqualTo("environment");
        assertThat(doc.at("/warnings/0/id").asText()).isEqualTo("env.warn.gosumdb-off");
        assertThat(doc.get("proxyList")).isEmpty();

        Run unknown = goferry(env, "env", "HTTPS_PROXY");
        unknown.hasNoStackTrace();
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown setting \"HTTPS_PROXY\"");
    }

    @Test
    void withoutGoTheLatestDefaultsAreAssumed(@TempDir Path scratch) throws IOException {
        Map<String, String> env = Map.of("HOME", scratch.toString(), "PATH", scratch.resolve("nothing").toString());
        Run run = goferry(env, "env", "--json");
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.at("/go/assumed").asBoolean()).isTrue();
        assertThat(doc.at("/settings/0/value").asText()).isEqualTo("https://proxy.golang.org,direct");
        assertThat(doc.at("/settings/0/source/kind").asText()).isEqualTo("default");
        Run text = goferry(env, "env");
        assertThat(text.out()).contains("No Go installation found").contains("assumed because no Go was found");
    }

    static Stream<GoClient> clients() {
        return GoClients.all().stream();
    }

    /** The same edits through goferry and through go give the same file and the same refusals. */
    @ParameterizedTest
    @MethodSource("clients")
    void writeAndUnsetLikeGoEnv(GoClient client, @TempDir Path scratch) throws IOException {
        Map<String, String> ours = env(client, scratch, "GOENV", scratch.resolve("ours/env").toString(),
                "GOPROXY", "https://os.example");
        Map<String, String> theirs = new HashMap<>(ours);
        theirs.put("GOENV", scratch.resolve("theirs/env").toString());
        Path work = Files.createDirectories(scratch.resolve("work"));
        List<String[]> edits = List.of(
                new String[] {"-w", "GOPROXY=https://goproxy.cn,direct", "GOSUMDB=sum.golang.google.cn"},
                new String[] {"-w", "GOPRIVATE=*.corp.example.com", "GOFLAGS=-mod=mod"},
                new String[] {"-u", "GOFLAGS"},
                new String[] {"-w", "HTTPS_PROXY=http://127.0.0.1:3128"},
                new String[] {"-w", "GOPATH=relative"});
        for (String[] edit : edits) {
            String[] args = new String[edit.length + 1];
            args[0] = "env";
            System.arraycopy(edit, 0, args, 1, edit.length);
            Run run = goferry(ours, args);
            run.hasNoStackTrace();
            GoClient.GoResult go = client.run(work, theirs, 60, args);
            assertThat(run.exitCode()).as("%s exit", String.join(" ", edit)).isEqualTo(go.exitCode() == 0 ? 0 : 2);
            assertThat(run.err()).as("%s messages", String.join(" ", edit)).startsWith(go.stderr());
            assertThat(Files.readString(scratch.resolve("ours/env")))
                    .isEqualTo(Files.readString(scratch.resolve("theirs/env")));
        }
        assertThat(goferry(ours, "env", "-w", "HTTPS_PROXY=x").err())
                .contains("go: unknown go command variable HTTPS_PROXY")
                .contains("HTTPS_PROXY is read from the process environment only");
        assertThat(Files.readString(scratch.resolve("ours/env")))
                .isEqualTo("GOPRIVATE=*.corp.example.com\nGOPROXY=https://goproxy.cn,direct\nGOSUMDB=sum.golang.google.cn\n");
    }

    @Test
    void writesThroughASymlinkKeepingPermissions(@TempDir Path scratch) throws IOException {
        Path real = scratch.resolve("dotfiles/go-env");
        Files.createDirectories(real.getParent());
        Files.writeString(real, "GOSUMDB=off\n");
        Files.setPosixFilePermissions(real, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path link = scratch.resolve("config/go/env");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, real);
        Run run = goferry(env(GoClients.newest(), scratch), "env", "-w", "GOPROXY=https://goproxy.cn,direct");
        assertThat(run.exitCode()).isZero();
        assertThat(link).isSymbolicLink();
        assertThat(real).hasContent("GOPROXY=https://goproxy.cn,direct\nGOSUMDB=off\n");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(real)))
                .isEqualTo("rw-------");
        try (Stream<Path> left = Files.list(real.getParent())) {
            assertThat(left).as("no temporary file left behind").containsExactly(real);
        }
    }

    @Test
    void helpListsTheEditOptions(@TempDir Path scratch) throws IOException {
        Run help = goferry(env(GoClients.newest(), scratch), "env", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("-w", "-u", "KEY");
    }

    @Test
    void editRefusalsAndGoenvOff(@TempDir Path scratch) throws IOException {
        GoClient client = GoClients.newest();
        Run both = goferry(env(client, scratch), "env", "-w", "-u", "GOPROXY");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("go: cannot use -u with -w");
        Run off = goferry(env(client, scratch, "GOENV", "off"), "env", "-w", "GOPROXY=https://x.example");
        assertThat(off.exitCode()).isZero();
        assertThat(off.err()).contains("GOENV=off");
        assertThat(scratch.resolve("config/go/env")).doesNotExist();
        Run zh = goferry(env(client, scratch), "--lang", "zh-CN", "env", "-w", "NO_PROXY=corp.example.com");
        assertThat(zh.exitCode()).isEqualTo(2);
        assertThat(zh.err()).contains("go: unknown go command variable NO_PROXY", "只从进程环境变量读取");
        zh.hasNoStackTrace();
    }
}
