package dev.goferry.install.index;

import java.util.Objects;
import java.util.Optional;

/**
 * One file of a release as the go.dev/dl JSON lists it.
 *
 * @param filename e.g. {@code go1.22.3.linux-amd64.tar.gz}; also the last element of every mirror URL
 * @param os e.g. linux, darwin, windows; empty for the source archive
 * @param arch e.g. amd64, arm64, armv6l; empty for the source archive
 * @param version e.g. go1.22.3
 * @param sha256 lowercase hex, empty when the index has none (releases before go1.5.3 had only SHA-1)
 * @param size bytes, 0 when the index does not know
 * @param kind archive, installer or source
 */
public record ReleaseFile(String filename, String os, String arch, String version, String sha256, long size, String kind) {

    public ReleaseFile {
        Objects.requireNonNull(filename);
        Objects.requireNonNull(os);
        Objects.requireNonNull(arch);
        Objects.requireNonNull(version);
        Objects.requireNonNull(sha256);
        Objects.requireNonNull(kind);
        if (filename.isEmpty() || filename.contains("/") || filename.contains("\\") || filename.startsWith(".")) {
            throw new IllegalArgumentException("release file name \"" + filename + "\": not a plain file name");
        }
        sha256 = sha256.toLowerCase(java.util.Locale.ROOT);
    }

    /** {@return this file with {@code bytes} as its size} (learned from the mirrors when the index gives none) */
    public ReleaseFile withSize(long bytes) {
        return new ReleaseFile(filename, os, arch, version, sha256, bytes, kind);
    }

    /** {@return the trusted SHA-256, if the index has one} */
    public Optional<String> checksum() {
        return sha256.matches("[0-9a-f]{64}") ? Optional.of(sha256) : Optional.empty();
    }

    /** {@return the size the index promises, if it knows one} */
    public Optional<Long> expectedSize() {
        return size > 0 ? Optional.of(size) : Optional.empty();
    }

    /** {@return whether this is an archive goferry can unpack: .tar.gz or .zip of kind archive} */
    public boolean isArchive() {
        return kind.equals("archive") && (filename.endsWith(".tar.gz") || filename.endsWith(".zip"));
    }
}
