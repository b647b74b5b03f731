package dev.goferry.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An in-memory module store served by {@link RecordingServer}: module path → versions → the
 * {@code .info}, {@code .mod} and {@code .zip} bytes of the GOPROXY protocol. Zips are built with
 * {@link java.util.zip} and hold entries {@code module@version/…}, the layout {@code go} checks.
 *
 * <p>Thread-safe; modules may be added while the server runs.
 */
public final class ModuleStore {

    /** One stored module version; {@code files} maps a path inside the module to its content. */
    public record ModuleVersion(String path, String version, String goMod, Map<String, String> files) {
        public ModuleVersion {
            files = Map.copyOf(files);
        }

        /** {@return the {@code .info} JSON, with a fixed time so bytes are reproducible} */
        public byte[] info() {
            return ("{\"Version\":\"" + version + "\",\"Time\":\"2024-01-01T00:00:00Z\"}\n")
                    .getBytes(StandardCharsets.UTF_8);
        }

        /** {@return the {@code .mod} bytes} */
        public byte[] mod() {
            return goMod.getBytes(StandardCharsets.UTF_8);
        }

        /** {@return the module zip: go.mod plus the files, each under {@code path@version/}} */
        public byte[] zip() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                Map<String, String> all = new LinkedHashMap<>();
                all.put("go.mod", goMod);
                all.putAll(new java.util.TreeMap<>(files));
                for (Map.Entry<String, String> file : all.entrySet()) {
                    zip.putNextEntry(new ZipEntry(path + "@" + version + "/" + file.getKey()));
                    zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }

    private final Map<String, Map<String, ModuleVersion>> modules = new ConcurrentHashMap<>();

    /**
     * Adds {@code path@version} with a minimal go.mod and one Go file; returns this store.
     * {@code @latest} answers the highest stored version, {@code @v/list} the non-pseudo ones.
     */
    public ModuleStore add(String path, String version) {
        String pkg = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9_]", "_").toLowerCase();
        return add(new ModuleVersion(path, version, "module " + path + "\n\ngo 1.16\n",
                Map.of(pkg + ".go", "package " + pkg + "\n")));
    }

    /** Adds one module version; returns this store. */
    public ModuleStore add(ModuleVersion module) {
        modules.computeIfAbsent(module.path(), p -> new ConcurrentHashMap<>()).put(module.version(), module);
        return this;
    }

    /** {@return the stored version of {@code path@version}} */
    public Optional<ModuleVersion> find(String path, String version) {
        return Optional.ofNullable(modules.getOrDefault(path, Map.of()).get(version));
    }

    /** {@return the stored versions of {@code path}, sorted as strings (enough for lab versions)} */
    public List<String> versions(String path) {
        List<String> versions = new ArrayList<>(modules.getOrDefault(path, Map.of()).keySet());
        versions.sort(null);
        return versions;
    }

    /**
     * Answers one GOPROXY protocol request, {@code rest} being the path after the proxy's base
     * (still case-escaped, e.g. {@code example.com/!m/@v/v1.0.0.info}).
     *
     * @return the body of a 200 answer, or empty for "not found"
     */
    public Optional<byte[]> serve(String rest) {
        int at = rest.indexOf("/@v/");
        if (rest.endsWith("/@latest")) {
            String path = unescape(rest.substring(0, rest.length() - "/@latest".length()));
            List<String> versions = versions(path);
            return versions.isEmpty() ? Optional.empty()
                    : find(path, versions.get(versions.size() - 1)).map(ModuleVersion::info);
        }
        if (at < 0) {
            return Optional.empty();
        }
        Optional<String> path = unescapeOrEmpty(rest.substring(0, at));
        String file = rest.substring(at + "/@v/".length());
        if (path.isEmpty()) {
            return Optional.empty();
        }
        if (file.equals("list")) {
            // Like proxy.golang.org, the list holds tagged versions only: pseudo-versions are
            // reachable through @latest and direct .info requests.
            StringBuilder list = new StringBuilder();
            versions(path.get()).stream().filter(v -> !isPseudo(v)).forEach(v -> list.append(v).append('\n'));
            return modules.containsKey(path.get())
                    ? Optional.of(list.toString().getBytes(StandardCharsets.UTF_8)) : Optional.empty();
        }
        int dot = file.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        Optional<String> version = unescapeOrEmpty(file.substring(0, dot));
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Optional<ModuleVersion> module = find(path.get(), version.get());
        return switch (file.substring(dot + 1)) {
            case "info" -> module.map(ModuleVersion::info);
            case "mod" -> module.map(ModuleVersion::mod);
            case "zip" -> module.map(ModuleVersion::zip);
            default -> Optional.empty();
        };
    }

    private static final java.util.regex.Pattern PSEUDO =
            java.util.regex.Pattern.compile("[-.]\\d{14}-[0-9a-f]{12}(?:\\+incompatible)?$");

    /** Reports whether {@code version} is a pseudo-version (…-yyyymmddhhmmss-abcdefabcdef). */
    static boolean isPseudo(String version) {
        return PSEUDO.matcher(version).find();
    }

    /**
     * Case-escapes a module path or version the way the GOPROXY protocol does: every upper-case
     * letter becomes {@code !} plus its lower-case form ({@code example.com/M} → {@code example.com/!m}).
     */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 4);
        for (char c : s.toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                out.append('!').append((char) (c + ('a' - 'A')));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String unescape(String s) {
        return unescapeOrEmpty(s).orElse("");
    }

    /** Reverses {@link #escape}; an upper-case letter or a dangling {@code !} is not a valid encoding. */
    private static Optional<String> unescapeOrEmpty(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return Optional.empty();
            }
            if (c == '!') {
                if (i + 1 >= s.length() || s.charAt(i + 1) < 'a' || s.charAt(i + 1) > 'z') {
                    return Optional.empty();
                }
                out.append((char) (s.charAt(++i) - ('a' - 'A')));
            } else {
                out.append(c);
            }
        }
        return Optional.of(out.toString());
    }
}
