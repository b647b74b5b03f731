package dev.goferry.install.index;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Go release of the index.
 *
 * @param version e.g. go1.22.3
 * @param stable whether go.dev calls it stable (false for betas and release candidates)
 * @param files its downloadable files
 */
public record Release(String version, boolean stable, List<ReleaseFile> files) {

    public Release {
        Objects.requireNonNull(version);
        files = List.copyOf(files);
    }

    /** {@return the unpackable archive for this platform, e.g. ("linux", "amd64")} */
    public Optional<ReleaseFile> archiveFor(String os, String arch) {
        return files.stream().filter(f -> f.os().equals(os) && f.arch().equals(arch) && f.isArchive()).findFirst();
    }

    /** {@return the parsed version; releases with unparsable names sort first} */
    public Optional<GoVersion> goVersion() {
        return GoVersion.parse(version);
    }
}
