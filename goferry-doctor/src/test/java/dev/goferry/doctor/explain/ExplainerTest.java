package dev.goferry.doctor.explain;

import dev.goferry.doctor.diagnosis.CauseId;
import dev.goferry.i18n.Language;
import dev.goferry.i18n.Messages;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pattern catalog and the explainer on texts: every pattern's own example is recognised as that
 * pattern (so the order never hides one), texts that need a real network come from the project's Go
 * reference, CI noise around them is ignored, unknown go errors are reported verbatim.
 */
class ExplainerTest {

    static Stream<ErrorPattern> patterns() {
        return ErrorPatterns.all().stream();
    }

    @Test
    void thereAreAtLeastThirtyDistinctPatterns() {
        Set<String> ids = new HashSet<>();
        ErrorPatterns.all().forEach(p -> assertThat(ids.add(p.id())).as("duplicate pattern id %s", p.id()).isTrue());
        assertThat(ids).hasSizeGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patterns")
    void eachExampleIsRecognisedAsItsOwnPattern(ErrorPattern p) throws IOException {
        Explanation e = Explainer.explain(new StringReader("noise before\n" + p.example() + "\nnoise after\n"));

        assertThat(e.groups()).as("explain(%s) groups", p.example()).hasSize(1);
        CauseGroup g = e.groups().getFirst();
        assertThat(g.patterns()).as("explain(%s) pattern", p.example()).containsExactly(p.id());
        assertThat(g.meaning()).as("explain(%s) meaning", p.example()).isEqualTo(p.meaning());
        assertThat(e.unrecognisedCount()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patterns")
    void eachCauseHasItsTextsInBothLanguages(ErrorPattern p) throws IOException {
        CauseGroup g = Explainer.explain(new StringReader(p.example())).groups().getFirst();
        for (Language lang : List.of(Language.EN, Language.ZH_CN)) {
            Messages m = Messages.of(lang);
            assertThat(m.has(g.meaning().titleKey())).as("%s title %s", lang, g.meaning().titleKey()).isTrue();
            assertThat(m.has(g.meaning().explainKey())).as("%s explain", lang).isTrue();
            var ex = CauseTexts.explanation(g, fact -> "?");
            assertThat(m.get(ex.key(), ex.args().toArray())).as("%s explanation of %s", lang, p.id())
                    .doesNotContainPattern("\\{\\d\\}");
            CauseTexts.fixes(g, fact -> "?").forEach(f -> assertThat(m.get(f.key(), f.args().toArray()))
                    .as("%s fix of %s", lang, p.id()).doesNotContainPattern("\\{\\d\\}").isNotEqualTo(f.key()));
        }
    }

    /** Texts only a real network produces, as quoted by the Go reference (§3.4, §4, §6) and golang/go issues. */
    static Stream<Arguments> referenceTexts() {
        return Stream.of(
                Arguments.of("go: golang.org/x/text@v0.3.0: Get \"https://proxy.golang.org/golang.org/x/text/@v/v0.3.0"
                        + ".info\": dial tcp: lookup proxy.golang.org on 10.255.255.53:53: no such host",
                        "dns.nxdomain", "host=proxy.golang.org", "resolver=10.255.255.53:53"),
                Arguments.of("go: unrecognized import path \"example.com/m\": https fetch: Get \"https://example.com/m?go"
                        + "-get=1\": dial tcp: lookup example.com on 10.255.255.53:53: no such host",
                        "dns.nxdomain", "host=example.com", "detail=null"),
                Arguments.of("go: golang.org/x/text@v0.3.0: Get https://proxy.golang.org/golang.org/x/text/@v/v0.3.0"
                        + ".info: dial tcp 172.217.160.113:443: i/o timeout",
                        "tcp.timeout", "host=172.217.160.113", "url=https://proxy.golang.org/golang.org/x/text/@v/v0.3.0.info"),
                Arguments.of("go get gopkg.in/yaml.v2: x509: certificate signed by unknown authority (possibly because of "
                        + "\"x509: invalid signature\" while trying to verify candidate authority certificate \"Corp Root CA\")",
                        "tls.untrusted", "issuer=Corp Root CA", "host=null"),
                Arguments.of("go: example.com/private@v1.0.0: reading https://proxy.golang.org/example.com/private/@v/v1.0"
                        + ".0.info: 410 Gone", "http.not-found", "status=410 Gone", "host=proxy.golang.org"),
                Arguments.of("verifying example.com/m@v1.0.0: invalid GOSUMDB: malformed verifier id",
                        "sumdb.invalid", "detail=invalid GOSUMDB: malformed verifier id", "module=example.com/m"),
                Arguments.of("go: download go1.22 for darwin/arm64: toolchain not available",
                        "toolchain.unavailable", "version=go1.22", "detail=darwin/arm64"),
                Arguments.of("go: example.com/m@v1.0.0: unexpected status (https://proxy.golang.org/example.com/m/@v/v1.0.0"
                        + ".info): 404 Not Found", "http.not-found", "url=https://proxy.golang.org/example.com/m/@v/v1.0.0.info",
                        "status=404 Not Found"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("referenceTexts")
    void referenceTextsNameTheirCauseAndFacts(String line, String cause, String fact1, String fact2) throws IOException {
        Explanation e = Explainer.explain(new StringReader(line));

        assertThat(e.causeIds()).as("explain(%s)", line).containsExactly(cause);
        for (String f : List.of(fact1, fact2)) {
            String[] kv = f.split("=", 2);
            assertThat(e.groups().getFirst().fact(kv[0]).orElse("null")).as("explain(%s) fact %s", line, kv[0])
                    .isEqualTo(kv[1]);
        }
    }

    @Test
    void ciNoiseAroundErrorsIsStrippedAndErrorsAreGroupedPerCause() throws IOException {
        String log = """
                2026-01-01T00:00:00.0000000Z ##[group]Run go mod download
                2026-01-01T00:00:01.1000000Z \u001b[36;1mgo mod download\u001b[0m
                2026-01-01T00:00:02.0000000Z go: downloading example.com/a v1.0.0
                2026-01-01T00:00:03.0000000Z ##[error]go: example.com/a@v1.0.0: reading https://goproxy.example/example.com/a/@v/v1.0.0.zip: 404 Not Found
                2026-01-01T00:00:03.0000000Z \tserver response: not found: example.com/a@v1.0.0: invalid version: unknown revision v1.0.0
                [12:00:01] \u001b[31mgo: example.com/b@v1.2.0: reading https://goproxy.example/example.com/b/@v/v1.2.0.info: 404 Not Found\u001b[0m
                progress 10%\rprogress 50%\rgo: example.com/c@v0.1.0: Get "http://127.0.0.1:9/example.com/c/@v/v0.1.0.info": dial tcp 127.0.0.1:9: connect: connection refused
                go: example.com/d@v1.0.0: some error nobody has seen before
                go: downloading example.com/e v1.0.0
                go: example.com/f@v1.0.0 requires
                """;

        Explanation e = Explainer.explain(new StringReader(log));

        assertThat(e.causeIds()).containsExactly(CauseId.HTTP_NOT_FOUND.id(), CauseId.TCP_REFUSED.id());
        CauseGroup notFound = e.group("http.not-found").orElseThrow();
        assertThat(notFound.count()).isEqualTo(2);
        assertThat(notFound.modules()).containsExactly("example.com/a@v1.0.0", "example.com/b@v1.2.0");
        assertThat(notFound.hosts()).containsExactly("goproxy.example");
        assertThat(notFound.fact("response")).contains("not found: example.com/a@v1.0.0: invalid version: unknown revision v1.0.0");
        assertThat(notFound.samples().getFirst().line()).isEqualTo(4);
        assertThat(notFound.samples().getFirst().text()).startsWith("go: example.com/a@v1.0.0: reading");
        assertThat(e.group("tcp.refused").orElseThrow().hosts()).containsExactly("127.0.0.1");
        assertThat(e.unrecognised()).extracting(Unrecognised::text)
                .containsExactly("go: example.com/d@v1.0.0: some error nobody has seen before");
        assertThat(e.unrecognisedCount()).isEqualTo(1);
    }

    @Test
    void aFailingGitCommandIsExplainedByTheLinesAfterIt() throws IOException {
        String log = """
                go: git.lab.test/auth@v1.0.0: invalid version: git ls-remote -q origin in /tmp/x/gopath/pkg/mod/cache/vcs/f7: exit status 128:
                \tfatal: could not read Username for 'http://127.0.0.77': terminal prompts disabled
                Confirm the import path was entered correctly.
                """;

        Explanation e = Explainer.explain(new StringReader(log));

        assertThat(e.causeIds()).containsExactly("vcs.auth-required");
        assertThat(e.groups().getFirst().fact("url")).contains("http://127.0.0.77");
        assertThat(e.groups().getFirst().modules()).containsExactly("git.lab.test/auth@v1.0.0");
        assertThat(e.unrecognisedCount()).isZero();
    }

    @Test
    void checksumMismatchCarriesBothSums() throws IOException {
        String log = """
                verifying example.com/m@v1.0.0: checksum mismatch
                \tdownloaded: h1:AAAA=
                \tgo.sum:     h1:BBBB=

                SECURITY ERROR
                This download does NOT match an earlier download recorded in go.sum.
                """;

        CauseGroup g = Explainer.explain(new StringReader(log)).groups().getFirst();

        assertThat(g.meaning().id()).isEqualTo("module.checksum-mismatch");
        assertThat(g.fact("downloaded")).contains("h1:AAAA=");
        assertThat(g.fact("expected")).contains("h1:BBBB=");
        assertThat(g.modules()).containsExactly("example.com/m@v1.0.0");
    }

    @Test
    void cleanLogAndHugeLinesStayBounded() throws IOException {
        String huge = "x".repeat(LineReader.MAX_LINE * 3) + "\ngo: module lookup disabled by GOPROXY=off\n";

        Explanation e = Explainer.explain(new StringReader(huge));

        assertThat(e.causeIds()).containsExactly("goproxy.off");
        assertThat(e.lines()).isEqualTo(2);
        assertThat(Explainer.explain(new StringReader("all good\nok\n")).clean()).isTrue();
    }

    static Stream<Arguments> splitting() {
        return Stream.of(
                Arguments.of("lf", "a\nb\nc\n", List.of("a", "b", "c")),
                Arguments.of("crlf", "a\r\nb\r\n", List.of("a", "b")),
                Arguments.of("cr progress", "10%\r50%\r100%\ndone", List.of("10%", "50%", "100%", "done")),
                Arguments.of("empty lines", "a\n\n\r\n\nb", List.of("a", "", "", "", "b")),
                Arguments.of("long line cut", "x".repeat(LineReader.MAX_LINE + 10) + "\ny",
                        List.of("x".repeat(LineReader.MAX_LINE), "y")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splitting")
    void charAndByteReadersSplitLinesAlike(String name, String text, List<String> want) throws IOException {
        List<String> chars = new java.util.ArrayList<>();
        LineReader.forEach(new StringReader(text), chars::add);
        List<String> bytes = new java.util.ArrayList<>();
        ByteLines.forEach(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                (b, from, to) -> bytes.add(new String(b, from, to - from, java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(chars).as("LineReader(%s)", name).isEqualTo(want);
        assertThat(bytes).as("ByteLines(%s)", name).isEqualTo(want);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patterns")
    void byteFastPathFindsWhatTheLinePathFinds(ErrorPattern p) throws IOException {
        String log = "2026-01-01T00:00:00.0000000Z go: downloading example.com/x v1.0.0\n\u001b[31m" + p.example()
                + "\u001b[0m\r\nok\n";

        Explanation fast = Explainer.explain(new java.io.ByteArrayInputStream(log.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Explanation slow = Explainer.explain(new StringReader(log));

        assertThat(fast.causeIds()).as("bytes path on %s", p.id()).isEqualTo(slow.causeIds()).hasSize(1);
        assertThat(fast.groups().getFirst().facts()).isEqualTo(slow.groups().getFirst().facts());
        assertThat(fast.lines()).isEqualTo(slow.lines()).isEqualTo(3);
    }

    static Stream<Arguments> cleaning() {
        return Stream.of(
                Arguments.of("2026-01-01T00:00:00.0000000Z go: x", "go: x"),
                Arguments.of("2026-01-01 12:00:00,123 go: x", "go: x"),
                Arguments.of("[2026-01-01T00:00:00.000Z] go: x", "go: x"),
                Arguments.of("[12:34:56] go: x", "go: x"),
                Arguments.of("\u001b[31;1mgo: x\u001b[0m", "go: x"),
                Arguments.of("\u001b]0;title\u0007go: x", "go: x"),
                Arguments.of("##[error]go: x", "go: x"),
                Arguments.of("go: 12:34:56 stays", "go: 12:34:56 stays"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cleaning")
    void linesAreCleanedOfColoursTimestampsAndAnnotations(String raw, String want) {
        assertThat(LogLines.clean(raw)).as("clean(%s)", raw).isEqualTo(want);
    }
}
