package dev.goferry.install.mirrors;

import java.util.Locale;
import java.util.Optional;

/** What a mirror serves, and therefore which protocol answer proves it works. */
public enum MirrorKind {
    /** A module proxy (the GOPROXY protocol): proven by a reference module's {@code @v/list} and {@code .info}. */
    GOPROXY,
    /** A checksum database endpoint: proven by a signed tree head that verifies with the configured key. */
    SUMDB,
    /** A flat Go release mirror: proven by the newest release's archive with the index's size and first bytes. */
    RELEASE;

    /** {@return the lowercase name used in the catalog, on the command line and in JSON} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@return the kind named {@code id} ("goproxy", "sumdb", "release")} */
    public static Optional<MirrorKind> of(String id) {
        for (MirrorKind k : values()) {
            if (k.id().equals(id)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
