package dev.goferry.gomod.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.gomod.goproxy.ProxyList;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed settings: goferry's error text is the one the real go command prints, for both
 * clients. Every value here fails before any network access (GOPROXY=off or a file:// proxy
 * wherever the go command would otherwise look something up).
 */
class GoErrorConformanceTest {

    static final String MODULE = "example.com/m@v1.0.0";

    static Stream<Arguments> goproxyErrors() {
        return withClients(List.of("foo", ",", " | ", "ftp://x", "FTP://x", "\"https://proxy.example\"",
                "file://host/data", "file:///srv/proxy?x", "http://a b", "https://[::1", "%zz", "http://x/%zz",
                "http://x:port/", "gopher://user:secret@host/p", "Direct", "foo bar", "https://ok.example,ftp://y",
                "https://ok.example|http://a{b", ":/x", "https://x#%zz", "file://u@/x"));
    }

    @ParameterizedTest(name = "{0} GOPROXY={1}")
    @MethodSource("goproxyErrors")
    void goproxyParseErrors(GoClient client, String goproxy, @TempDir Path scratch) throws IOException {
        Map<String, String> env = env(client, scratch, "GOPROXY", goproxy, "GOSUMDB", "off", "GOFLAGS", "-mod=mod");
        String want = downloadError(client, scratch, env).orElseThrow();
        ProxyList list = ProxyList.parse(goproxy, "", false);
        assertThat(list.error()).as("ProxyList.parse(%s) error, go %s", goproxy, client.version())
                .contains(want.substring((MODULE + ": ").length()));
    }

    static Stream<Arguments> gosumdbErrors() {
        String keyFor = key("example.com/sumdb/", 1, 32);
        return withClients(List.of("  ", "a b c", "sum.example.com", "sum.golang.org %zz",
                "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8 http://a b",
                "sum.golang.org+033de0af+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8",
                key("sum.example.com", 2, 32), key("sum.example.com", 1, 31), "sum.example.com+zzzzzzzz+AQ==",
                "sum.example.com+0000000+AQ==", keyFor, key("sum.example.com/\u00e9", 1, 32)));
    }

    @ParameterizedTest(name = "{0} GOSUMDB={1}")
    @MethodSource("gosumdbErrors")
    void gosumdbErrors(GoClient client, String gosumdb, @TempDir Path scratch) throws IOException {
        Path proxy = scratch.resolve("proxy/example.com/m/@v");
        Files.createDirectories(proxy);
        Files.writeString(proxy.resolve("v1.0.0.info"), "{\"Version\":\"v1.0.0\"}\n");
        Files.writeString(proxy.resolve("v1.0.0.mod"), "module example.com/m\n");
        Map<String, String> env = env(client, scratch, "GOPROXY", "file://" + scratch.resolve("proxy"),
                "GOSUMDB", gosumdb, "GOFLAGS", "-mod=mod");
        String want = downloadError(client, scratch, env).orElseThrow();
        SumDbSetting got = SumDbSetting.parse(gosumdb);
        assertThat(got).as("GOSUMDB=%s, go %s said %s", gosumdb, client.version(), want)
                .isInstanceOf(SumDbSetting.Invalid.class);
        String goError = ((SumDbSetting.Invalid) got).goError();
        String marker = "verifying go.mod: ";
        String goText = want.substring(want.indexOf(marker) + marker.length());
        if (goError.startsWith("invalid sumdb name")) {
            // Go appends a %+v dump of its url.URL; goferry keeps the words before it.
            assertThat(goText).as("GOSUMDB=%s", gosumdb).startsWith(goError + " {");
        } else {
            assertThat(goError).as("GOSUMDB=%s", gosumdb).isEqualTo(goText);
        }
    }

    /** An empty GOSUMDB line in the user file masks go.env (Go 1.21+); Go 1.19 falls back to its default. */
    @org.junit.jupiter.api.Test
    void emptyGosumdbLineInTheUserFile(@TempDir Path scratch) throws IOException {
        GoClient client = GoClients.newest();
        Path proxy = scratch.resolve("proxy/example.com/m/@v");
        Files.createDirectories(proxy);
        Files.writeString(proxy.resolve("v1.0.0.info"), "{\"Version\":\"v1.0.0\"}\n");
        Files.writeString(proxy.resolve("v1.0.0.mod"), "module example.com/m\n");
        Files.writeString(scratch.resolve("userenv"), "GOSUMDB=\n");
        Map<String, String> env = env(client, scratch, "GOPROXY", "file://" + scratch.resolve("proxy"),
                "GOFLAGS", "-mod=mod", "GOENV", scratch.resolve("userenv").toString());
        String want = downloadError(client, scratch, env).orElseThrow();
        GoSettings settings = GoSettings.resolve(env, GoOs.LINUX, LocalFiles.SYSTEM);
        EnvReport report = EnvReport.of(settings, GoOs.LINUX);
        assertThat(report.errors()).extracting(EnvFinding.Error::goError).contains("missing GOSUMDB");
        assertThat(want).endsWith("verifying go.mod: missing GOSUMDB");
    }

    static Stream<Arguments> govcsErrors() {
        return withClients(List.of("bad", ",", "public:git,", ":git", "public:", " public : ", "./x:git",
                "../x:git", ".:git", "public:git,public:hg", "public:git||hg", "public:git| ", "a:b:c,a:d"));
    }

    @ParameterizedTest(name = "{0} GOVCS={1}")
    @MethodSource("govcsErrors")
    void govcsErrors(GoClient client, String govcs, @TempDir Path scratch) throws IOException {
        Map<String, String> env = env(client, scratch, "GOPROXY", "direct", "GOVCS", govcs, "GOFLAGS", "-mod=mod");
        GoClient.GoResult r = client.run(work(scratch), env, 60, "mod", "download", "example.com/m.git@v1.0.0");
        String prefix = "go: example.com/m.git@v1.0.0: ";
        assertThat(r.stderr()).as("go %s GOVCS=%s", client.version(), govcs).startsWith(prefix);
        assertThat(GoVcsRules.parse(govcs).error()).as("GOVCS=%s", govcs)
                .contains(r.stderr().substring(prefix.length()).strip());
    }

    static Stream<Arguments> goflagsErrors() {
        return withClients(List.of("bad", "-x bad", "- ", "--", "---x", "-=x", "--=x", "'-x", "\"-x", "-x '' ",
                "\"\"", "-mod=mod 'a b'"));
    }

    @ParameterizedTest(name = "{0} GOFLAGS={1}")
    @MethodSource("goflagsErrors")
    void goflagsErrors(GoClient client, String goflags, @TempDir Path scratch) throws IOException {
        Map<String, String> env = env(client, scratch, "GOPROXY", "off", "GOFLAGS", goflags);
        GoClient.GoResult r = client.run(work(scratch), env, 60, "mod", "download", MODULE);
        assertThat(r.stderr()).as("go %s GOFLAGS=%s", client.version(), goflags).startsWith("go: parsing $GOFLAGS");
        GoInstallation go = new GoInstallation(client.version(), Optional.empty(), false);
        assertThat(GoFlags.parse(goflags, go).error()).as("GOFLAGS=%s", goflags)
                .contains(r.stderr().substring("go: ".length()).strip());
    }

    static Stream<String> gotoolchainErrors() {
        return Stream.of("bogus", "1.22", "go1.22+bogus", "auto+path", "local+", "go1.22.0rc1", "go/1.22",
                "go1.022", "mygo-go1.x", "+auto", "local+local");
    }

    @ParameterizedTest(name = "GOTOOLCHAIN={0}")
    @MethodSource("gotoolchainErrors")
    void gotoolchainErrors(String gotoolchain, @TempDir Path scratch) throws IOException {
        GoClient client = GoClients.newest();
        Map<String, String> env = env(client, scratch, "GOPROXY", "off", "GOTOOLCHAIN", gotoolchain);
        GoClient.GoResult r = client.run(work(scratch), env, 60, "env", "GOPROXY");
        assertThat(r.stderr()).as("go %s GOTOOLCHAIN=%s", client.version(), gotoolchain).startsWith("go: invalid");
        assertThat(GoToolchain.parse(gotoolchain).error()).as("GOTOOLCHAIN=%s", gotoolchain)
                .contains(r.stderr().substring("go: ".length()).strip());
    }

    static Stream<String> validToolchains() {
        return Stream.of("local", "auto", "path", "local+auto", "local+path", "go1.21.0", "go1.21rc1+auto",
                "go1.9+path", "mygo-go1.21.3-custom", "go1");
    }

    @ParameterizedTest(name = "GOTOOLCHAIN={0}")
    @MethodSource("validToolchains")
    void validToolchainsParse(String gotoolchain) {
        assertThat(GoToolchain.parse(gotoolchain).error()).as("GOTOOLCHAIN=%s", gotoolchain).isEmpty();
    }

    /** A verifier key for name with the given algorithm byte and key length, its hash correct. */
    static String key(String name, int alg, int length) {
        byte[] key = new byte[length + 1];
        key[0] = (byte) alg;
        for (int i = 1; i < key.length; i++) {
            key[i] = (byte) i;
        }
        return name + "+" + String.format("%08x", dev.goferry.gomod.sumdb.note.Keys.keyHash(name, key)) + "+"
                + Base64.getEncoder().encodeToString(key);
    }

    static Stream<Arguments> withClients(List<String> values) {
        return GoClients.withEach(values);
    }

    static Map<String, String> env(GoClient client, Path scratch, String... vars) {
        Map<String, String> env = new java.util.HashMap<>(client.baseEnvironment(scratch));
        env.put("GOENV", "off");
        SettingsConformanceTest.telemetryOff(scratch);
        for (int i = 0; i < vars.length; i += 2) {
            env.put(vars[i], vars[i + 1]);
        }
        return env;
    }

    static Path work(Path scratch) throws IOException {
        return Files.createDirectories(scratch.resolve("work"));
    }

    /** The "Error" of {@code go mod download -json example.com/m@v1.0.0}. */
    static Optional<String> downloadError(GoClient client, Path scratch, Map<String, String> env) throws IOException {
        GoClient.GoResult r = client.run(work(scratch), env, 60, "mod", "download", "-json", MODULE);
        return Optional.ofNullable(GoEnvJson.parse(r.stdout()).get("Error"));
    }
}
