package dev.goferry.install.mirrors;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The mirrors {@code goferry mirrors} knows, and what proves each works: the reference module
 * (GOPROXY), the checksum database key (sumdb) and the trusted release indexes (release mirrors).
 * The built-in catalog is a resource; a user file of the same format replaces each list and value
 * it defines, which is how the tests point every probe at loopback lab mirrors.
 *
 * @param mirrors every endpoint, in catalog order
 * @param referenceModule the module path whose versions a GOPROXY mirror must list
 * @param sumdbKey the verifier key a signed tree head must verify with
 * @param indexUrls the release index URLs, tried in order
 */
public record MirrorCatalog(List<Mirror> mirrors, String referenceModule, String sumdbKey, List<URI> indexUrls) {

    private static final String BUILT_IN = "/dev/goferry/install/mirrors.properties";

    public MirrorCatalog {
        mirrors = List.copyOf(mirrors);
        indexUrls = List.copyOf(indexUrls);
        Objects.requireNonNull(referenceModule);
        Objects.requireNonNull(sumdbKey);
    }

    /** {@return the catalog shipped with goferry} */
    public static MirrorCatalog builtIn() {
        try (InputStream in = Objects.requireNonNull(MirrorCatalog.class.getResourceAsStream(BUILT_IN), BUILT_IN)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parse(p, "built-in mirror catalog", Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@return this catalog with the lists and values the file defines replaced}
     *
     * @throws IOException when the file cannot be read or a line is malformed
     */
    public MirrorCatalog overriddenBy(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        try {
            return parse(p, file.toString(), Optional.of(this));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** {@return the mirrors of one kind, in catalog order} */
    public List<Mirror> of(MirrorKind kind) {
        return mirrors.stream().filter(m -> m.kind() == kind).toList();
    }

    /** {@return the mirror of this kind named {@code name}} */
    public Optional<Mirror> find(MirrorKind kind, String name) {
        return mirrors.stream().filter(m -> m.kind() == kind && m.name().equals(name)).findFirst();
    }

    private static MirrorCatalog parse(Properties p, String where, Optional<MirrorCatalog> base) {
        Map<MirrorKind, List<Mirror>> lists = new EnumMap<>(MirrorKind.class);
        for (MirrorKind kind : MirrorKind.values()) {
            List<Mirror> list = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (String key : numbered(p, kind.id() + ".")) {
                String[] parts = p.getProperty(key).trim().split("\\s+");
                if (parts.length != 2) {
                    throw new IllegalArgumentException(where + ": " + key + " \"" + p.getProperty(key) + "\": want NAME URL");
                }
                if (!names.add(parts[0])) {
                    throw new IllegalArgumentException(where + ": " + key + " \"" + parts[0] + "\": name used twice");
                }
                list.add(new Mirror(parts[0], kind, URI.create(parts[1])));
            }
            if (list.isEmpty() && base.isPresent()) {
                list.addAll(base.get().of(kind));
            }
            lists.put(kind, list);
        }
        List<URI> index = numbered(p, "index.").stream().map(k -> URI.create(p.getProperty(k).trim())).toList();
        if (index.isEmpty() && base.isPresent()) {
            index = base.get().indexUrls();
        }
        String module = Optional.ofNullable(p.getProperty("reference.module")).map(String::trim)
                .or(() -> base.map(MirrorCatalog::referenceModule))
                .orElseThrow(() -> new IllegalArgumentException(where + ": no reference.module"));
        String key = Optional.ofNullable(p.getProperty("sumdb.key")).map(String::trim)
                .or(() -> base.map(MirrorCatalog::sumdbKey))
                .orElseThrow(() -> new IllegalArgumentException(where + ": no sumdb.key"));
        List<Mirror> all = new ArrayList<>();
        lists.values().forEach(all::addAll);
        return new MirrorCatalog(all, module, key, index);
    }

    private static List<String> numbered(Properties p, String prefix) {
        return p.stringPropertyNames().stream()
                .filter(k -> k.startsWith(prefix) && k.substring(prefix.length()).matches("\\d{1,6}"))
                .sorted(Comparator.comparingInt(k -> Integer.parseInt(k.substring(prefix.length()))))
                .toList();
    }
}
