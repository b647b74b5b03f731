package dev.goferry.proxy.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parsing request paths: what each path means, or why it is refused, before any I/O. */
class ProxyPathsTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("/golang.org/x/text/@v/list", new ProxyRequest.ListVersions("golang.org/x/text"), "golang.org/x/text/@v/list"),
                Arguments.of("/github.com/%21azure/sdk/@latest", new ProxyRequest.Latest("github.com/Azure/sdk"), "github.com/!azure/sdk/@latest"),
                Arguments.of("/github.com/!azure/sdk/@latest", new ProxyRequest.Latest("github.com/Azure/sdk"), "github.com/!azure/sdk/@latest"),
                Arguments.of("/rsc.io/%21q%21u%21o%21t%21e/@v/v1.5.3-%21p%21r%21e.info",
                        new ProxyRequest.Info("rsc.io/QUOTE", "v1.5.3-PRE"), "rsc.io/!q!u!o!t!e/@v/v1.5.3-!p!r!e.info"),
                Arguments.of("/example.com/m/@v/master.info", new ProxyRequest.Info("example.com/m", "master"), "example.com/m/@v/master.info"),
                Arguments.of("/example.com/m/@v/%21h%21e%21a%21d.info", new ProxyRequest.Info("example.com/m", "HEAD"), "example.com/m/@v/!h!e!a!d.info"),
                Arguments.of("/rsc.io/breaker/@v/v2.0.0+incompatible.mod", new ProxyRequest.Mod("rsc.io/breaker", "v2.0.0+incompatible"),
                        "rsc.io/breaker/@v/v2.0.0+incompatible.mod"),
                Arguments.of("/rsc.io/quote/v3/@v/v3.0.0.zip", new ProxyRequest.Zip("rsc.io/quote/v3", "v3.0.0"), "rsc.io/quote/v3/@v/v3.0.0.zip"),
                Arguments.of("/example.com/downgrade/@v/v2.0.0.zip", new ProxyRequest.Zip("example.com/downgrade", "v2.0.0"),
                        "example.com/downgrade/@v/v2.0.0.zip"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void valid(String raw, ProxyRequest want, String key) {
        ParsedPath got = ProxyPaths.parse(raw);
        assertThat(got).as("parse(%s)", raw).isEqualTo(new ParsedPath.Valid(want));
        assertThat(want.key()).as("key of %s", raw).isEqualTo(key);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("/example.com/M/@v/list", 400, "invalid escaped module path \"example.com/M\""),
                Arguments.of("/example.com/!/@v/list", 400, "invalid escaped module path \"example.com/!\""),
                Arguments.of("/../etc/@v/list", 400, "invalid escaped module path \"../etc\""),
                Arguments.of("/example.com/../m/@v/list", 400, "invalid escaped module path \"example.com/../m\""),
                Arguments.of("/example.com%2fm/@v/list", 400, "malformed request path \"/example.com%2fm/@v/list\""),
                Arguments.of("/example.com/m/@v/%zz.info", 400, "malformed request path \"/example.com/m/@v/%zz.info\""),
                Arguments.of("/example.com/m/@v/%ff.info", 400, "malformed request path \"/example.com/m/@v/%ff.info\""),
                Arguments.of("/example.com/m/@v/..%2f..%2fx.info", 400, "malformed request path \"/example.com/m/@v/..%2f..%2fx.info\""),
                Arguments.of("/example.com/m/@v/...info", 400, "invalid escaped version \"..\""),
                Arguments.of("/example.com/m/@v/v1.0.mod", 400, "example.com/m@v1.0: version is not canonical"),
                Arguments.of("/example.com/m/@v/master.zip", 400, "example.com/m@master: version is not canonical"),
                Arguments.of("/example.com/m/@v/v1.0.0.tar", 404, "not found: example.com/m/@v/v1.0.0.tar"),
                Arguments.of("/sumdb/sum.golang.org/supported", 404, "not found: sumdb/sum.golang.org/supported"),
                Arguments.of("/", 404, "not found: "),
                Arguments.of("/" + "a".repeat(3000), 400, "request path too long (3001 bytes; limit is 2048)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refused(String raw, int status, String message) {
        ParsedPath got = ProxyPaths.parse(raw);
        switch (got) {
            case ParsedPath.Malformed m -> {
                assertThat(status).as("status for %s (%s)", raw, m.message()).isEqualTo(400);
                assertThat(m.message()).as("message for %s", raw).startsWith(message);
            }
            case ParsedPath.NotEndpoint n -> {
                assertThat(status).as("status for %s (%s)", raw, n.message()).isEqualTo(404);
                assertThat(n.message()).as("message for %s", raw).isEqualTo(message);
            }
            case ParsedPath.Valid v -> throw new AssertionError("parse(" + raw + ") = " + v + ", want refused");
        }
    }
}
