package dev.goferry.doctor.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.doctor.Message;
import dev.goferry.doctor.target.Target;
import dev.goferry.doctor.target.TargetKind;
import dev.goferry.gomod.httpproxy.ProxyEnvironment;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Which object each kind of target downloads for its throughput, from what its protocol probe returned. */
class ThroughputPlanTest {

    /**
     * @param kind      the target's kind
     * @param url       the URL its protocol probe fetched
     * @param body      what came back
     * @param truncated whether the sample cap cut it
     * @param want      the download URL, or empty for none
     * @param ranged    whether only the start is asked for
     */
    record Case(String name, TargetKind kind, String url, String body, boolean truncated, Optional<String> want,
                boolean ranged) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String P = "https://proxy.lab";

    static Stream<Case> cases() {
        return Stream.of(
                new Case("latest release of the list", TargetKind.GOPROXY, P + "/golang.org/x/text/@v/list",
                        "v0.3.0\nv0.14.0\nv0.9.0\nv0.15.0-rc.1\n", false,
                        Optional.of(P + "/golang.org/x/text/@v/v0.14.0.zip"), false),
                new Case("only pre-releases: the highest", TargetKind.GOPROXY, P + "/example.com/m/@v/list",
                        "v1.0.0-beta.1\nv1.0.0-alpha\n", false, Optional.of(P + "/example.com/m/@v/v1.0.0-beta.1.zip"),
                        false),
                new Case("a cut last line is not a version", TargetKind.GOPROXY, P + "/example.com/m/@v/list",
                        "v0.3.9\nv0.3.1", true, Optional.of(P + "/example.com/m/@v/v0.3.9.zip"), false),
                new Case("escaped path and version stay escaped", TargetKind.MIRROR, P + "/github.com/!azure/sdk/@v/list",
                        "v1.2.0\n", false, Optional.of(P + "/github.com/!azure/sdk/@v/v1.2.0.zip"), false),
                new Case("an empty list: nothing to download", TargetKind.GOPROXY, P + "/example.com/m/@v/list", "",
                        false, Optional.empty(), false),
                new Case("--module M@V: its zip", TargetKind.GOPROXY, P + "/example.com/m/@v/v1.2.3.info",
                        "{\"Version\":\"v1.2.3\"}", false, Optional.of(P + "/example.com/m/@v/v1.2.3.zip"), false),
                new Case("--module M@branch: the zip of the version it resolved to", TargetKind.GOPROXY,
                        P + "/example.com/m/@v/main.info", "{\"Version\": \"v0.0.0-20240101000000-abcdefabcdef\"}",
                        false, Optional.of(P + "/example.com/m/@v/v0.0.0-20240101000000-abcdefabcdef.zip"), false),
                new Case("release host: the archive's start", TargetKind.RELEASE_DOWNLOAD,
                        "https://dl.lab/go/go1.24.4.linux-amd64.tar.gz.sha256", "abc", false,
                        Optional.of("https://dl.lab/go/go1.24.4.linux-amd64.tar.gz"), true),
                new Case("checksum database: no medium object", TargetKind.SUMDB_DIRECT, "https://sum.lab/latest",
                        "go.sum database tree\n1\n", false, Optional.empty(), false),
                new Case("toolchain module: too large to be medium", TargetKind.TOOLCHAIN_MODULE,
                        P + "/golang.org/toolchain/@v/list", "v0.0.1-go1.21.0.linux-amd64\n", false, Optional.empty(),
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void choosesTheObjectGoWouldDownload(Case c) {
        Target t = new Target(Target.idOf(c.kind(), c.url()), c.kind(), c.url(), Optional.of(URI.create(c.url())),
                URI.create(c.url()).getHost(), 443, ProxyEnvironment.from(java.util.Map.of(), "go1.24.4").decide(c.url()),
                Optional.empty(), Message.of("doctor.why.user", c.url()));

        Optional<ThroughputPlan.Download> got = ThroughputPlan.of(t, c.body().getBytes(StandardCharsets.UTF_8),
                c.truncated());

        assertThat(got.map(d -> d.url().toString())).as("%s: download", c).isEqualTo(c.want());
        got.ifPresent(d -> assertThat(d.ranged()).as("%s: ranged", c).isEqualTo(c.ranged()));
    }
}
