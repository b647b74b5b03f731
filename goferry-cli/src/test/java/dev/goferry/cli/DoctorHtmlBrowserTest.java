package dev.goferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code goferry doctor --html} opened in a real browser: Debian's chromium, headless, loads the
 * report of a real run against loopback servers (a working proxy, a hostile one whose status line
 * is an XSS attempt, a dead port, a verified mirror), and the test reads the DOM chromium built
 * ({@code --dump-dom}) and keeps a screenshot under {@code target/browser-report/} as an artifact.
 * The page forbids every fetch, and chromium runs with a fresh profile and no background traffic.
 */
class DoctorHtmlBrowserTest {

    private static final Path ARTIFACTS = Path.of("target", "browser-report");

    private LoopbackDoctor lab;

    @BeforeEach
    void lab() {
        lab = new LoopbackDoctor();
    }

    @AfterEach
    void close() throws IOException {
        lab.close();
    }

    static Stream<Arguments> languages() {
        return Stream.of(Arguments.of("en", "Root causes", "Transfer", "Effective settings"),
                Arguments.of("zh-CN", "根本原因", "数据传输", "生效的设置"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void theReportRendersInChromium(String lang, String causes, String transfer, String settings,
                                    @TempDir Path profile) throws Exception {
        Path chromium = chromium().orElse(null);
        Assumptions.assumeTrue(chromium != null,
                "chromium not installed: apt-get install -y chromium chromium-driver (CI installs it)");
        String good = lab.proxy(true);
        String hostile = lab.hostile();
        String dead = "http://127.0.0.1:" + dev.goferry.testkit.LoopbackPorts.refused();
        String mirror = lab.proxy(true);
        Files.createDirectories(ARTIFACTS);
        Path html = ARTIFACTS.resolve("report-" + lang + ".html").toAbsolutePath();
        Path png = ARTIFACTS.resolve("report-" + lang + ".png").toAbsolutePath();
        Files.deleteIfExists(png);

        CliRun r = CliRun.of(Map.of("GOPROXY", good + "," + hostile + "," + dead, "GOFLAGS", "", "GOENV", "off",
                        "HOME", "/nonexistent-goferry-home"),
                LoopbackDoctor.doctorArgs("--lang", lang, "--candidate", mirror, "--html", html.toString())
                        .toArray(String[]::new));
        assertThat(r.err()).as("%s: stderr", lang).contains(html.toString());
        assertThat(html).as("%s: report written", lang).exists();

        String dom = chromium(chromium, profile, "--dump-dom", html.toUri().toString());
        chromium(chromium, profile, "--screenshot=" + png, "--window-size=1024,4200", html.toUri().toString());

        assertThat(dom).as("%s: chromium parsed the page", lang).contains("<html lang=\"" + lang + "\">")
                .contains(causes).contains(transfer).contains(settings);
        assertThat(dom).as("%s: targets", lang).contains("goproxy:" + good).contains("goproxy:" + hostile)
                .contains("goproxy:" + dead).contains("mirror:" + mirror);
        assertThat(dom).as("%s: causes", lang).contains("cause-http.server-error").contains("cause-tcp.refused");
        assertThat(count(dom, "<rect ")).as("%s: waterfall bars", lang).isGreaterThanOrEqualTo(8);
        assertThat(count(dom, "<svg class=\"waterfall\"")).as("%s: one waterfall per timed target", lang)
                .isGreaterThanOrEqualTo(4);
        assertThat(dom).as("%s: the hostile reason phrase stayed text", lang)
                .contains("&lt;script&gt;alert('x')&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script").doesNotContain("<img");
        assertThat(png).as("%s: screenshot kept at %s", lang, png).exists();
        assertThat(Files.size(png)).as("%s: screenshot size", lang).isGreaterThan(20_000);
    }

    /** {@return Debian's chromium on PATH or in /usr/bin} */
    static Optional<Path> chromium() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "chromium"));
            }
        }
        candidates.add(Path.of("/usr/bin/chromium"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** Runs headless chromium once on a fresh profile, with everything that would phone out turned off. */
    private static String chromium(Path chromium, Path profile, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-default-apps", "--no-default-browser-check",
                "--user-data-dir=" + Files.createTempDirectory(profile, "chromium")));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(profile, "out", ".txt");
        Path err = Files.createTempFile(profile, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("HOME", profile.toString());
        Process p = pb.start();
        try {
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium %s finished", List.of(args)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as("chromium %s; stderr:\n%s", List.of(args), Files.readString(err)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
