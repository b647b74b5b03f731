package dev.goferry.gomod.env;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GOAUTH checks. Go 1.24 applies them only when an HTTPS request first needs credentials, which
 * a hermetic test cannot reach without a trusted TLS server; the texts come from cmd/go's
 * auth.go and are not yet checked against a real run.
 */
class GoAuthTest {

    @ParameterizedTest(name = "GOAUTH={0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            netrc |
            off |
            git /home/u/src/repo |
            netrc;git /srv/repo;my-credential-helper --flag |
            off;netrc | GOAUTH=off cannot be combined with other authentication commands (GOAUTH=off;netrc)
            git;off | GOAUTH=off cannot be combined with other authentication commands (GOAUTH=git;off)
            off;git | GOAUTH=git dir method requires an absolute path to the git working directory
            netrc; | GOAUTH encountered an empty command (GOAUTH=netrc;)
            git | GOAUTH=git dir method requires an absolute path to the git working directory
            git a b | GOAUTH=git dir method requires an absolute path to the git working directory
            git relative | GOAUTH=git dir method requires an absolute path to the git working directory, dir is not absolute
            """)
    void parse(String goauth, String error) {
        assertThat(GoAuth.parse(goauth, GoOs.LINUX).error().orElse(null)).as("GOAUTH=%s", goauth).isEqualTo(error);
    }
}
