package dev.goferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Verifier keys have Go's note format, checked against the one key Go knows by heart. */
class SumdbKeyTest {

    /** cmd/go/internal/modfetch/key.go: knownGOSUMDB["sum.golang.org"]. */
    private static final String SUM_GOLANG_ORG = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";

    /** The key field follows the second '+' (base64 itself may contain '+'). */
    private static byte[] keyBytes(String verifierKey) {
        int first = verifierKey.indexOf('+');
        return Base64.getDecoder().decode(verifierKey.substring(verifierKey.indexOf('+', first + 1) + 1));
    }

    @Test
    void reproducesSumGolangOrgsKey() {
        byte[] typed = keyBytes(SUM_GOLANG_ORG);
        assertThat(typed[0]).isEqualTo((byte) 0x01);
        assertThat(SumdbKey.verifierKey("sum.golang.org", Arrays.copyOfRange(typed, 1, typed.length)))
                .isEqualTo(SUM_GOLANG_ORG);
    }

    @Test
    void generatedKeyNamesItselfAndCarriesItsPublicKey() {
        SumdbKey key = SumdbKey.generate("sum.golang.test");
        assertThat(key.verifierKey()).matches("sum\\.golang\\.test\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}");
        byte[] typed = keyBytes(key.verifierKey());
        byte[] x509 = key.keyPair().getPublic().getEncoded();
        assertThat(Arrays.copyOfRange(typed, 1, 33)).isEqualTo(Arrays.copyOfRange(x509, x509.length - 32, x509.length));
        assertThat(SumdbKey.verifierKey("sum.golang.test", Arrays.copyOfRange(typed, 1, 33))).isEqualTo(key.verifierKey());
    }
}
