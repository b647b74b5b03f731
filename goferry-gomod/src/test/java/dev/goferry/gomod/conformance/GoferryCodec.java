package dev.goferry.gomod.conformance;

import dev.goferry.gomod.module.Escaping;
import dev.goferry.gomod.module.ModException;
import dev.goferry.gomod.module.ModulePaths;
import dev.goferry.gomod.module.PseudoVersions;
import dev.goferry.testkit.ModCorpus;
import java.util.Optional;

/**
 * goferry's module semantics as the corpus codec: the tree the real go reads is escaped by goferry.
 * Published in goferry-gomod's test jar, so other modules' corpus tests use the same one.
 */
public final class GoferryCodec implements ModCorpus.Codec {

    public static final GoferryCodec INSTANCE = new GoferryCodec();

    @Override
    public Optional<String> unescapePath(String escaped) {
        try {
            return Optional.of(Escaping.unescapePath(escaped));
        } catch (ModException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> unescapeVersion(String escaped) {
        try {
            return Optional.of(Escaping.unescapeVersion(escaped));
        } catch (ModException e) {
            return Optional.empty();
        }
    }

    @Override
    public String escapePath(String path) {
        return Escaping.escapePath(path);
    }

    @Override
    public String escapeVersion(String version) {
        return Escaping.escapeVersion(version);
    }

    @Override
    public boolean listed(String path, String version) {
        return !PseudoVersions.isPseudoVersion(version) && ModulePaths.check(path, version).isEmpty();
    }
}
