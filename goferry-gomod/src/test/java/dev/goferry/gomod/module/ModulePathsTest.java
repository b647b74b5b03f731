package dev.goferry.gomod.module;

import dev.goferry.gomod.gostd.GoQuote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Path rules, table-driven after x/mod's module_test.go: one row per path with three columns
 * (valid as module path, import path, file path) that drive all three checks and the escaping
 * round trips.
 */
class ModulePathsTest {

    record PathCase(String path, boolean ok, boolean importOK, boolean fileOK) {
        @Override
        public String toString() {
            return GoQuote.quote(path);
        }
    }

    /**
     * path ⇥ module ⇥ import ⇥ file; "\uD800" stands in for Go's invalid UTF-8 byte. The columns
     * follow the x/mod that Go 1.19 and 1.24 vendor (identical module.go): '+' is not allowed in
     * module paths (the real go says {@code invalid char '+'}, see GoModuleRulesConformanceTest),
     * import paths may start an element with a dot, file paths may start with a dash. Older x/mod
     * test tables say otherwise for these five rows.
     */
    static final List<PathCase> PATHS = """
            x.y/z	+ + +
            x.y	+ + +
            	- - -
            x.y/\uD800z	- - -
            /x.y/z	- - -
            x./z	- - -
            .x/z	- + +
            -x/z	- - +
            x..y/z	+ + +
            x.y/z/../../w	- - -
            x.y//z	- - -
            x.y/z//w	- - -
            x.y/z/	- - -
            x.y/z/v0	- + +
            x.y/z/v1	- + +
            x.y/z/v2	+ + +
            x.y/z/v2.0	- + +
            X.y/z	- + +
            !x.y/z	- - +
            _x.y/z	- + +
            x.y!/z	- - +
            x.y"/z	- - -
            x.y#/z	- - +
            x.y$/z	- - +
            x.y%/z	- - +
            x.y&/z	- - +
            x.y'/z	- - -
            x.y(/z	- - +
            x.y)/z	- - +
            x.y*/z	- - -
            x.y+/z	- + +
            x.y,/z	- - +
            x.y-/z	+ + +
            x.y./zt	- - -
            x.y:/z	- - -
            x.y;/z	- - -
            x.y</z	- - -
            x.y=/z	- - +
            x.y>/z	- - -
            x.y?/z	- - -
            x.y@/z	- - +
            x.y[/z	- - +
            x.y\\/z	- - -
            x.y]/z	- - +
            x.y^/z	- - +
            x.y_/z	- + +
            x.y`/z	- - -
            x.y{/z	- - +
            x.y}/z	- - +
            x.y~/z	- + +
            x.y/z!	- - +
            x.y/z"	- - -
            x.y/z#	- - +
            x.y/z$	- - +
            x.y/z%	- - +
            x.y/z&	- - +
            x.y/z'	- - -
            x.y/z(	- - +
            x.y/z)	- - +
            x.y/z*	- - -
            x.y/z+	- + +
            x.y/z,	- - +
            x.y/z-	+ + +
            x.y/z.t	+ + +
            x.y/z/t	+ + +
            x.y/z:	- - -
            x.y/z;	- - -
            x.y/z<	- - -
            x.y/z=	- - +
            x.y/z>	- - -
            x.y/z?	- - -
            x.y/z@	- - +
            x.y/z[	- - +
            x.y/z\\	- - -
            x.y/z]	- - +
            x.y/z^	- - +
            x.y/z_	+ + +
            x.y/z`	- - -
            x.y/z{	- - +
            x.y/z}	- - +
            x.y/z~	+ + +
            x.y/x.foo	+ + +
            x.y/aux.foo	- - -
            x.y/prn	- - -
            x.y/prn2	+ + +
            x.y/com	+ + +
            x.y/com1	- - -
            x.y/com1.txt	- - -
            x.y/calm1	+ + +
            x.y/z~1	- - +
            x.y/z~a1	+ + +
            x.y/z~1.go	- - +
            github.com/!123/logrus	- - +
            github.com/user/unicode/испытание	- - +
            ../x	- - -
            ./y	- - -
            x:y	- - -
            \\temp\\foo	- - -
            .gitignore	- + +
            .github/ISSUE_TEMPLATE	- + +
            x☺y	- - -
            gopkg.in/yaml.v2	+ + +
            gopkg.in/yaml	- + +
            gopkg.in/yaml.v02	- + +
            gopkg.in/yaml.v2-unstable	+ + +
            """.lines().map(l -> {
                int tab = l.lastIndexOf('\t');
                String[] f = l.substring(tab + 1).split(" ");
                return new PathCase(l.substring(0, tab).replace("\\\\", "\\"), f[0].equals("+"), f[1].equals("+"), f[2].equals("+"));
            }).toList();

    static Stream<PathCase> paths() {
        return PATHS.stream();
    }

    @ParameterizedTest
    @MethodSource("paths")
    void checksAgreeWithTheTable(PathCase c) {
        assertThat(ModulePaths.checkPath(c.path())).as("checkPath(%s)", c).matches(e -> e.isEmpty() == c.ok());
        assertThat(ModulePaths.checkImportPath(c.path())).as("checkImportPath(%s)", c).matches(e -> e.isEmpty() == c.importOK());
        assertThat(ModulePaths.checkFilePath(c.path())).as("checkFilePath(%s)", c).matches(e -> e.isEmpty() == c.fileOK());
    }

    @ParameterizedTest
    @MethodSource("paths")
    void splitPathVersionAddsUpToTheInput(PathCase c) {
        PathMajor split = ModulePaths.splitPathVersion(c.path());
        assertThat(split.prefix() + split.pathMajor()).as("splitPathVersion(%s)", c).isEqualTo(c.path());
    }

    @ParameterizedTest
    @MethodSource("paths")
    void invalidModulePathsCannotBeEscapedNorUnescaped(PathCase c) {
        if (c.ok()) {
            String escaped = Escaping.escapePath(c.path());
            assertThat(Escaping.unescapePath(escaped)).as("unescapePath(escapePath(%s))", c).isEqualTo(c.path());
        } else {
            assertThatThrownBy(() -> Escaping.escapePath(c.path())).as("escapePath(%s)", c).isInstanceOf(ModException.class);
            assertThatThrownBy(() -> Escaping.unescapePath(c.path())).as("unescapePath(%s)", c).isInstanceOf(ModException.class);
        }
    }

    @ParameterizedTest(name = "splitPathVersion({0}{1})")
    @CsvSource({"x.y/z, ''", "x.y/z, /v2", "x.y/z, /v3", "x.y/v, ''", "gopkg.in/yaml, .v0", "gopkg.in/yaml, .v1",
        "gopkg.in/yaml, .v2", "gopkg.in/yaml, .v3", "gopkg.in/yaml, .v2-unstable"})
    void splitPathVersionFindsTheMajorSuffix(String prefix, String major) {
        assertThat(ModulePaths.splitPathVersion(prefix + major)).isEqualTo(new PathMajor(prefix, major, true));
    }

    @ParameterizedTest(name = "check({0}, {1}) ok={2}")
    @CsvSource({
        "rsc.io/quote, 0.1.0, false", "rsc io/quote, v1.0.0, false",
        "github.com/go-yaml/yaml, v0.8.0, true", "github.com/go-yaml/yaml, v1.0.0, true",
        "github.com/go-yaml/yaml, v2.0.0, false", "github.com/go-yaml/yaml, v2.1.5, false",
        "github.com/go-yaml/yaml, v3.0.0, false",
        "github.com/go-yaml/yaml/v2, v1.0.0, false", "github.com/go-yaml/yaml/v2, v2.0.0, true",
        "github.com/go-yaml/yaml/v2, v2.1.5, true", "github.com/go-yaml/yaml/v2, v3.0.0, false",
        "gopkg.in/yaml.v0, v0.8.0, true", "gopkg.in/yaml.v0, v1.0.0, false", "gopkg.in/yaml.v0, v2.0.0, false",
        "gopkg.in/yaml.v1, v0.8.0, false", "gopkg.in/yaml.v1, v1.0.0, true", "gopkg.in/yaml.v1, v2.0.0, false",
        "gopkg.in/check.v1, v0.0.0, false", "gopkg.in/check.v1, v0.0.0-20160102150405-abcdef123456, true",
        "gopkg.in/yaml.v2, v1.0.0, false", "gopkg.in/yaml.v2, v2.0.0, true", "gopkg.in/yaml.v2, v2.1.5, true",
        "gopkg.in/yaml.v2, v3.0.0, false",
        "rsc.io/quote, v17.0.0, false", "rsc.io/quote, v17.0.0+incompatible, true",
        "rsc.io/quote/v2, v2.0.0+incompatible, true", "gopkg.in/dummy.v2-unstable, v2.0.0, true"})
    void checkMatchesMajorVersionToPath(String path, String version, boolean ok) {
        assertThat(ModulePaths.check(path, version)).as("check(%s, %s)", path, version).matches(e -> e.isEmpty() == ok);
    }

    @ParameterizedTest(name = "matchPathMajor({0}, {1}) = {2}")
    @CsvSource({"v0.0.0, '', true", "v0.0.0, /v2, false", "v0.0.0, .v0, true",
        "v0.0.0-20190510104115-cbcb75029529, .v1, true", "v1.0.0, /v2, false", "v1.0.0, .v1, true",
        "v1.0.0, .v1-unstable, true", "v2.0.0+incompatible, '', true", "v2.0.0, '', false",
        "v2.0.0, /v2, true", "v2.0.0, .v2, true"})
    void matchPathMajor(String v, String pathMajor, boolean want) {
        assertThat(ModulePaths.matchPathMajor(v, pathMajor)).isEqualTo(want);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            x                 | malformed module path "x": missing dot in first path element
            github.com/x/v1   | malformed module path "github.com/x/v1": invalid version
            x.y/aux           | malformed module path "x.y/aux": "aux" disallowed as path element component on Windows
            X.y/z             | malformed module path "X.y/z": invalid char 'X' in first path element
            -x.y/z            | malformed module path "-x.y/z": leading dash
            x.y/.z            | malformed module path "x.y/.z": leading dot in path element
            x.y/z.            | malformed module path "x.y/z.": trailing dot in path element
            x.y/z~1           | malformed module path "x.y/z~1": trailing tilde and digits in path element
            x.y/z..           | malformed module path "x.y/z..": trailing dot in path element
            x.y/..            | malformed module path "x.y/..": invalid path element ".."
            x.y/a b           | malformed module path "x.y/a b": invalid char ' '
            """)
    void modulePathMessagesAreGos(String path, String message) {
        assertThat(ModulePaths.checkPath(path)).get().extracting(ModError::message).isEqualTo(message);
    }

    @Test
    void versionMessagesAreGos() {
        assertThat(ModulePaths.check("github.com/go-yaml/yaml", "v2.0.0")).get().extracting(ModError::message)
                .isEqualTo("github.com/go-yaml/yaml@v2.0.0: invalid version: should be v0 or v1, not v2");
        assertThat(ModulePaths.check("rsc.io/quote", "0.1.0")).get().extracting(ModError::message)
                .isEqualTo("rsc.io/quote@0.1.0: invalid version: not a semantic version");
        assertThat(ModulePaths.check("x.y/z/v3", "v2.0.0")).get().extracting(ModError::message)
                .isEqualTo("x.y/z/v3@v2.0.0: invalid version: should be v3, not v2");
        assertThat(ModulePaths.checkFilePath("x/com1.txt")).get().extracting(ModError::message)
                .isEqualTo("malformed file path \"x/com1.txt\": \"com1\" disallowed as path element component on Windows");
        assertThat(ModulePaths.checkImportPath("x.y/z*")).get().extracting(ModError::message)
                .isEqualTo("malformed import path \"x.y/z*\": invalid char '*'");
    }

    @Test
    void moduleErrorNeverWrapsTwice() {
        ModuleVersion m = new ModuleVersion("rsc.io/quote", "v1.0.0");
        ModError inner = ModuleError.of(m, ModError.reason("boom"));
        assertThat(ModuleError.of(m, inner)).isSameAs(inner);
        assertThat(inner.message()).isEqualTo("rsc.io/quote@v1.0.0: boom");
        assertThat(new ModuleError("rsc.io/quote", "", ModError.reason("boom")).message()).isEqualTo("module rsc.io/quote: boom");
        assertThat(ModuleError.of(new ModuleVersion("rsc.io/quote", "v1.1.0"), inner).message())
                .isEqualTo("rsc.io/quote@v1.1.0: rsc.io/quote@v1.0.0: boom");
    }

    @ParameterizedTest(name = "canonicalVersion({0}) = {1}")
    @CsvSource({"v1.2, v1.2.0", "v1.2.3+meta, v1.2.3", "v2.0.0+incompatible, v2.0.0+incompatible",
        "v2+incompatible, ''", "v2.0+incompatible, ''", "v2.0.0-pre+incompatible, v2.0.0-pre+incompatible", "bad, ''"})
    void canonicalVersionKeepsIncompatible(String v, String want) {
        assertThat(ModulePaths.canonicalVersion(v)).isEqualTo(want);
    }

    @Test
    void goSumOrderSortsVersionsSemanticallyThenGoModSuffix() {
        List<ModuleVersion> list = Stream.of(
                        new ModuleVersion("rsc.io/quote", "v1.10.0/go.mod"), new ModuleVersion("rsc.io/quote", "v1.10.0"),
                        new ModuleVersion("rsc.io/quote", "v1.9.0"), new ModuleVersion("golang.org/x/text", "v0.3.0"))
                .sorted(ModuleVersion.GO_SUM_ORDER).toList();
        assertThat(list).extracting(ModuleVersion::toString).containsExactly(
                "golang.org/x/text@v0.3.0", "rsc.io/quote@v1.9.0", "rsc.io/quote@v1.10.0", "rsc.io/quote@v1.10.0/go.mod");
    }
}
