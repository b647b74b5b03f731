package dev.goferry.install.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Names of the toolchain module's versions (cmd/go toolchain.Select, cmd/distpack) and Go's execute-bit rule. */
class ToolchainModuleTest {

    static Stream<Arguments> versions() {
        return Stream.of(
                Arguments.of("v0.0.1-go1.21.0.linux-amd64", Optional.of(new ToolchainModule.Listed("v0.0.1-go1.21.0.linux-amd64", "go1.21.0", "linux", "amd64"))),
                Arguments.of("v0.0.1-go1.22rc1.darwin-arm64", Optional.of(new ToolchainModule.Listed("v0.0.1-go1.22rc1.darwin-arm64", "go1.22rc1", "darwin", "arm64"))),
                Arguments.of("v0.0.1-go1.21.13.windows-386", Optional.of(new ToolchainModule.Listed("v0.0.1-go1.21.13.windows-386", "go1.21.13", "windows", "386"))),
                Arguments.of("v0.0.1-go1.23.4.linux-arm", Optional.of(new ToolchainModule.Listed("v0.0.1-go1.23.4.linux-arm", "go1.23.4", "linux", "arm"))),
                Arguments.of("v0.0.2-go1.21.0.linux-amd64", Optional.empty()),
                Arguments.of("v0.0.1-go1.21.0", Optional.empty()),
                Arguments.of("v0.0.1-go1.21.0.linux", Optional.empty()),
                Arguments.of("v0.0.1-1.21.0.linux-amd64", Optional.empty()),
                Arguments.of("", Optional.empty()));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("versions")
    void parsesModuleVersions(String version, Optional<ToolchainModule.Listed> want) {
        assertThat(ToolchainModule.parse(version)).as("parse(%s)", version).isEqualTo(want);
        want.ifPresent(l -> assertThat(ToolchainModule.moduleVersion(l.goVersion(), l.goos(), l.goarch()))
                .as("moduleVersion of %s", version).isEqualTo(version));
    }

    static Stream<Arguments> execBits() {
        return Stream.of(
                Arguments.of("bin/go", true),
                Arguments.of("bin/gofmt", true),
                Arguments.of("bin/linux_arm64/go", true),
                Arguments.of("pkg/tool/linux_amd64/compile", true),
                Arguments.of("pkg/tool/linux_amd64/covdata", true),
                Arguments.of("lib/wasm/go_js_wasm_exec", true),
                Arguments.of("lib/wasm/go_wasip1_wasm_exec", true),
                Arguments.of("lib/wasm/wasm_exec.js", false),
                Arguments.of("lib/time/zoneinfo.zip", false),
                Arguments.of("lib/go__exec", false),
                Arguments.of("misc/wasm/go_js_wasm_exec", false),
                Arguments.of("src/make.bash", false),
                Arguments.of("src/cmd/go/go_test.go", false),
                Arguments.of("pkg/include/textflag.h", false),
                Arguments.of("VERSION", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("execBits")
    void setsExecuteBitsWhereGoDoes(String name, boolean want) {
        assertThat(ToolchainUnzip.isExecutable(name)).as("isExecutable(%s)", name).isEqualTo(want);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("archArgs")
    void mapsArchiveArchToGoarch(String archive, String goarch) {
        assertThat(ToolchainModule.goarch(archive)).as("goarch(%s)", archive).isEqualTo(goarch);
    }

    static Stream<Arguments> archArgs() {
        return Stream.of(Arguments.of("armv6l", "arm"), Arguments.of("amd64", "amd64"), Arguments.of("arm64", "arm64"),
                Arguments.of("386", "386"));
    }
}
