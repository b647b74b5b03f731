package dev.goferry.gomod.dirhash;

import dev.goferry.gomod.module.ModuleVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Computes Go's {@code h1:} directory hashes (see the package comment for the definition). */
public final class Dirhash {

    private Dirhash() {}

    /** Opens the content of one named file; the hash closes the stream. */
    @FunctionalInterface
    public interface Opener {
        InputStream open(String name) throws IOException;
    }

    /**
     * Orders names the way Go's {@code sort.Strings} does: by UTF-8 bytes, which differs from
     * {@link String#compareTo} for characters outside the Basic Multilingual Plane.
     */
    public static final Comparator<String> UTF8_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    /**
     * Returns the {@code h1:} hash of the named files, reading each through {@code open}.
     *
     * @throws IllegalArgumentException if a name contains a newline (the summary format cannot
     *     hold it: {@code dirhash: filenames with newlines are not supported})
     * @throws IOException if a file cannot be read
     */
    public static String hash1(Collection<String> names, Opener open) throws IOException {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(UTF8_ORDER);
        MessageDigest summary = sha256();
        HexFormat hex = HexFormat.of();
        for (String name : sorted) {
            if (name.contains("\n")) {
                throw new IllegalArgumentException("dirhash: filenames with newlines are not supported");
            }
            MessageDigest file = sha256();
            try (InputStream in = open.open(name)) {
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) > 0; ) {
                    file.update(buf, 0, n);
                }
            }
            summary.update((hex.formatHex(file.digest()) + "  " + name + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return "h1:" + Base64.getEncoder().encodeToString(summary.digest());
    }

    /** Returns the {@code h1:} hash of in-memory files, name to content. */
    public static String hash1(Map<String, byte[]> files) {
        try {
            return hash1(files.keySet(), name -> new ByteArrayInputStream(files.get(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the hash go.sum records as {@code <module> <version>/go.mod h1:…}: a one-file tree
     * named {@code go.mod} holding exactly the bytes the proxy served as {@code .mod}.
     */
    public static String hashGoMod(byte[] goMod) {
        return hash1(Map.of("go.mod", goMod));
    }

    /**
     * Returns the hash of a zip file over all its entries, named as in the zip (x/mod
     * {@code HashZip}); directory entries count as empty files, exactly as in Go.
     *
     * @throws IOException if the zip cannot be read
     */
    public static String hashZip(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Map<String, ZipEntry> entries = new LinkedHashMap<>();
            List<String> names = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                names.add(entry.getName());
                entries.put(entry.getName(), entry);
            }
            return hash1(names, name -> z.getInputStream(entries.get(name)));
        }
    }

    /**
     * Returns the hash go.sum records as {@code <module> <version> h1:…} for a module zip, after
     * the check the go command makes before hashing a download: every entry must start with
     * {@code <module>@<version>/}.
     *
     * @throws IOException if the zip cannot be read, or (as {@link UnexpectedFileException}) an
     *     entry lacks the prefix
     */
    public static String hashModuleZip(Path zip, ModuleVersion m) throws IOException {
        String prefix = m.path() + "@" + m.version() + "/";
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (!name.startsWith(prefix)) {
                    throw new UnexpectedFileException(m, name);
                }
            }
        }
        return hashZip(zip);
    }

    /** A module zip entry outside {@code module@version/}: {@code zip for <m> has unexpected file <name>}. */
    public static final class UnexpectedFileException extends IOException {
        private static final long serialVersionUID = 1L;

        public UnexpectedFileException(ModuleVersion m, String name) {
            super("zip for " + m + " has unexpected file " + name);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
