package dev.goferry.gomod.sumdb.note;

import dev.goferry.gomod.gostd.GoStrings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Key strings of the note format (x/mod {@code note.NewVerifier}, {@code NewSigner},
 * {@code GenerateKey}), with the JDK's Ed25519 (algorithm byte 1, the only one defined):
 * <ul>
 *   <li>verifier key {@code <name>+<8 hex keyhash>+<base64(0x01 || 32-byte public key)>}</li>
 *   <li>signer key {@code PRIVATE+KEY+<name>+<8 hex keyhash>+<base64(0x01 || 32-byte seed)>}</li>
 * </ul>
 * The key hash is the first 4 bytes (big-endian) of SHA-256(name + "\n" + 0x01 || public key).
 */
public final class Keys {

    /** x/mod's error texts for a bad key string (the go command prints them after {@code invalid GOSUMDB: }). */
    public static final String MALFORMED_VERIFIER_ID = "malformed verifier id";
    public static final String INVALID_VERIFIER_HASH = "invalid verifier hash";
    public static final String UNKNOWN_VERIFIER_ALGORITHM = "unknown verifier algorithm";

    private static final byte ALG_ED25519 = 1;
    /** DER prefix of an X.509 SubjectPublicKeyInfo for an Ed25519 key; the raw 32 bytes follow. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Keys() {
    }

    /** A generated key pair in string form. */
    public record KeyStrings(String signerKey, String verifierKey) {
    }

    /**
     * Parses a verifier key.
     *
     * @throws NoteException "malformed verifier id", "invalid verifier hash" or "unknown verifier algorithm"
     */
    public static Verifier newVerifier(String vkey) throws NoteException {
        String[] a = chop(vkey, "+");
        String name = a[0];
        String[] b = chop(a[1], "+");
        String hash16 = b[0];
        byte[] key = decode(b[1]);
        if (hash16.length() != 8 || !isHex(hash16) || key == null || !isValidName(name) || key.length == 0) {
            throw new NoteException(MALFORMED_VERIFIER_ID);
        }
        int hash = Integer.parseUnsignedInt(hash16, 16);
        if (hash != keyHash(name, key)) {
            throw new NoteException(INVALID_VERIFIER_HASH);
        }
        if (key[0] != ALG_ED25519) {
            throw new NoteException(UNKNOWN_VERIFIER_ALGORITHM);
        }
        if (key.length != 33) {
            throw new NoteException(MALFORMED_VERIFIER_ID);
        }
        PublicKey pub = publicKey(Arrays.copyOfRange(key, 1, 33));
        return new Verifier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int keyHash() {
                return hash;
            }

            @Override
            public boolean verify(byte[] msg, byte[] sig) {
                try {
                    Signature s = Signature.getInstance("Ed25519");
                    s.initVerify(pub);
                    s.update(msg);
                    return s.verify(sig);
                } catch (GeneralSecurityException e) {
                    return false;
                }
            }
        };
    }

    /**
     * Parses a signer key. The errors have the verifier's texts, as in x/mod.
     *
     * @throws NoteException "malformed verifier id", "invalid verifier hash" or "unknown verifier algorithm"
     */
    public static Signer newSigner(String skey) throws NoteException {
        String[] p1 = chop(skey, "+");
        String[] p2 = chop(p1[1], "+");
        String[] nm = chop(p2[1], "+");
        String name = nm[0];
        String[] hk = chop(nm[1], "+");
        String hash16 = hk[0];
        byte[] key = decode(hk[1]);
        if (!p1[0].equals("PRIVATE") || !p2[0].equals("KEY") || hash16.length() != 8 || !isHex(hash16)
                || key == null || !isValidName(name) || key.length == 0) {
            throw new NoteException(MALFORMED_VERIFIER_ID);
        }
        int hash = Integer.parseUnsignedInt(hash16, 16);
        if (key[0] != ALG_ED25519) {
            throw new NoteException(UNKNOWN_VERIFIER_ALGORITHM);
        }
        if (key.length != 33) {
            throw new NoteException(MALFORMED_VERIFIER_ID);
        }
        byte[] seed = Arrays.copyOfRange(key, 1, 33);
        byte[] pub = publicKeyOfSeed(seed);
        if (hash != keyHash(name, withAlg(pub))) {
            throw new NoteException(INVALID_VERIFIER_HASH);
        }
        PrivateKey priv = privateKey(seed);
        return new Signer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int keyHash() {
                return hash;
            }

            @Override
            public byte[] sign(byte[] msg) {
                try {
                    Signature s = Signature.getInstance("Ed25519");
                    s.initSign(priv);
                    s.update(msg);
                    return s.sign();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("the JDK cannot sign with Ed25519", e);
                }
            }
        };
    }

    /** {@return a new random key pair for {@code name}} */
    public static KeyStrings generate(String name, SecureRandom random) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        return fromSeed(name, seed);
    }

    /** {@return the key pair for {@code name} with the given 32-byte Ed25519 seed} */
    public static KeyStrings fromSeed(String name, byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("ed25519 seed must have 32 bytes, not " + seed.length);
        }
        byte[] pubkey = withAlg(publicKeyOfSeed(seed));
        byte[] privkey = withAlg(seed);
        int h = keyHash(name, pubkey);
        Base64.Encoder b64 = Base64.getEncoder();
        return new KeyStrings(String.format("PRIVATE+KEY+%s+%08x+%s", name, h, b64.encodeToString(privkey)),
                String.format("%s+%08x+%s", name, h, b64.encodeToString(pubkey)));
    }

    /** {@return the verifier key for a raw 32-byte Ed25519 public key} */
    public static String ed25519VerifierKey(String name, byte[] publicKey) {
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("invalid public key size " + publicKey.length + ", expected 32");
        }
        byte[] pubkey = withAlg(publicKey);
        return String.format("%s+%08x+%s", name, keyHash(name, pubkey), Base64.getEncoder().encodeToString(pubkey));
    }

    /** Reports whether {@code name} is a valid key name: non-empty, no Unicode space, no '+'. */
    static boolean isValidName(String name) {
        if (name.isEmpty() || name.contains("+")) {
            return false;
        }
        return name.codePoints().noneMatch(GoStrings::isSpace) && !hasLoneSurrogate(name);
    }

    /**
     * {@return the note key hash of {@code name} and {@code key} (algorithm byte then key bytes)}:
     * the first 4 bytes, big-endian, of SHA-256(name + "\n" + key).
     */
    public static int keyHash(String name, byte[] key) {
        byte[] sum;
        try {
            var d = java.security.MessageDigest.getInstance("SHA-256");
            d.update(name.getBytes(StandardCharsets.UTF_8));
            d.update((byte) '\n');
            d.update(key);
            sum = d.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return ByteBuffer.wrap(sum).getInt();
    }

    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    static String[] chop(String s, String sep) {
        int i = s.indexOf(sep);
        return i < 0 ? new String[] {s, ""} : new String[] {s.substring(0, i), s.substring(i + sep.length())};
    }

    /**
     * {@return the std-base64 decoding, or null if not valid} Go's StdEncoding requires padding,
     * which the JDK decoder would let go.
     */
    static byte[] decode(String b64) {
        if (b64.length() % 4 != 0) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isHex(String s) {
        return s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    }

    private static byte[] withAlg(byte[] raw) {
        byte[] out = new byte[raw.length + 1];
        out[0] = ALG_ED25519;
        System.arraycopy(raw, 0, out, 1, raw.length);
        return out;
    }

    private static PublicKey publicKey(byte[] raw) throws NoteException {
        byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new NoteException(MALFORMED_VERIFIER_ID);
        }
    }

    private static PrivateKey privateKey(byte[] seed) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    /**
     * Derives the raw public key of an Ed25519 seed. The JDK has no direct API for it, so the key
     * pair generator is fed the seed as its "random" bytes: it uses exactly 32 bytes as the seed.
     */
    static byte[] publicKeyOfSeed(byte[] seed) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                private static final long serialVersionUID = 1L;

                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(bytes.length, seed.length));
                }
            });
            KeyPair kp = g.generateKeyPair();
            byte[] der = kp.getPublic().getEncoded();
            return Arrays.copyOfRange(der, der.length - 32, der.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }
}
