package dev.goferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading corpus file names and sections the way proxy_test.go does, and writing the GOPROXY
 * tree. The codec here is a deliberately small stand-in (the real one is goferry-gomod's, tested
 * against the real go there).
 */
class ModCorpusTest {

    /** {@code !x} → X; a path needs a dot in its first element and must not end in /v1. */
    static final ModCorpus.Codec SMALL = new ModCorpus.Codec() {
        @Override
        public Optional<String> unescapePath(String escaped) {
            Optional<String> p = unescapeVersion(escaped);
            return p.filter(s -> s.split("/")[0].contains(".") && !s.endsWith("/v1"));
        }

        @Override
        public Optional<String> unescapeVersion(String escaped) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < escaped.length(); i++) {
                char c = escaped.charAt(i);
                if (c == '!') {
                    if (++i == escaped.length() || escaped.charAt(i) < 'a' || escaped.charAt(i) > 'z') {
                        return Optional.empty();
                    }
                    b.append(Character.toUpperCase(escaped.charAt(i)));
                } else if (Character.isUpperCase(c)) {
                    return Optional.empty();
                } else {
                    b.append(c);
                }
            }
            return Optional.of(b.toString());
        }

        @Override
        public String escapePath(String path) {
            return path.replaceAll("([A-Z])", "!$1").toLowerCase();
        }

        @Override
        public String escapeVersion(String version) {
            return escapePath(version);
        }

        @Override
        public boolean listed(String path, String version) {
            return !version.matches(".*-\\d{14}-[0-9a-f]{12}");
        }
    };

    @Test
    void readsNamesSectionsAndZipLikeTheTestProxy(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("rsc.io_!q!u!o!t!e_v1.5.3-!p!r!e.txt"), """
                rsc.io/QUOTE v1.5.3-PRE
                -- .mod --
                module rsc.io/QUOTE
                -- .info --
                {"Version":"v1.5.3-PRE"}
                -- go.mod --
                module rsc.io/QUOTE
                -- /elsewhere.txt --
                outside
                """);
        Files.writeString(dir.resolve("example.com_nomod_v0.0.0-20190101000000-abcdefabcdef.txt"), "-- .info --\n{}\n-- x.go --\npackage x\n");
        Files.writeString(dir.resolve("example.com_invalidpath_v1_v1.0.0.txt"), "-- .mod --\n");
        Files.writeString(dir.resolve("README"), "not a module");

        ModCorpus corpus = ModCorpus.load(dir, SMALL);

        assertThat(corpus.modules()).extracting(Object::toString)
                .containsExactly("example.com/nomod@v0.0.0-20190101000000-abcdefabcdef", "rsc.io/QUOTE@v1.5.3-PRE");
        assertThat(corpus.skipped()).extracting(ModCorpus.Skipped::fileName)
                .containsExactly("README", "example.com_invalidpath_v1_v1.0.0.txt");
        ModCorpus.Module quote = corpus.module("rsc.io/QUOTE", "v1.5.3-PRE").orElseThrow();
        assertThat(new String(quote.mod().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("module rsc.io/QUOTE\n");
        assertThat(zipNames(quote.zip())).containsExactly("rsc.io/QUOTE@v1.5.3-PRE/go.mod", "elsewhere.txt");

        Path tree = corpus.writeProxy(dir.resolve("proxy"), m -> true);
        Path v = tree.resolve("rsc.io/!q!u!o!t!e/@v");
        assertThat(v.resolve("v1.5.3-!p!r!e.info")).hasContent("{\"Version\":\"v1.5.3-PRE\"}");
        assertThat(v.resolve("v1.5.3-!p!r!e.zip")).exists();
        assertThat(v.resolve("list")).hasContent("v1.5.3-PRE");
        Path nomod = tree.resolve("example.com/nomod/@v");
        assertThat(nomod.resolve("v0.0.0-20190101000000-abcdefabcdef.mod")).doesNotExist();
        assertThat(nomod.resolve("list")).hasContent("");
        assertThat(ModCorpus.fileProxyUrl(tree)).startsWith("file:///").endsWith("/proxy");
    }

    @Test
    void readsGosOwnCorpus() {
        ModCorpus corpus = ModCorpus.go119(SMALL);
        assertThat(corpus.modules()).hasSizeGreaterThan(150);
        assertThat(corpus.skipped()).extracting(ModCorpus.Skipped::fileName).contains("README", "example.com_invalidpath_v1_v1.0.0.txt");
        ModCorpus.Module badzip = corpus.module("rsc.io/badzip", "v1.0.0").orElseThrow();
        assertThat(zipNames(badzip.zip())).containsExactly("rsc.io/badzip@v1.0.0/x.go", "rsc.io/badzip@v1.0.0.txt");
    }

    private static List<String> zipNames(byte[] zip) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return names;
    }
}
