package dev.goferry.doctor.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.goferry.doctor.evidence.LocalEvidence;
import dev.goferry.doctor.run.DoctorRun;
import dev.goferry.doctor.run.DoctorRunner;
import dev.goferry.doctor.run.LocalSource;
import dev.goferry.doctor.run.LoopbackGuard;
import dev.goferry.doctor.run.RunOptions;
import dev.goferry.doctor.target.TargetOptions;
import dev.goferry.doctor.target.TargetPlanner;
import dev.goferry.gomod.env.GoOs;
import dev.goferry.gomod.env.GoSettings;
import dev.goferry.gomod.env.LocalFiles;
import dev.goferry.gomod.route.RouteSettings;
import dev.goferry.i18n.Language;
import dev.goferry.i18n.Messages;
import dev.goferry.net.dns.DnsClient;
import dev.goferry.net.dns.ResolverFiles;
import dev.goferry.net.tcp.SocketConnector;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link HtmlReport} on a real doctor run against loopback servers: one working module proxy and
 * one whose status line carries an XSS attempt in its reason phrase (server text is untrusted).
 */
class HtmlReportTest {

    static final String XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static HttpServer good;
    private static ServerSocket evil;
    private static DoctorRun run;
    private static GoSettings settings;
    private static final LoopbackGuard GUARD = new LoopbackGuard();

    @BeforeAll
    static void runDoctor() throws IOException {
        good = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 16);
        good.createContext("/", ex -> {
            byte[] b = ex.getRequestURI().getPath().endsWith("/@v/list") ? "v0.3.0\nv0.14.0\n".getBytes() : new byte[0];
            ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            ex.sendResponseHeaders(b.length == 0 && !ex.getRequestURI().getPath().endsWith("/supported") ? 404 : 200,
                    b.length == 0 ? -1 : b.length);
            if (b.length > 0) {
                ex.getResponseBody().write(b);
            }
            ex.close();
        });
        good.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        good.start();
        evil = new ServerSocket(0, 16, LOOPBACK);
        Thread.ofVirtual().start(() -> answerEvil(evil));
        String goproxy = "http://127.0.0.1:" + good.getAddress().getPort() + ",http://127.0.0.1:" + evil.getLocalPort();
        Map<String, String> env = Map.of("GOPROXY", goproxy, "GOENV", "off", "HOME", "/nonexistent-goferry-home");
        settings = GoSettings.resolve(env, GoOs.LINUX, LocalFiles.SYSTEM);
        RouteSettings route = RouteSettings.of(settings, env, GoOs.LINUX);
        var targets = TargetPlanner.plan(route, new TargetOptions(TargetOptions.REFERENCE_MODULE, Optional.empty(),
                Optional.empty(), Optional.empty(), List.of()));
        run = new DoctorRunner(seams()).run(route, goproxy, settings.value("GOSUMDB"), targets,
                new RunOptions(Duration.ofSeconds(10), List.of(), List.of(), 1, Duration.ofSeconds(5)));
    }

    /** Every connection gets a 503 whose reason phrase is an XSS attempt; bounded by the socket's life. */
    private static void answerEvil(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(5000);
                s.getInputStream().read(new byte[4096]);
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 503 " + XSS + "\r\nContent-Type: text/html\r\nContent-Length: 0\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                // closed at the end of the class, or a probe gave up: next connection
            }
        }
    }

    @AfterAll
    static void stop() throws IOException {
        good.stop(0);
        evil.close();
        assertThat(GUARD.violations()).as("non-loopback addresses reached for").isEmpty();
    }

    static DoctorRunner.Seams seams() {
        LocalSource machine = new LocalSource() {
            @Override
            public List<LocalEvidence.NetInterface> interfaces() {
                return List.of(new LocalEvidence.NetInterface("lo", true, true, List.of(LOOPBACK)),
                        new LocalEvidence.NetInterface("eth0", true, false, List.of()));
            }

            @Override
            public Optional<String> routesV4() {
                return Optional.of("Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\n"
                        + "eth0\t00000000\t0100000A\t0003\t0\t0\t0\t00000000\n");
            }

            @Override
            public Optional<String> routesV6() {
                return Optional.empty();
            }
        };
        return new DoctorRunner.Seams(ResolverFiles.ofText("nameserver 127.0.0.1\noptions timeout:1 attempts:1\n",
                "127.0.0.1 localhost\n", "lab"), SocketConnector.SYSTEM, GUARD, DnsClient.system(), machine,
                Clock.systemUTC());
    }

    static Stream<Arguments> languages() {
        return Stream.of(Arguments.of(Language.EN, "Root causes", "Transfer"),
                Arguments.of(Language.ZH_CN, "根本原因", "数据传输"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void showsTargetsCausesWaterfallsAndSettingsInTheRunsLanguage(Language lang, String causes, String transfer) {
        String html = new HtmlReport(Messages.of(lang)).render(run, settings);

        assertThat(html).as("%s: lang attribute", lang).contains("<html lang=\"" + lang.tag() + "\">");
        assertThat(html).as("%s: sections", lang).contains(causes).contains(transfer)
                .contains("http.server-error").contains("id=\"cause-http.server-error\"")
                .contains("goproxy:http://127.0.0.1:" + good.getAddress().getPort())
                .contains("goproxy:http://127.0.0.1:" + evil.getLocalPort())
                .contains("<code>GOPROXY</code>").contains("<svg class=\"waterfall\"");
        assertThat(count(html, "<rect ")).as("%s: waterfall bars", lang).isGreaterThanOrEqualTo(2 * 3);
        assertThat(html).as("%s: layer marks", lang).contains(">✓</td>").contains(">✗</td>");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void serverTextIsEscapedAndNothingIsLoaded(Language lang, String causes, String transfer) {
        String html = new HtmlReport(Messages.of(lang)).render(run, settings);

        assertThat(run.diagnosis().causes().stream().flatMap(c -> c.evidence().stream()))
                .as("the reason phrase reached the evidence verbatim").anyMatch(e -> e.contains(XSS));
        assertThat(html).as("%s: escaped", lang)
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("onerror=alert(1)>");
        assertThat(html).as("%s: self-contained", lang).doesNotContain(" src=\"").doesNotContain("url(")
                .doesNotContain("@import").doesNotContainPattern("href=\"(?!#)")
                .contains("Content-Security-Policy\" content=\"default-src 'none'");
    }

    @Test
    void writesAtomically(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.html");
        Files.writeString(file, "old");
        String html = new HtmlReport(Messages.of(Language.EN)).render(run, settings);

        HtmlReport.write(file, html);

        assertThat(file).hasContent(html.stripTrailing());
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void waterfallBarsFollowTheWalkedRequest() {
        var report = run.diagnosis().targets().stream()
                .filter(r -> r.target().id().equals("goproxy:http://127.0.0.1:" + good.getAddress().getPort()))
                .findFirst().orElseThrow();
        var evidence = run.evidence().stream().filter(e -> e.target().id().equals(report.target().id()))
                .findFirst().orElseThrow();

        List<HtmlReportWaterfall.Bar> bars = HtmlReportWaterfall.bars(evidence, report);

        assertThat(bars).extracting(HtmlReportWaterfall.Bar::phase).as("phases of %s", report.target().id())
                .containsSubsequence("connect", "wait", "body");
        assertThat(bars).as("all succeeded").allMatch(HtmlReportWaterfall.Bar::succeeded);
        for (int i = 1; i < bars.size(); i++) {
            assertThat(bars.get(i).start()).as("bar %d starts after bar %d began", i, i - 1)
                    .isGreaterThanOrEqualTo(bars.get(i - 1).start());
        }
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
