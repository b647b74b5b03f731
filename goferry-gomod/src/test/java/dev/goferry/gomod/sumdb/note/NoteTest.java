package dev.goferry.gomod.sumdb.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Keys, signing and opening against x/mod's note vectors (note.go doc, sumdb client_test.go). */
class NoteTest {

    static final String PN_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String PN_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String PN_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    static final String PN_SIG = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    static final String SUMDB_VKEY = "localhost.localdev/sumdb+00000c67+AcTrnkbUA+TU4heY3hkjiSES/DSQniBqIeQ/YppAUtK6";
    static final String SUMDB_SKEY = "PRIVATE+KEY+localhost.localdev/sumdb+00000c67+AXu6+oaVaOYuQOFrf1V59JK1owcFlJcHwwXHDfDGxSPk";
    static final String TREE_NOTE = "go.sum database tree\n5\nMeHw8hsl2DAOSJ8RfdhmspI4Dd8f6+5JRGh6M2H8Rus=\n\n"
            + "\u2014 localhost.localdev/sumdb AAAMZ3N5gHYlwOTenYS3J2JezAoyqnqdJ+MhMLyrtiTNFcBhMHMkml5zLMEreBIgCpjDLyyQuDESwSV1oDRQGWEVPwU=\n";

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void signsPeterNeumannsNoteExactly() throws NoteException {
        byte[] msg = Notes.sign(Note.of(PN_TEXT), Keys.newSigner(PN_SKEY));
        assertThat(new String(msg, StandardCharsets.UTF_8)).isEqualTo(PN_TEXT + "\n" + PN_SIG);
        Note n = Notes.open(msg, Verifiers.of(Keys.newVerifier(PN_VKEY)));
        assertThat(n.text()).isEqualTo(PN_TEXT);
        assertThat(n.sigs()).containsExactly(new Note.Signature("PeterNeumann", 0xc74f20a3,
                "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM="));
    }

    @Test
    void signedTreeNoteOfTheVectorsVerifiesAndIsReproduced() throws NoteException {
        Note n = Notes.open(utf8(TREE_NOTE), Verifiers.of(Keys.newVerifier(SUMDB_VKEY)));
        assertThat(n.sigs()).singleElement().extracting(Note.Signature::keyHash).isEqualTo(0x00000c67);
        byte[] signed = Notes.sign(Note.of("go.sum database tree\n5\nMeHw8hsl2DAOSJ8RfdhmspI4Dd8f6+5JRGh6M2H8Rus=\n"),
                Keys.newSigner(SUMDB_SKEY));
        assertThat(new String(signed, StandardCharsets.UTF_8)).isEqualTo(TREE_NOTE);
    }

    @Test
    void generatedKeysSignAndVerify() throws NoteException {
        Keys.KeyStrings k = Keys.generate("sum.golang.test", new SecureRandom());
        assertThat(k.verifierKey()).matches("sum\\.golang\\.test\\+[0-9a-f]{8}\\+A[A-Za-z0-9+/]{43}");
        assertThat(k.signerKey()).isEqualTo("PRIVATE+KEY+" + k.signerKey().substring(12)).startsWith("PRIVATE+KEY+sum.golang.test+"
                + k.verifierKey().split("\\+")[1] + "+");
        byte[] msg = Notes.sign(Note.of("hello\n"), Keys.newSigner(k.signerKey()));
        assertThat(Notes.open(msg, Verifiers.of(Keys.newVerifier(k.verifierKey()))).text()).isEqualTo("hello\n");
        Verifier pn = Keys.newVerifier(PN_VKEY);
        assertThat(Keys.ed25519VerifierKey("PeterNeumann", java.util.Arrays.copyOfRange(
                java.util.Base64.getDecoder().decode("ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"), 1, 33))).isEqualTo(PN_VKEY);
        assertThat(pn.keyHash()).isEqualTo(0xc74f20a3);
        assertThat(Keys.fromSeed("PeterNeumann", java.util.Arrays.copyOfRange(java.util.Base64.getDecoder()
                .decode("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"), 1, 33)))
                .isEqualTo(new Keys.KeyStrings(PN_SKEY, PN_VKEY));
    }

    @Test
    void goSumDbDefaultKeyParses() throws NoteException {
        Verifier v = Keys.newVerifier("sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8");
        assertThat(v.name()).isEqualTo("sum.golang.org");
        assertThat(v.keyHash()).isEqualTo(0x033de0ae);
    }

    static Stream<Arguments> badVerifierKeys() {
        return Stream.of(
                Arguments.of("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TX", "invalid verifier hash"),
                Arguments.of("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "invalid verifier hash"),
                Arguments.of("PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "malformed verifier id"),
                Arguments.of("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T", "malformed verifier id"),
                Arguments.of("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "malformed verifier id"),
                Arguments.of("+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "malformed verifier id"),
                Arguments.of("PeterNeumann+c74f20a3+", "malformed verifier id"),
                Arguments.of("PeterNeumann", "malformed verifier id"),
                Arguments.of(withKeyHash("n", new byte[] {2, 1, 2, 3}), "unknown verifier algorithm"),
                Arguments.of(withKeyHash("n", new byte[] {1, 1, 2, 3}), "malformed verifier id"));
    }

    static String withKeyHash(String name, byte[] key) {
        return String.format("%s+%08x+%s", name, Keys.keyHash(name, key), java.util.Base64.getEncoder().encodeToString(key));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badVerifierKeys")
    void badVerifierKeysFailWithGosText(String vkey, String message) {
        assertThatThrownBy(() -> Keys.newVerifier(vkey)).as("NewVerifier(%s)", vkey).isInstanceOf(NoteException.class)
                .hasMessage(message);
    }

    @Test
    void badSignerKeysFailWithGosText() {
        assertThatThrownBy(() -> Keys.newSigner(PN_VKEY)).hasMessage("malformed verifier id");
        assertThatThrownBy(() -> Keys.newSigner(PN_SKEY.replace("c74f20a3", "c74f20a4"))).hasMessage("invalid verifier hash");
        assertThatThrownBy(() -> Keys.newSigner("PRIVATE+KEY+n+00000000+AgEC")).hasMessage("unknown verifier algorithm");
    }

    @Test
    void openReportsTypedErrors() throws NoteException {
        Verifiers pn = Verifiers.of(Keys.newVerifier(PN_VKEY));
        Verifiers sumdb = Verifiers.of(Keys.newVerifier(SUMDB_VKEY));
        byte[] signed = utf8(PN_TEXT + "\n" + PN_SIG);

        assertThatThrownBy(() -> Notes.open(signed, sumdb)).isInstanceOfSatisfying(NoteException.UnverifiedNote.class,
                e -> assertThat(e.note().unverifiedSigs()).extracting(Note.Signature::name).containsExactly("PeterNeumann"))
                .hasMessage("note has no verifiable signatures");

        byte[] tampered = utf8(PN_TEXT.replace("answer", "Answer") + "\n" + PN_SIG);
        assertThatThrownBy(() -> Notes.open(tampered, pn)).isInstanceOfSatisfying(NoteException.InvalidSignature.class,
                e -> assertThat(e.keyHash()).isEqualTo(0xc74f20a3))
                .hasMessage("invalid signature for key PeterNeumann+c74f20a3");

        assertThatThrownBy(() -> Verifiers.of().verifier("x", 0x0c67)).isInstanceOf(NoteException.UnknownVerifier.class)
                .hasMessage("unknown key x+00000c67");

        for (String bad : List.of(PN_TEXT + PN_SIG, PN_TEXT + "\n" + PN_SIG.replace("\u2014", "-"),
                PN_TEXT + "\n" + PN_SIG.trim(), PN_TEXT + "\u0001\n" + PN_SIG, PN_TEXT + "\n\u2014 PeterNeumann AAAA\n",
                PN_TEXT + "\n\u2014 PeterNeumann\n", PN_TEXT + "\n")) {
            assertThatThrownBy(() -> Notes.open(utf8(bad), pn)).as("Open(%s)", bad).hasMessage("malformed note");
        }
        assertThatThrownBy(() -> Notes.sign(Note.of("no newline"), Keys.newSigner(PN_SKEY))).hasMessage("malformed note");
    }

    @Test
    void signKeepsOtherKeysSignaturesFirst() throws NoteException {
        Signer pn = Keys.newSigner(PN_SKEY);
        Signer db = Keys.newSigner(SUMDB_SKEY);
        Note onlyPn = Notes.open(Notes.sign(Note.of(PN_TEXT), pn), Verifiers.of(Keys.newVerifier(PN_VKEY)));
        byte[] both = Notes.sign(onlyPn, db);
        assertThat(new String(both, StandardCharsets.UTF_8)).startsWith(PN_TEXT + "\n" + PN_SIG + "\u2014 localhost.localdev/sumdb ");
        Note n = Notes.open(both, Verifiers.of(Keys.newVerifier(PN_VKEY), Keys.newVerifier(SUMDB_VKEY)));
        assertThat(n.sigs()).extracting(Note.Signature::name).containsExactly("PeterNeumann", "localhost.localdev/sumdb");
    }
}
