package dev.goferry.gomod.sumdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small module version built in the test: its zip (entries under {@code path@version/}), go.mod
 * and their h1 hashes. The h1 here is a deliberately simple stand-in for the dirhash package.
 */
record TestModule(String path, String version, byte[] zip, byte[] goMod, String zipHash, String goModHash) {

    static TestModule of(String path, String version) {
        String goMod = "module " + path + "\n\ngo 1.18\n";
        Map<String, byte[]> files = new TreeMap<>();
        String prefix = path + "@" + version + "/";
        files.put(prefix + "go.mod", goMod.getBytes(StandardCharsets.UTF_8));
        files.put(prefix + "hello.go", ("package hello\n\n// Version is " + version + ".\nconst Version = \"" + version + "\"\n")
                .getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] mod = goMod.getBytes(StandardCharsets.UTF_8);
        return new TestModule(path, version, bytes.toByteArray(), mod, h1(files), h1(Map.of("go.mod", mod)));
    }

    /** h1 = base64(sha256(for each file sorted by name: hex(sha256(content)) + "  " + name + "\n")). */
    static String h1(Map<String, byte[]> files) {
        StringBuilder summary = new StringBuilder();
        new TreeMap<>(files).forEach((name, content) ->
                summary.append(HexFormat.of().formatHex(sha256(content))).append("  ").append(name).append('\n'));
        return "h1:" + Base64.getEncoder().encodeToString(sha256(summary.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    MemoryLog.Entry entry() {
        return new MemoryLog.Entry(path, version, zipHash, goModHash);
    }

    String info() {
        return "{\"Version\":\"" + version + "\",\"Time\":\"2024-01-02T03:04:05Z\"}";
    }
}
