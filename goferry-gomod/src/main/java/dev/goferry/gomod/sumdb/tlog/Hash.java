package dev.goferry.gomod.sumdb.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A SHA-256 hash in the transparency log: a record hash, an interior node hash or a tree hash.
 * Printed as standard padded base64, like x/mod's {@code tlog.Hash.String}.
 *
 * @param bytes the 32 hash bytes (copied in and out)
 */
public record Hash(byte[] bytes) {

    /** Number of bytes in a hash. */
    public static final int SIZE = 32;

    /** The tree hash of the empty tree: SHA-256 of nothing (current x/mod; v0.12.0 used all zeros). */
    public static final Hash EMPTY = new Hash(sha256(new byte[0]));

    public Hash {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("hash must have " + SIZE + " bytes, not " + bytes.length);
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * Parses the base64 form.
     *
     * @throws IllegalArgumentException with Go's text "malformed hash" if it is not 32 bytes in base64
     */
    public static Hash parse(String base64) {
        byte[] data;
        try {
            data = Base64.getDecoder().decode(requirePadding(base64));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed hash");
        }
        if (data.length != SIZE) {
            throw new IllegalArgumentException("malformed hash");
        }
        return new Hash(data);
    }

    /** {@return the hash of a tile-sized slice of {@code data}: the bytes themselves} */
    static Hash of(byte[] data, int offset) {
        return new Hash(Arrays.copyOfRange(data, offset, offset + SIZE));
    }

    /** Go's StdEncoding requires padding, which the JDK decoder would let go. */
    static String requirePadding(String b64) {
        if (b64.length() % 4 != 0) {
            throw new IllegalArgumentException("base64 without padding");
        }
        return b64;
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                d.update(p);
            }
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
