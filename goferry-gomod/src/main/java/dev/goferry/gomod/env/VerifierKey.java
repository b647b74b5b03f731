package dev.goferry.gomod.env;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A checksum database verifier key, {@code name+hash+base64key}, checked like x/mod's
 * {@code note.NewVerifier}: the hash is 8 hex digits equal to the first 4 bytes (big-endian) of
 * SHA-256(name + "\n" + algorithm byte + key), the algorithm byte 1 means Ed25519 with a 32-byte key.
 */
public record VerifierKey(String name, int hash, byte[] publicKey) {

    /** Go's error texts (x/mod/sumdb/note). */
    public static final String MALFORMED_ID = "malformed verifier id";
    public static final String UNKNOWN_ALGORITHM = "unknown verifier algorithm";
    public static final String INVALID_HASH = "invalid verifier hash";

    /** Thrown with one of Go's three texts. */
    public static final class InvalidKeyException extends Exception {
        InvalidKeyException(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses and checks a verifier key. */
    public static VerifierKey parse(String vkey) throws InvalidKeyException {
        String[] first = chop(vkey);
        String name = first[0];
        String[] second = chop(first[1]);
        String hash16 = second[0];
        String key64 = second[1];
        long hash = -1;
        if (hash16.length() == 8 && hash16.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
            hash = Long.parseLong(hash16, 16);
        }
        byte[] key = null;
        try {
            key = Base64.getDecoder().decode(key64);
        } catch (IllegalArgumentException e) {
            // malformed base64: reported as a malformed id below
        }
        if (hash < 0 || key == null || !validName(name) || key.length == 0) {
            throw new InvalidKeyException(MALFORMED_ID);
        }
        if ((int) hash != keyHash(name, key)) {
            throw new InvalidKeyException(INVALID_HASH);
        }
        if (key[0] != 1) {
            throw new InvalidKeyException(UNKNOWN_ALGORITHM);
        }
        if (key.length - 1 != 32) {
            throw new InvalidKeyException(MALFORMED_ID);
        }
        return new VerifierKey(name, (int) hash, java.util.Arrays.copyOfRange(key, 1, key.length));
    }

    private static String[] chop(String s) {
        int i = s.indexOf('+');
        return i < 0 ? new String[] {s, ""} : new String[] {s.substring(0, i), s.substring(i + 1)};
    }

    private static boolean validName(String name) {
        return !name.isEmpty() && !name.contains("+") && name.codePoints().noneMatch(dev.goferry.gomod.goproxy.GoStrings::isSpace);
    }

    /** The note key hash: first 4 bytes of SHA-256(name "\n" key), big-endian. */
    static int keyHash(String name, byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(key);
            byte[] sum = sha.digest();
            return (sum[0] & 0xFF) << 24 | (sum[1] & 0xFF) << 16 | (sum[2] & 0xFF) << 8 | (sum[3] & 0xFF);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
