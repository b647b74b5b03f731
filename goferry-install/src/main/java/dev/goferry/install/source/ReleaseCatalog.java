package dev.goferry.install.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Where the release index and the archives come from, in the order to try them: an ordered list
 * so that mirror ranking can reorder it ({@link #withSources}). The built-in catalog is a
 * resource; a user file of the same format replaces each list it defines.
 *
 * @param indexUrls JSON index URLs, tried in order; the only origin of checksums
 * @param sources archive sources, tried in order
 */
public record ReleaseCatalog(List<URI> indexUrls, List<ReleaseSource> sources) {

    private static final String BUILT_IN = "/dev/goferry/install/release-sources.properties";

    public ReleaseCatalog {
        indexUrls = List.copyOf(indexUrls);
        sources = List.copyOf(sources);
    }

    /** {@return the catalog shipped with goferry} */
    public static ReleaseCatalog builtIn() {
        try (InputStream in = Objects.requireNonNull(ReleaseCatalog.class.getResourceAsStream(BUILT_IN), BUILT_IN)) {
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return of(p, "built-in catalog");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@return this catalog with the lists the file defines replaced} */
    public ReleaseCatalog overriddenBy(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        ReleaseCatalog user;
        try {
            user = of(p, file.toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new ReleaseCatalog(user.indexUrls.isEmpty() ? indexUrls : user.indexUrls,
                user.sources.isEmpty() ? sources : user.sources);
    }

    /** {@return this catalog with another index list (e.g. from --index)} */
    public ReleaseCatalog withIndexUrls(List<URI> urls) {
        return new ReleaseCatalog(urls, sources);
    }

    /** {@return this catalog with another source order (from --mirror or a mirror ranking)} */
    public ReleaseCatalog withSources(List<ReleaseSource> ordered) {
        return new ReleaseCatalog(indexUrls, ordered);
    }

    private static ReleaseCatalog of(Properties p, String where) {
        List<URI> index = new ArrayList<>();
        List<ReleaseSource> sources = new ArrayList<>();
        for (String key : numbered(p, "index.")) {
            index.add(URI.create(p.getProperty(key).trim()));
        }
        for (String key : numbered(p, "source.")) {
            String[] parts = p.getProperty(key).trim().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException(where + ": " + key + " \"" + p.getProperty(key) + "\": want NAME BASE-URL");
            }
            sources.add(new ReleaseSource(parts[0], URI.create(parts[1])));
        }
        return new ReleaseCatalog(index, sources);
    }

    private static List<String> numbered(Properties p, String prefix) {
        return p.stringPropertyNames().stream()
                .filter(k -> k.startsWith(prefix) && k.substring(prefix.length()).matches("\\d{1,6}"))
                .sorted(Comparator.comparingInt(k -> Integer.parseInt(k.substring(prefix.length()))))
                .toList();
    }
}
