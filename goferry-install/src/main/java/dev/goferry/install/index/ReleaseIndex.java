package dev.goferry.install.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The go.dev/dl release index ({@code ?mode=json&include=all}), the one trusted source of every
 * archive's SHA-256: mirrors only ever supply bytes. Resolves what a user types ({@code latest},
 * {@code 1.22}, {@code 1.22.3}, {@code go1.22.3}, {@code go1.23rc1}) to one release.
 */
public record ReleaseIndex(List<Release> releases) {

    private static final JsonFactory JSON = new JsonFactory();

    public ReleaseIndex {
        releases = releases.stream()
                .sorted(Comparator.comparing((Release r) -> r.goVersion().orElse(new GoVersion(0, 0, 0, "", 0))).reversed())
                .toList();
    }

    /** Thrown when the bytes are not a go.dev/dl JSON index. */
    public static final class MalformedIndexException extends Exception {
        public MalformedIndexException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** {@return the index parsed from go.dev/dl's JSON; unknown keys are ignored} */
    public static ReleaseIndex parse(byte[] json) throws MalformedIndexException {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new MalformedIndexException("release index: not a JSON array", null);
            }
            List<Release> releases = new ArrayList<>();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                releases.add(release(p));
            }
            return new ReleaseIndex(releases);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedIndexException("release index: " + e.getMessage(), e);
        }
    }

    private static Release release(JsonParser p) throws IOException {
        String version = "";
        boolean stable = false;
        List<ReleaseFile> files = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "version" -> version = p.getValueAsString("");
                case "stable" -> stable = value == JsonToken.VALUE_TRUE;
                case "files" -> {
                    if (value != JsonToken.START_ARRAY) {
                        throw new IOException("files of " + version + " is not an array");
                    }
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        files.add(file(p));
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new Release(version, stable, files);
    }

    private static ReleaseFile file(JsonParser p) throws IOException {
        String filename = "", os = "", arch = "", version = "", sha256 = "", kind = "";
        long size = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "filename" -> filename = p.getValueAsString("");
                case "os" -> os = p.getValueAsString("");
                case "arch" -> arch = p.getValueAsString("");
                case "version" -> version = p.getValueAsString("");
                case "sha256" -> sha256 = p.getValueAsString("");
                case "size" -> size = p.getValueAsLong(0);
                case "kind" -> kind = p.getValueAsString("");
                default -> p.skipChildren();
            }
        }
        return new ReleaseFile(filename, os, arch, version, sha256, size, kind);
    }

    /**
     * Resolves a query: {@code latest} is the newest stable release; a line ({@code 1.22},
     * {@code go1.22}) is its newest stable patch (its newest pre-release if it has no stable one yet);
     * anything else must name a release exactly, with or without the {@code go} prefix.
     */
    public Release resolve(String query) throws VersionNotFoundException {
        return resolve(query, "the index");
    }

    /**
     * Like {@link #resolve(String)}, naming the list in messages (e.g. "the golang.org/toolchain
     * module's version list" when the index was built from a proxy's {@code @v/list}).
     */
    public Release resolve(String query, String listName) throws VersionNotFoundException {
        String q = query.trim();
        if (q.equals("latest")) {
            return releases.stream().filter(Release::stable).findFirst()
                    .orElseThrow(() -> new VersionNotFoundException(query, listName + " has no stable release", newest(4)));
        }
        Optional<GoVersion> wanted = GoVersion.parse(q);
        if (wanted.isEmpty()) {
            throw new VersionNotFoundException(query, "malformed version (want latest, 1.N, 1.N.P or go1.N.P)", newest(4));
        }
        if (GoVersion.isLine(q)) {
            List<Release> line = releases.stream()
                    .filter(r -> r.goVersion().map(v -> v.sameLine(wanted.get())).orElse(false)).toList();
            return line.stream().filter(Release::stable).findFirst()
                    .or(() -> line.stream().findFirst())
                    .orElseThrow(() -> new VersionNotFoundException(query, "no such release line in " + listName, nearest(wanted.get())));
        }
        return releases.stream().filter(r -> r.goVersion().equals(wanted)).findFirst()
                .orElseThrow(() -> new VersionNotFoundException(query, "no such release in " + listName, nearest(wanted.get())));
    }

    /** {@return the release with exactly this file name, e.g. for an archive installed offline} */
    public Optional<ReleaseFile> file(String filename) {
        return releases.stream().flatMap(r -> r.files().stream()).filter(f -> f.filename().equals(filename)).findFirst();
    }

    private List<String> newest(int n) {
        return releases.stream().limit(n).map(Release::version).toList();
    }

    /**
     * The releases of the wanted line (up to four, newest first), or, when the line has none, the
     * two releases on each side of where the wanted one would sort.
     */
    private List<String> nearest(GoVersion wanted) {
        List<String> line = releases.stream().filter(r -> r.goVersion().map(v -> v.sameLine(wanted)).orElse(false))
                .limit(4).map(Release::version).toList();
        if (!line.isEmpty()) {
            return line;
        }
        int at = 0;
        while (at < releases.size() && releases.get(at).goVersion().map(v -> v.compareTo(wanted) > 0).orElse(false)) {
            at++;
        }
        int from = Math.max(0, at - 2);
        int to = Math.min(releases.size(), at + 2);
        return releases.subList(from, to).stream().map(Release::version).toList();
    }
}
