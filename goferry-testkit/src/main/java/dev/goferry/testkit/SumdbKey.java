package dev.goferry.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A fresh checksum-database key for tests, so GOSUMDB can name a lab host instead of
 * sum.golang.org. Go's verifier key format (golang.org/x/mod/sumdb/note) is
 * {@code name+hash+base64(0x01 || ed25519 public key)}, where hash is the first 4 bytes (8 hex
 * digits) of SHA-256({@code name + "\n" + 0x01 + public key}).
 *
 * @param name the database name, e.g. {@code sum.golang.test}
 * @param verifierKey the GOSUMDB value
 * @param keyPair the Ed25519 pair, for a test that wants to sign
 */
public record SumdbKey(String name, String verifierKey, KeyPair keyPair) {

    /** Generates a new Ed25519 key named {@code name}. */
    public static SumdbKey generate(String name) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] x509 = pair.getPublic().getEncoded();
            byte[] raw = Arrays.copyOfRange(x509, x509.length - 32, x509.length); // SubjectPublicKeyInfo ends with the key
            return new SumdbKey(name, verifierKey(name, raw), pair);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks Ed25519", e);
        }
    }

    /** {@return the verifier key for a raw 32-byte Ed25519 public key named {@code name}} */
    public static String verifierKey(String name, byte[] rawPublicKey) {
        if (rawPublicKey.length != 32) {
            throw new IllegalArgumentException("ed25519 public key: want 32 bytes, got " + rawPublicKey.length);
        }
        byte[] typed = new byte[33];
        typed[0] = 0x01; // algEd25519
        System.arraycopy(rawPublicKey, 0, typed, 1, 32);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((name + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(typed);
            String hash = HexFormat.of().formatHex(Arrays.copyOf(sha.digest(), 4));
            return name + "+" + hash + "+" + Base64.getEncoder().encodeToString(typed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
