package dev.goferry.gomod.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.gomod.dirhash.Dirhash;
import dev.goferry.gomod.module.Escaping;
import dev.goferry.gomod.module.ModuleVersion;
import dev.goferry.gomod.zip.CheckedFiles;
import dev.goferry.gomod.zip.ModuleZip;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import dev.goferry.testkit.ModCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * goferry's escaping, zip rules and h1 hashes against the real go (1.19 and 1.24) on Go's own
 * module corpus: the corpus is written as a file:// GOPROXY tree with goferry's escaping, the real
 * go downloads every module in one {@code go mod download -json} run, and goferry must compute the
 * same {@code Sum} and {@code GoModSum} for every module go accepts, and reject the ones go
 * rejects for a zip or path rule.
 */
class GoCorpusConformanceTest {

    /** What goferry thinks of one corpus module served from the tree. */
    sealed interface Verdict {
        record Accepted(String sum, String goModSum) implements Verdict {}

        record Rejected(String category, String why) implements Verdict {}
    }

    static ModCorpus corpus;
    static Path tree;

    @BeforeAll
    static void writeTree(@TempDir Path dir) {
        corpus = ModCorpus.go119(GoferryCodec.INSTANCE);
        tree = corpus.writeProxy(dir.resolve("proxy"), m -> true);
    }

    static Verdict goferryVerdict(ModCorpus.Module m) {
        ModuleVersion mv = new ModuleVersion(m.path(), m.version());
        Path v = tree.resolve(Escaping.escapePath(m.path())).resolve("@v");
        String base = Escaping.escapeVersion(m.version());
        if (!Files.exists(v.resolve(base + ".mod"))) {
            return new Verdict.Rejected("not found", "no .mod");
        }
        try {
            String goModSum = Dirhash.hashGoMod(Files.readAllBytes(v.resolve(base + ".mod")));
            String sum;
            try {
                sum = Dirhash.hashModuleZip(v.resolve(base + ".zip"), mv);
            } catch (Dirhash.UnexpectedFileException e) {
                return new Verdict.Rejected("zip", e.getMessage());
            }
            CheckedFiles checked = ModuleZip.checkZip(mv, v.resolve(base + ".zip"));
            if (!checked.ok()) {
                return new Verdict.Rejected("zip", checked.err().orElseThrow());
            }
            return new Verdict.Accepted(sum, goModSum);
        } catch (dev.goferry.gomod.zip.ModuleZipException e) {
            return new Verdict.Rejected("module", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, GoModuleJson> downloadAll(GoClient go, Path scratch) {
        Map<String, String> env = new HashMap<>(go.baseEnvironment(scratch));
        env.put("GOPROXY", ModCorpus.fileProxyUrl(tree));
        env.put("GOSUMDB", "off");
        env.put("GOFLAGS", "-mod=mod");
        env.put("GOMODCACHE", scratch.resolve("modcache").toString());
        List<String> args = new ArrayList<>(List.of("mod", "download", "-json"));
        corpus.modules().forEach(m -> args.add(m.toString()));
        try {
            Files.createDirectories(scratch.resolve("work")); // GoClient puts its resolver view beside the work dir
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GoClient.GoResult r = go.run(scratch.resolve("work"), env, 300, args.toArray(String[]::new));
        try {
            Files.writeString(Path.of("target/corpus-" + go.version() + ".json"), r.stdout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<GoModuleJson> out = GoModuleJson.parseStream(r.stdout());
        assertThat(out).as("%s printed one object per module; stderr: %s", go.version(), r.stderr())
                .hasSize(corpus.modules().size());
        return out.stream().collect(Collectors.toMap(GoModuleJson::key, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    /** Versions go rejects; goferry must reject them too, with the same words (go adds its own context). */
    static final Map<String, String> REJECTED = Map.of(
            "example.com/downgrade@v2.0.0", "module",        // a v2 zip for a path without /v2
            "example.com/retract/missingmod@v1.9.0", "not found", // no .mod section
            "rsc.io/badfile2@v1.0.0", "zip",                 // ☺.go: not a letter
            "rsc.io/badfile3@v1.0.0", "zip",                 // x?y.go
            "rsc.io/badfile4@v1.0.0", "zip",                 // x/Y.go and x/y.go
            "rsc.io/badfile5@v1.0.0", "zip",                 // x/y and x/Y directories
            "rsc.io/badzip@v1.0.0", "zip");                  // an entry outside module@version/

    /**
     * Versions that are invalid for their path (v2 without /v2): go treats them as queries, asks
     * .info, and downloads the version .info names instead (v2.0.0+incompatible, a v0
     * pseudo-version). goferry's module check rejects the literal version.
     */
    static final Map<String, String> RESOLVED_ELSEWHERE = Map.of(
            "rsc.io/breaker@v2.0.0", "v2.0.0+incompatible",
            "rsc.io/quote@v2.0.0", "v0.0.0-20180709153244-fd906ed3b100");

    @Test
    void goferryHashesAndRejectsEveryCorpusModuleAsTheRealGoDoes(@TempDir Path scratch) throws IOException {
        StringBuilder report = new StringBuilder();
        for (GoClient go : GoClients.all()) {
            Map<String, GoModuleJson> results = downloadAll(go, scratch.resolve(go.version()));
            int matched = 0;
            List<String> rejected = new ArrayList<>();
            List<String> resolvedElsewhere = new ArrayList<>();
            for (ModCorpus.Module m : corpus.modules()) {
                String key = m.toString();
                GoModuleJson j = results.get(key);
                assertThat(j).as("%s printed a result for %s", go.version(), key).isNotNull();
                Verdict mine = goferryVerdict(m);
                String goVersion = j.get("Version").orElse("");
                if (!goVersion.equals(m.version())) {
                    resolvedElsewhere.add(key);
                    assertThat(goVersion).as("%s resolved %s to", go.version(), key).isEqualTo(RESOLVED_ELSEWHERE.get(key));
                    assertThat(mine).as("goferry on %s", key).isInstanceOf(Verdict.Rejected.class)
                            .extracting(v -> ((Verdict.Rejected) v).category()).isEqualTo("module");
                } else if (j.get("Error").isPresent()) {
                    rejected.add(key);
                    String goError = j.get("Error").get();
                    assertThat(mine).as("goferry on %s, which %s rejects: %s", key, go.version(), goError)
                            .isInstanceOf(Verdict.Rejected.class);
                    Verdict.Rejected r = (Verdict.Rejected) mine;
                    assertThat(r.category()).as("category for %s", key).isEqualTo(REJECTED.get(key));
                    if (r.category().equals("not found")) {
                        assertThat(goError).as("%s on %s", go.version(), key).contains("no such file or directory");
                    } else {
                        assertThat(goError).as("%s's words on %s", go.version(), key).endsWith(r.why());
                    }
                } else {
                    assertThat(mine).as("goferry on %s", key).isEqualTo(new Verdict.Accepted(
                            j.get("Sum").orElseThrow(), j.get("GoModSum").orElseThrow()));
                    matched++;
                }
            }
            assertThat(rejected).as("modules %s rejects", go.version()).containsExactlyInAnyOrderElementsOf(REJECTED.keySet());
            assertThat(resolvedElsewhere).as("queries %s resolved to another version", go.version())
                    .containsExactlyInAnyOrderElementsOf(RESOLVED_ELSEWHERE.keySet());
            assertThat(matched).as("modules whose Sum and GoModSum goferry matched under %s", go.version())
                    .isEqualTo(corpus.modules().size() - REJECTED.size() - RESOLVED_ELSEWHERE.size());
            report.append(go.version()).append(": ").append(corpus.modules().size()).append(" modules, ")
                    .append(matched).append(" hashes matched, ").append(rejected.size()).append(" rejected by both, ")
                    .append(resolvedElsewhere.size()).append(" resolved elsewhere; skipped files: ")
                    .append(corpus.skipped()).append('\n');
        }
        Files.writeString(Path.of("target/corpus-report.txt"), report);
    }

    @Test
    void theRealGoFetchesCapitalisedModulesAtGoferrysEscapedPaths(@TempDir Path scratch) {
        for (GoClient go : GoClients.all()) {
            Map<String, GoModuleJson> results = downloadAll(go, scratch.resolve(go.version()));
            for (String key : List.of("rsc.io/QUOTE@v1.5.2", "rsc.io/QUOTE@v1.5.3-PRE", "rsc.io/CGO@v1.0.0")) {
                GoModuleJson j = results.get(key);
                assertThat(j.get("Error")).as("%s fetching %s", go.version(), key).isEmpty();
                String[] pv = key.split("@");
                String escaped = Escaping.escapePath(pv[0]) + "/@v/" + Escaping.escapeVersion(pv[1]) + ".zip";
                assertThat(tree.resolve(escaped)).as("goferry wrote %s", escaped).exists();
                assertThat(j.get("Zip").orElseThrow()).as("%s cached %s at", go.version(), key).endsWith("/" + escaped);
            }
        }
    }
}
