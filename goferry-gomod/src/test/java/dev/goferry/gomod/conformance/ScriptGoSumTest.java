package dev.goferry.gomod.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.gomod.dirhash.Dirhash;
import dev.goferry.gomod.module.ModuleVersion;
import dev.goferry.testkit.ModCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The go.sum lines written into cmd/go's own script tests ({@code testdata/script/*.txt}) are
 * hashes the Go team recorded for corpus modules; goferry's h1 of the same corpus module must
 * agree with each, except where a script writes a wrong sum on purpose.
 */
class ScriptGoSumTest {

    static final Path SCRIPTS = Path.of("/usr/share/go-1.19/src/cmd/go/testdata/script");
    static final Pattern LINE = Pattern.compile("^\\s*(\\S+) (v[^ /]+)(/go\\.mod)? (h1:[A-Za-z0-9+/=]{44})\\s*$");

    /**
     * Lines the scripts get wrong on purpose, each in a checksum-mismatch test, with the hash
     * goferry computes instead (which the same scripts name as the right one where they do).
     */
    static final Map<String, String> WRONG_ON_PURPOSE = Map.of(
            // go.sum.bad: one character off from go.sum.good's /0c=
            "rsc.io/quote v1.1.0 h1:a3YaZoizPtXyv6ZsJ74oo2L4/bwOSTKMY7MAyo4O/1c=",
            "mod_verify.txt: goferry says h1:a3YaZoizPtXyv6ZsJ74oo2L4/bwOSTKMY7MAyo4O/0c=",
            // go.sum.bad2: github.com/pkg/errors' go.mod hash with its last character changed
            "rsc.io/quote v1.1.0/go.mod h1:bwawxfHBFNV+L2hUp1rHADufV3IMtnDRdf1r5NINEl1=",
            "mod_verify.txt: goferry says h1:v83Ri/njykPcgJltBc/gEkJTmjTsNgtO1Y7vyIK1CQA=",
            // the script expects "downloaded: h1:T1hP…", the hash goferry computes
            "rsc.io/sampler v1.3.0/go.mod h1:U1hPZKmBbMNahiBKFy5HrXp6adAjACjK9JXDnKaTXpA=",
            "work_sum_mismatch.txt: goferry says h1:T1hPZKmBbMNahiBKFy5HrXp6adAjACjK9JXDnKaTXpA=");

    @Test
    void goSumLinesInGosScriptsAgreeWithGoferry(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SCRIPTS), "cmd/go script tests missing: install golang-1.19-src");
        ModCorpus corpus = ModCorpus.go119(GoferryCodec.INSTANCE);
        Path tree = corpus.writeProxy(dir, m -> true);
        Map<String, String> mismatches = new TreeMap<>();
        int matched = 0;
        List<Path> scripts;
        try (Stream<Path> s = Files.list(SCRIPTS)) {
            scripts = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path script : scripts) {
            for (String line : Files.readAllLines(script)) {
                Matcher m = LINE.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                Optional<ModCorpus.Module> module = corpus.module(m.group(1), m.group(2));
                if (module.isEmpty()) {
                    continue;
                }
                String mine = m.group(3) != null
                        ? Dirhash.hashGoMod(module.get().mod().orElse(new byte[0]))
                        : zipHash(tree, module.get());
                String recorded = line.strip();
                if (mine.equals(m.group(4))) {
                    matched++;
                } else {
                    mismatches.put(recorded, script.getFileName() + ": goferry says " + mine);
                }
            }
        }
        assertThat(mismatches).as("go.sum lines goferry disagrees with").isEqualTo(WRONG_ON_PURPOSE);
        assertThat(matched).as("go.sum lines that agree").isGreaterThan(50);
        System.out.println(matched + " go.sum lines agree, " + mismatches.size() + " wrong on purpose");
    }

    private static String zipHash(Path tree, ModCorpus.Module m) {
        try {
            Path zip = tree.resolve(GoferryCodec.INSTANCE.escapePath(m.path())).resolve("@v")
                    .resolve(GoferryCodec.INSTANCE.escapeVersion(m.version()) + ".zip");
            return Dirhash.hashModuleZip(zip, new ModuleVersion(m.path(), m.version()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
