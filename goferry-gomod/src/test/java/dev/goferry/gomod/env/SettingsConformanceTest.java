package dev.goferry.gomod.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * goferry's effective settings equal what {@code go env -json} prints, for every network key,
 * with both real Go clients, over configurations that mix the process environment, the user
 * go/env file and {@code $GOROOT/go.env}. The GOROOT cases point GOROOT (from the environment
 * or from the user file) at a scratch folder holding only a go.env and the client's VERSION: the
 * go command accepts that for {@code go env}, which is what lets go.env precedence be tested
 * without touching the installed Go.
 */
class SettingsConformanceTest {

    /** A marker value: remove the variable from the hermetic base environment. */
    static final String UNSET = "\u0000unset";

    /**
     * One configuration.
     *
     * @param env variables added to (or, with {@link #UNSET}, removed from) the base environment;
     *     {@code $S} in a value stands for the scratch folder
     * @param userFile content of the user go/env file, written at $S/config/go/env and named by
     *     GOENV unless env sets GOENV/XDG_CONFIG_HOME itself
     * @param goEnv when present, a scratch GOROOT ($S/root) holding this go.env is used through GOROOT
     */
    record Case(String name, Map<String, String> env, Optional<String> userFile, Optional<String> goEnv) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case c(String name, String userFile, String... env) {
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i < env.length; i += 2) {
            vars.put(env[i], env[i + 1]);
        }
        return new Case(name, vars, Optional.ofNullable(userFile), Optional.empty());
    }

    static Case root(String name, String goEnv, String userFile, String... env) {
        Case c = c(name, userFile, env);
        return new Case(name, c.env(), c.userFile(), Optional.ofNullable(goEnv));
    }

    static List<Case> cases() {
        return List.of(
                c("nothing set", null),
                c("GOPROXY from the environment", null, "GOPROXY", "https://env.example,direct"),
                c("empty GOPROXY in the environment falls through", null, "GOPROXY", ""),
                c("GOPROXY from the user file", "GOPROXY=https://file.example\n"),
                c("empty GOPROXY line in the user file", "GOPROXY=\n"),
                c("environment beats the user file", "GOPROXY=https://file.example\n", "GOPROXY", "https://env.example"),
                c("empty environment value falls to the user file", "GOPROXY=https://file.example\n", "GOPROXY", ""),
                c("last duplicate wins in the user file", "GOPROXY=https://one.example\nGOPROXY=https://two.example\n"),
                c("CR is kept in values", "GOPROXY=https://crlf.example\r\nGOSUMDB=off\r\n"),
                c("values are verbatim", "GOPRIVATE= \"x.example.com\" \nGOFLAGS='-mod=mod'\n"),
                c("comments, lowercase and '='-less lines are ignored", "# GOPROXY=https://comment.example\n"
                        + "goproxy=https://lower.example\nGOPROXY\nGOSUMDB=off\n"),
                c("a line starting with a space is ignored", " GOPROXY=https://space.example\n"),
                c("key with a space before '=' is another key", "GOPROXY =https://space.example\n"),
                c("value may contain '='", "GOPROXY==https://eq.example\n"),
                c("no final newline", "GOPRIVATE=corp.example.com"),
                c("GOPRIVATE gives GONOPROXY and GONOSUMDB", null, "GOPRIVATE", "*.corp.example.com,rsc.io/private"),
                c("GONOPROXY replaces GOPRIVATE", null, "GOPRIVATE", "corp.example.com", "GONOPROXY", "none"),
                c("GONOSUMDB from the file, GOPRIVATE from the environment", "GONOSUMDB=sum.example.com\n",
                        "GOPRIVATE", "corp.example.com"),
                c("empty GONOPROXY line inherits GOPRIVATE", "GONOPROXY=\nGOPRIVATE=corp.example.com\n"),
                c("GOSUMDB off", null, "GOSUMDB", "off"),
                c("empty GOSUMDB line in the user file", "GOSUMDB=\n"),
                c("GOSUMDB alias", null, "GOSUMDB", "sum.golang.google.cn"),
                c("GOSUMDB key and URL", "GOSUMDB=sum.golang.org https://sum.example.com\n"),
                c("GOINSECURE GOVCS GOFLAGS from the file", "GOINSECURE=*.corp.example.com\nGOVCS=public:git,private:all\n"
                        + "GOFLAGS=-mod=mod -modcacherw\n"),
                c("GOFLAGS with quotes from the environment", null, "GOFLAGS", "'-ldflags=-s -w' -x"),
                c("GOTOOLCHAIN from the user file", "GOTOOLCHAIN=local+path\n", "GOTOOLCHAIN", UNSET),
                c("GOTOOLCHAIN from go.env", null, "GOTOOLCHAIN", UNSET),
                c("empty GOTOOLCHAIN line masks go.env", "GOTOOLCHAIN=\n", "GOTOOLCHAIN", UNSET),
                c("GOAUTH from the environment", null, "GOAUTH", "off"),
                c("empty GOAUTH line gives the default", "GOAUTH=\n"),
                c("GOENV=off ignores the default file", null, "GOENV", "off", "XDG_CONFIG_HOME", "$S/config",
                        "FILE_AT_XDG", "GOPROXY=https://hidden.example\n"),
                c("user file found through XDG_CONFIG_HOME", null, "GOENV", UNSET, "XDG_CONFIG_HOME", "$S/config",
                        "FILE_AT_XDG", "GOPROXY=https://xdg.example\n"),
                c("user file found through HOME", null, "GOENV", UNSET, "XDG_CONFIG_HOME", "",
                        "FILE_AT_HOME", "GOPROXY=https://home.example\n"),
                c("relative XDG_CONFIG_HOME", null, "GOENV", UNSET, "XDG_CONFIG_HOME", "relative/config"),
                c("no HOME and no XDG_CONFIG_HOME", null, "GOENV", UNSET, "HOME", UNSET, "GOPATH", UNSET),
                c("GOENV names a missing file", null, "GOENV", "$S/missing/env"),
                c("GOPATH defaults to HOME/go", null, "GOPATH", UNSET),
                c("GOPATH list gives GOMODCACHE from its first entry", null, "GOPATH", "$S/a:$S/b"),
                c("GOMODCACHE from the user file", "GOMODCACHE=/var/cache/gomod\n"),
                c("empty GOPATH line gives the default", "GOPATH=\n"),
                c("pipes, commas and spaces in GOPROXY", null, "GOPROXY", " https://a.example | https://b.example ,direct",
                        "GONOPROXY", "none"),
                root("GOROOT go.env from the environment", "GOPROXY=https://goroot.example,direct\nGOSUMDB=off\n", null),
                root("missing go.env", null, null),
                root("user file beats go.env", "GOPROXY=https://goroot.example\nGOSUMDB=off\n", "GOPROXY=https://user.example\n"),
                root("empty user file line masks go.env", "GOPROXY=https://goroot.example\nGOSUMDB=off\n", "GOSUMDB=\n"),
                root("environment beats go.env", "GOPROXY=https://goroot.example\n", null, "GOPROXY", "https://env.example"),
                root("duplicates (first wins) and CR in go.env", "GOPROXY=https://one.example\nGOPROXY=https://two.example\r\n"
                        + "GOFLAGS=-mod=mod\n", null),
                root("GOROOT from the user file finds go.env", "GOPRIVATE=from-goroot.example.com\n",
                        "GOROOT=$S/root\n", "GOROOT", UNSET));
    }

    static Stream<Arguments> runs() {
        return GoClients.withEach(cases());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void goferryComputesWhatGoEnvPrints(GoClient client, Case c, @TempDir Path scratch) throws IOException {
        Map<String, String> env = environment(client, c, scratch);
        Path work = Files.createDirectories(scratch.resolve("work"));
        List<String> args = new ArrayList<>(List.of("env", "-json"));
        args.addAll(GoSettings.KEYS);
        GoClient.GoResult result = client.run(work, env, 60, args.toArray(String[]::new));
        assertThat(result.exitCode()).as("go env for %s: %s", c.name(), result.stderr()).isZero();
        Map<String, String> want = GoEnvJson.parse(result.stdout());

        GoSettings got = GoSettings.resolve(env, GoOs.LINUX, LocalFiles.SYSTEM);
        for (String key : GoSettings.KEYS) {
            assertThat(got.value(key))
                    .as("%s %s: %s (source %s), want go env's value", client.version(), c.name(), key, got.get(key).source())
                    .isEqualTo(want.get(key));
        }
        assertThat(got.go().version()).isEqualTo(client.version());
    }

    /** The hermetic environment of a case, with its files written into the scratch folder. */
    static Map<String, String> environment(GoClient client, Case c, Path scratch) throws IOException {
        Map<String, String> env = new HashMap<>(client.baseEnvironment(scratch));
        String s = scratch.toString();
        telemetryOff(scratch);
        env.put("GOENV", s + "/config/go/env");
        for (Map.Entry<String, String> e : c.env().entrySet()) {
            String value = e.getValue().replace("$S", s);
            switch (e.getKey()) {
                case "FILE_AT_XDG" -> write(scratch.resolve("config/go/env"), value);
                case "FILE_AT_HOME" -> write(scratch.resolve("home/.config/go/env"), value);
                default -> {
                    if (e.getValue().equals(UNSET)) {
                        env.remove(e.getKey());
                    } else {
                        env.put(e.getKey(), value);
                    }
                }
            }
        }
        if (c.userFile().isPresent()) {
            write(scratch.resolve("config/go/env"), c.userFile().get().replace("$S", s));
        }
        if (c.goEnv().isPresent() || c.name().contains("missing go.env")) {
            Path root = Files.createDirectories(scratch.resolve("root"));
            Files.copy(client.goroot().resolve("VERSION"), root.resolve("VERSION"));
            c.goEnv().ifPresent(content -> write(root.resolve("go.env"), content));
            if (!c.env().containsKey("GOROOT")) {
                env.put("GOROOT", root.toString());
            }
        }
        return env;
    }

    /**
     * Turns Go 1.23+ telemetry off in every config folder a case uses: with the default mode
     * ("local") the go command leaves a child process writing counters under the config folder
     * after it exits, which races with the scratch folder's removal.
     */
    /** Telemetry off under the XDG_CONFIG_HOME some cases use; baseEnvironment covers HOME. */
    static void telemetryOff(Path scratch) {
        write(scratch.resolve("config/go/telemetry/mode"), "off\n");
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
