package dev.goferry.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * Go's own module test corpus ({@code src/cmd/go/testdata/mod/*.txt}), read the way the go
 * command's test proxy ({@code src/cmd/go/proxy_test.go}) reads it, and written out as a static
 * GOPROXY tree that a real go command can use through {@code GOPROXY=file:///…}.
 *
 * <p>The rules, from proxy_test.go:
 * <ul>
 *   <li>A file {@code <escaped path with / as _>_<escaped version>.txt} holds one module version;
 *       the split is at the last {@code _v}. Names without {@code .txt}, without {@code _v}, or
 *       whose path or version does not unescape to a valid one are skipped (Go's own corpus
 *       has {@code example.com/invalidpath/v1} on purpose).
 *   <li>The {@code .info} and {@code .mod} sections are served as they are; a missing one is a
 *       404 (nothing is synthesized).
 *   <li>Every other section becomes a zip entry {@code <path>@<version>/<name>}, in archive order,
 *       except {@code .zip}; a name starting with {@code /} is used verbatim without the slash
 *       (that is how the corpus builds deliberately broken zips).
 *   <li>{@code @v/list} holds the versions of the path that are not pseudo-versions and pass the
 *       module path/version check.
 * </ul>
 * The module semantics (escaping, checks) come from the caller through {@link Codec}: testkit sits
 * below goferry-gomod, and a test that writes the tree with goferry's own escaping proves that
 * escaping against the real client.
 */
public final class ModCorpus {

    /** The corpus Debian's golang-1.19-src ships (pulled in by golang-go). */
    public static final Path GO_1_19 = Path.of("/usr/share/go-1.19/src/cmd/go/testdata/mod");

    /** The module semantics the corpus needs, supplied by the caller. */
    public interface Codec {
        /** {@return the module path an escaped path stands for, empty if malformed or invalid} */
        Optional<String> unescapePath(String escaped);

        /** {@return the version an escaped version stands for, empty if malformed} */
        Optional<String> unescapeVersion(String escaped);

        /** {@return the escaped form of a valid module path} */
        String escapePath(String path);

        /** {@return the escaped form of a version} */
        String escapeVersion(String version);

        /** {@return whether {@code @v/list} names the version: not a pseudo-version, and the path and version agree} */
        boolean listed(String path, String version);
    }

    /** One module version of the corpus. */
    public record Module(String fileName, String path, String version, Txtar archive) {

        /** {@return the {@code .info} the proxy serves, if the archive has one} */
        public Optional<byte[]> info() {
            return archive.file(".info").map(Txtar.File::data);
        }

        /** {@return the {@code .mod} the proxy serves, if the archive has one} */
        public Optional<byte[]> mod() {
            return archive.file(".mod").map(Txtar.File::data);
        }

        /** {@return the zip entries, full name to content, in archive order} */
        public Map<String, byte[]> zipEntries() {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (Txtar.File f : archive.files()) {
                if (f.name().equals(".info") || f.name().equals(".mod") || f.name().equals(".zip")) {
                    continue;
                }
                String name = f.name().startsWith("/") ? f.name().substring(1) : path + "@" + version + "/" + f.name();
                if (entries.putIfAbsent(name, f.data()) != null) {
                    // Go's zip.Writer would write both; Java's ZipOutputStream cannot, so say so.
                    throw new IllegalStateException(fileName + ": duplicate zip entry " + name);
                }
            }
            return entries;
        }

        /** {@return the zip the test proxy serves: deflated entries, no directories} */
        public byte[] zip() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                for (Map.Entry<String, byte[]> e : zipEntries().entrySet()) {
                    ZipEntry entry = new ZipEntry(e.getKey());
                    entry.setTimeLocal(java.time.LocalDateTime.of(1980, 1, 1, 0, 0));
                    z.putNextEntry(entry);
                    z.write(e.getValue());
                    z.closeEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        /** {@return {@code path@version}} */
        @Override
        public String toString() {
            return path + "@" + version;
        }
    }

    /** A corpus file that holds no usable module version, and why. */
    public record Skipped(String fileName, String reason) {}

    private final Path dir;
    private final Codec codec;
    private final List<Module> modules;
    private final List<Skipped> skipped;

    private ModCorpus(Path dir, Codec codec, List<Module> modules, List<Skipped> skipped) {
        this.dir = dir;
        this.codec = codec;
        this.modules = List.copyOf(modules);
        this.skipped = List.copyOf(skipped);
    }

    /**
     * {@return the Go 1.19 corpus}; the calling test is skipped, with a message saying which
     * package provides it, when it is not installed.
     */
    public static ModCorpus go119(Codec codec) {
        Assumptions.assumeTrue(Files.isDirectory(GO_1_19),
                "Go's module corpus " + GO_1_19 + " is missing: install golang-1.19-src (apt-get install golang-go)");
        return load(GO_1_19, codec);
    }

    /** {@return the corpus in {@code dir}, file names in sorted order like Go's os.ReadDir} */
    public static ModCorpus load(Path dir, Codec codec) {
        List<Module> modules = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            if (!fileName.endsWith(".txt")) {
                skipped.add(new Skipped(fileName, "not a .txt file"));
                continue;
            }
            String name = fileName.substring(0, fileName.length() - ".txt".length());
            int i = name.lastIndexOf("_v");
            if (i < 0) {
                skipped.add(new Skipped(fileName, "no _v separating path and version"));
                continue;
            }
            String encPath = name.substring(0, i).replace('_', '/');
            Optional<String> path = codec.unescapePath(encPath);
            if (path.isEmpty()) {
                skipped.add(new Skipped(fileName, "invalid module path " + encPath));
                continue;
            }
            Optional<String> version = codec.unescapeVersion(name.substring(i + 1));
            if (version.isEmpty()) {
                skipped.add(new Skipped(fileName, "invalid version " + name.substring(i + 1)));
                continue;
            }
            modules.add(new Module(fileName, path.get(), version.get(), Txtar.parse(file)));
        }
        return new ModCorpus(dir, codec, modules, skipped);
    }

    /** {@return the folder the corpus was read from} */
    public Path dir() {
        return dir;
    }

    /** {@return every usable module version, in file name order} */
    public List<Module> modules() {
        return modules;
    }

    /** {@return the files that were not read as module versions, with why} */
    public List<Skipped> skipped() {
        return skipped;
    }

    /** {@return the module version {@code path@version}, if the corpus has it} */
    public Optional<Module> module(String path, String version) {
        return modules.stream().filter(m -> m.path().equals(path) && m.version().equals(version)).findFirst();
    }

    /**
     * Writes the chosen modules as a GOPROXY tree under {@code root}:
     * {@code <escaped path>/@v/list}, {@code <escaped version>.info}, {@code .mod}, {@code .zip}
     * (a section the archive lacks is not written, so the proxy answers 404 as Go's test proxy
     * does). {@code list} considers every module of the corpus with that path, chosen or not.
     *
     * @return {@code root}
     */
    public Path writeProxy(Path root, Predicate<Module> which) {
        try {
            for (Module m : modules) {
                if (!which.test(m)) {
                    continue;
                }
                Path v = root.resolve(codec.escapePath(m.path())).resolve("@v");
                Files.createDirectories(v);
                String base = codec.escapeVersion(m.version());
                if (m.info().isPresent()) {
                    Files.write(v.resolve(base + ".info"), m.info().get());
                }
                if (m.mod().isPresent()) {
                    Files.write(v.resolve(base + ".mod"), m.mod().get());
                }
                Files.write(v.resolve(base + ".zip"), m.zip());
                StringBuilder list = new StringBuilder();
                for (Module other : modules) {
                    if (other.path().equals(m.path()) && codec.listed(other.path(), other.version())) {
                        list.append(other.version()).append('\n');
                    }
                }
                Files.writeString(v.resolve("list"), list.toString());
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the GOPROXY value for a tree written by {@link #writeProxy}: {@code file:///…}} */
    public static String fileProxyUrl(Path root) {
        return "file://" + root.toAbsolutePath().normalize();
    }
}
