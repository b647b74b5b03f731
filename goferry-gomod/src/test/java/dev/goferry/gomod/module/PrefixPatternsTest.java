package dev.goferry.gomod.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PrefixPatternsTest {

    /** Go's own path.Match table (src/path/match_test.go); "bad" marks ErrBadPattern. */
    @ParameterizedTest(name = "Match({0}, {1}) = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            abc | abc | true
            * | abc | true
            *c | abc | true
            a* | a | true
            a* | abc | true
            a* | ab/c | false
            a*/b | abc/b | true
            a*/b | a/c/b | false
            a*b*c*d*e*/f | axbxcxdxe/f | true
            a*b*c*d*e*/f | axbxcxdxexxx/f | true
            a*b*c*d*e*/f | axbxcxdxe/xxx/f | false
            a*b*c*d*e*/f | axbxcxdxexxx/fff | false
            a*b?c*x | abxbbxdbxebxczzx | true
            a*b?c*x | abxbbxdbxebxczzy | false
            ab[c] | abc | true
            ab[b-d] | abc | true
            ab[e-g] | abc | false
            ab[^c] | abc | false
            ab[^b-d] | abc | false
            ab[^e-g] | abc | true
            a\\*b | a*b | true
            a\\*b | ab | false
            a?b | a☺b | true
            a[^a]b | a☺b | true
            a???b | a☺b | false
            a[^a][^a][^a]b | a☺b | false
            [a-ζ]* | α | true
            *[a-ζ] | A | false
            a?b | a/b | false
            a*b | a/b | false
            [\\]a] | ] | true
            [\\-] | - | true
            [x\\-] | x | true
            [x\\-] | - | true
            [x\\-] | z | false
            [\\-x] | x | true
            [\\-x] | - | true
            [\\-x] | a | false
            []a] | ] | bad
            [-] | - | bad
            [x-] | x | bad
            [x-] | - | bad
            [x-] | z | bad
            [-x] | x | bad
            [-x] | - | bad
            [-x] | a | bad
            \\ | a | bad
            [a-b-c] | a | bad
            [ | a | bad
            [^ | a | bad
            [^bc | a | bad
            a[ | a | bad
            a[ | ab | bad
            a[ | x | bad
            a/b[ | x | bad
            *x | xxx | true
            """)
    void pathMatchIsGos(String pattern, String name, String want) {
        String p = pattern.replace("\\\\", "\\");
        if (want.equals("bad")) {
            assertThatThrownBy(() -> PrefixPatterns.pathMatch(p, name)).as("Match(%s, %s)", p, name)
                    .isInstanceOf(PrefixPatterns.BadPatternException.class);
        } else {
            try {
                assertThat(PrefixPatterns.pathMatch(p, name)).as("Match(%s, %s)", p, name).isEqualTo(Boolean.parseBoolean(want));
            } catch (PrefixPatterns.BadPatternException e) {
                throw new AssertionError("Match(" + p + ", " + name + ") reported a bad pattern", e);
            }
        }
    }

    /** Globs against repository roots the go command checks against GOPRIVATE without any network. */
    static final List<String[]> GLOBS = List.of(
            new String[] {"*.corp.example.com", "git.corp.example.com/team/repo.git"},
            new String[] {"corp.example.com", "corp.example.com/x/repo.git"},
            new String[] {"corp.example.com", "git.corp.example.com/repo.git"},
            new String[] {"foo.example.com, corp.example.com", "corp.example.com/repo.git"},
            new String[] {"foo.example.com,corp.example.com", "corp.example.com/repo.git"},
            new String[] {"corp.example.com/", "corp.example.com/repo.git"},
            new String[] {"corp.example.com//", "corp.example.com/repo.git"},
            new String[] {"*/team", "git.example.com/team/repo.git"},
            new String[] {"*/tea", "git.example.com/team/repo.git"},
            new String[] {"git.example.com/*/repo.git", "git.example.com/team/repo.git"},
            new String[] {"git.example.com/[a-z]*", "git.example.com/team/repo.git"},
            new String[] {"git.example.com/[^t]*", "git.example.com/team/repo.git"},
            new String[] {"git.example.com/[", "git.example.com/team/repo.git"},
            new String[] {"[,git.example.com", "git.example.com/team/repo.git"},
            new String[] {"git.example.com/t?am", "git.example.com/team/repo.git"},
            new String[] {"git.example.com/t\\eam", "git.example.com/team/repo.git"},
            new String[] {"\"git.example.com\"", "git.example.com/team/repo.git"},
            new String[] {"*", "x.example.com/r.git"},
            new String[] {"none", "x.example.com/r.git"},
            new String[] {",,", "x.example.com/r.git"},
            new String[] {"git.example.com/team/repo.git/extra", "git.example.com/team/repo.git"},
            new String[] {"GIT.example.com", "git.example.com/r.git"},
            new String[] {"git.example.com/[a-]", "git.example.com/a/r.git"},
            new String[] {"*.com", "git.example.com/r.git"},
            new String[] {"git.example.com ", "git.example.com/r.git"});

    static Stream<Arguments> globRuns() {
        List<Arguments> out = new ArrayList<>();
        for (GoClient client : GoClients.all()) {
            for (String[] g : GLOBS) {
                out.add(Arguments.of(client, g[0], g[1]));
            }
        }
        return out.stream();
    }

    /**
     * The go command names a repository "private" or "public" in its GOVCS refusal by matching
     * GOPRIVATE against the repository root: with {@code GOVCS=*:off} and a static
     * {@code host/…/x.git} path that refusal comes before any network access.
     */
    @ParameterizedTest(name = "{0} GOPRIVATE={1} path={2}")
    @MethodSource("globRuns")
    void matchesLikeTheGoCommand(GoClient client, String glob, String root, @TempDir Path scratch) throws IOException {
        Map<String, String> env = new HashMap<>(client.baseEnvironment(scratch));
        env.putAll(Map.of("GOENV", "off", "GOPROXY", "direct", "GOPRIVATE", glob, "GOVCS", "*:off",
                "GOFLAGS", "-mod=mod"));
        GoClient.GoResult r = client.run(Files.createDirectories(scratch.resolve("work")), env, 60,
                "mod", "download", root + "@v1.0.0");
        String privateText = "GOVCS disallows using git for private " + root + ";";
        String publicText = "GOVCS disallows using git for public " + root + ";";
        assertThat(r.stderr()).as("go %s output", client.version()).containsAnyOf(privateText, publicText);
        assertThat(PrefixPatterns.matches(glob, root)).as("MatchPrefixPatterns(%s, %s)", glob, root)
                .isEqualTo(r.stderr().contains(privateText));
    }
}
