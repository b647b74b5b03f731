import dev.goferry.gomod.module.Escaping;
import dev.goferry.gomod.module.ModException;
import dev.goferry.gomod.module.ModulePaths;
import dev.goferry.gomod.module.PseudoVersions;
import dev.goferry.testkit.ModCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes Go 1.19's module corpus as a GOPROXY tree (bench/serve-corpus.sh):
 * {@code java -cp goferry.jar:testkit-classes bench/lib/CorpusTree.java OUT_DIR MODULES_FILE};
 * MODULES_FILE gets one {@code path@version} per corpus module. The codec is goferry's own
 * escaping, as in the corpus tests.
 */
public final class CorpusTree {

    public static void main(String[] args) throws Exception {
        ModCorpus corpus = ModCorpus.load(ModCorpus.GO_1_19, new ModCorpus.Codec() {
            public Optional<String> unescapePath(String escaped) {
                try {
                    return Optional.of(Escaping.unescapePath(escaped));
                } catch (ModException e) {
                    return Optional.empty();
                }
            }

            public Optional<String> unescapeVersion(String escaped) {
                try {
                    return Optional.of(Escaping.unescapeVersion(escaped));
                } catch (ModException e) {
                    return Optional.empty();
                }
            }

            public String escapePath(String path) {
                return Escaping.escapePath(path);
            }

            public String escapeVersion(String version) {
                return Escaping.escapeVersion(version);
            }

            public boolean listed(String path, String version) {
                return !PseudoVersions.isPseudoVersion(version) && ModulePaths.check(path, version).isEmpty();
            }
        });
        corpus.writeProxy(Path.of(args[0]), m -> true);
        StringBuilder modules = new StringBuilder();
        corpus.modules().forEach(m -> modules.append(m.path()).append('@').append(m.version()).append('\n'));
        Files.writeString(Path.of(args[1]), modules);
    }
}
