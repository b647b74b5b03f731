package dev.goferry.doctor.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.doctor.target.TargetKind;
import dev.goferry.gomod.sumdb.note.Keys;
import dev.goferry.gomod.sumdb.note.Note;
import dev.goferry.gomod.sumdb.note.Notes;
import dev.goferry.gomod.sumdb.tlog.Hash;
import dev.goferry.gomod.sumdb.tlog.Tree;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The PROTOCOL layer: a body is judged by what its protocol promises, not by its 200. */
class ProtocolValidatorTest {

    static final Keys.KeyStrings DB = Keys.fromSeed("sum.example.test", new byte[32]);
    static final Keys.KeyStrings OTHER = Keys.fromSeed("other.example.test", filled(7));

    static byte[] filled(int b) {
        byte[] a = new byte[32];
        java.util.Arrays.fill(a, (byte) b);
        return a;
    }

    static byte[] signedTree(Keys.KeyStrings key, long n) {
        try {
            Tree tree = new Tree(n, new Hash(filled(1)));
            return Notes.sign(Note.of(new String(tree.format(), StandardCharsets.UTF_8)), Keys.newSigner(key.signerKey()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static byte[] signedText(String text) {
        try {
            return Notes.sign(Note.of(text), Keys.newSigner(DB.signerKey()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** check, content type, body, truncated, expected ("valid:<summary>" or "<problem>"). */
    record Case(String name, ProtocolCheck check, String contentType, byte[] body, boolean truncated, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case c(String name, ProtocolCheck check, String type, String body, String expected) {
        return new Case(name, check, type, body.getBytes(StandardCharsets.UTF_8), false, expected);
    }

    static final String PORTAL = """
            <!DOCTYPE html>
            <html><head><title>Hotel   Wi-Fi
            Login</title></head><body>Please accept the terms</body></html>
            """;

    static Stream<Case> cases() {
        return Stream.of(
                c("version list", ProtocolCheck.GOPROXY_LIST, "text/plain; charset=UTF-8", "v0.3.0\nv0.14.0\nv0.3.8\n", "valid:3 versions"),
                c("empty version list (no tags)", ProtocolCheck.GOPROXY_LIST, "text/plain", "", "valid:0 versions"),
                c("version list with extra fields", ProtocolCheck.GOPROXY_LIST, "", "v1.0.0 2019-01-01T00:00:00Z\n", "valid:1 versions"),
                c("captive portal instead of a list", ProtocolCheck.GOPROXY_LIST, "text/html", PORTAL, "html-page"),
                c("portal without a content type", ProtocolCheck.GOPROXY_LIST, "", PORTAL, "html-page"),
                c("json instead of a list", ProtocolCheck.GOPROXY_LIST, "application/json", "{\"error\":\"blocked\"}", "not-version-list"),
                c("version info", ProtocolCheck.GOPROXY_INFO, "application/json",
                        "{\"Version\":\"v1.2.3\",\"Time\":\"2023-01-01T00:00:00Z\"}", "valid:v1.2.3"),
                c("info without a version", ProtocolCheck.GOPROXY_INFO, "application/json", "{\"error\":\"blocked\"}",
                        "not-version-info"),
                c("a version list where info was asked", ProtocolCheck.GOPROXY_INFO, "text/plain", "v1.2.3\n", "bad-json"),
                c("portal instead of info", ProtocolCheck.GOPROXY_INFO, "text/html", PORTAL, "html-page"),
                new Case("truncated list: last line not judged", ProtocolCheck.GOPROXY_LIST, "", "v1.0.0\nv1.1".getBytes(), true,
                        "valid:1 versions"),
                new Case("latin-1 garbage", ProtocolCheck.GOPROXY_LIST, "", new byte[] {(byte) 0xff, (byte) 0xfe, 'v'}, false,
                        "not-utf8"),
                c("supported", ProtocolCheck.SUMDB_SUPPORTED, "text/plain", "", "valid:supported"),
                c("supported answered by a portal", ProtocolCheck.SUMDB_SUPPORTED, "text/html", PORTAL, "html-page"),
                new Case("signed tree head", ProtocolCheck.SUMDB_LATEST, "text/plain", signedTree(DB, 41234567), false,
                        "valid:tree 41234567"),
                new Case("tree head signed by another key", ProtocolCheck.SUMDB_LATEST, "", signedTree(OTHER, 5), false,
                        "unknown-signer"),
                c("not a note", ProtocolCheck.SUMDB_LATEST, "text/plain", "go.sum database tree\n5\n", "not-a-note"),
                new Case("a signed note that is not a tree", ProtocolCheck.SUMDB_LATEST, "", signedText("hello\n"), false,
                        "not-a-tree"),
                c("tree head page is a portal", ProtocolCheck.SUMDB_LATEST, "text/html", PORTAL, "html-page"),
                c("release index", ProtocolCheck.RELEASE_INDEX, "application/json", """
                        [{"version":"go1.24.4","stable":true,"files":[{"filename":"go1.24.4.linux-amd64.tar.gz"}]},
                         {"version":"go1.23.10","stable":true,"files":[]}]""", "valid:2 releases"),
                c("empty release index", ProtocolCheck.RELEASE_INDEX, "application/json", "[]", "not-release-index"),
                c("release without files", ProtocolCheck.RELEASE_INDEX, "application/json", "[{\"version\":\"go1.24.4\"}]",
                        "not-release-index"),
                c("broken json", ProtocolCheck.RELEASE_INDEX, "application/json", "[{\"version\":", "bad-json"),
                c("object instead of array", ProtocolCheck.RELEASE_INDEX, "application/json", "{\"ok\":true}", "not-release-index"),
                new Case("release index cut at the cap", ProtocolCheck.RELEASE_INDEX, "application/json",
                        "[{\"version\":\"go1.24.4\",\"files\":[]},{\"version\":\"go1.2".getBytes(), true, "valid:1+ releases"),
                c("download that is a block page", ProtocolCheck.DOWNLOAD, "text/html; charset=gbk", PORTAL, "html-page"),
                new Case("download (gzip magic)", ProtocolCheck.DOWNLOAD, "application/octet-stream", new byte[] {0x1f, (byte) 0x8b},
                        false, "valid:2 bytes"),
                c("go-import page", ProtocolCheck.VCS_DISCOVERY, "text/html",
                        "<html><head><meta name=\"go-import\" content=\"example.com/x git https://example.com/x\"></head></html>",
                        "valid:go-import"),
                c("login page instead of go-import", ProtocolCheck.VCS_DISCOVERY, "text/html", PORTAL, "no-go-import"),
                c("anything for a user target", ProtocolCheck.ANY, "text/html", PORTAL, "valid:" + PORTAL.length() + " bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judgesBodiesByTheirProtocol(Case c) {
        ProtocolVerdict v = ProtocolValidator.validate(c.check(), new BodySample(200,
                c.contentType().isEmpty() ? Optional.empty() : Optional.of(c.contentType()), c.body(), c.truncated()),
                Optional.of(DB.verifierKey()));
        String got = switch (v) {
            case ProtocolVerdict.Valid ok -> "valid:" + ok.summary();
            case ProtocolVerdict.Unexpected u -> u.problem();
        };
        assertThat(got).as("validate(%s, %s)", c.check(), c.name()).isEqualTo(c.expected());
    }

    @Test
    void aPortalIsNamedByItsTitle() {
        ProtocolVerdict v = ProtocolValidator.validate(ProtocolCheck.GOPROXY_LIST,
                new BodySample(200, Optional.of("text/html"), PORTAL.getBytes(StandardCharsets.UTF_8), false), Optional.empty());
        assertThat(v).isEqualTo(new ProtocolVerdict.Unexpected("html-page", "Hotel Wi-Fi Login"));
    }

    @Test
    void withoutAKeyATreeHeadIsJudgedByItsShape() {
        ProtocolVerdict v = ProtocolValidator.validate(ProtocolCheck.SUMDB_LATEST,
                new BodySample(200, Optional.empty(), signedTree(OTHER, 9), false), Optional.empty());
        assertThat(v).isEqualTo(new ProtocolVerdict.Valid("tree 9"));
    }

    @Test
    void everyProbedKindHasACheck() {
        assertThat(ProtocolCheck.of(TargetKind.GOPROXY)).isEqualTo(ProtocolCheck.GOPROXY_LIST);
        assertThat(ProtocolCheck.of(TargetKind.SUMDB_VIA_PROXY)).isEqualTo(ProtocolCheck.SUMDB_SUPPORTED);
        assertThat(ProtocolCheck.of(TargetKind.SUMDB_DIRECT)).isEqualTo(ProtocolCheck.SUMDB_LATEST);
        assertThat(ProtocolCheck.of(TargetKind.RELEASE_INDEX)).isEqualTo(ProtocolCheck.RELEASE_INDEX);
        assertThat(ProtocolCheck.of(TargetKind.VCS_PRIVATE)).isEqualTo(ProtocolCheck.VCS_DISCOVERY);
    }
}
