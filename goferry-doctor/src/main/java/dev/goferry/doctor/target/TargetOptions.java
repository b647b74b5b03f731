package dev.goferry.doctor.target;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user (or a test) adds to the targets the settings imply.
 *
 * @param referenceModule the module whose {@code @v/list} probes each proxy when no {@code --module} is given
 * @param module          {@code --module M[@V]}: the module whose route replaces the reference module's; the
 *                        targets are then that route's endpoints and the extras only (no toolchain module,
 *                        release hosts or GOPRIVATE hosts)
 * @param releaseIndex    the Go release index to probe, empty to skip it (ignored with {@code module})
 * @param releaseDownload a small file on the release download host to probe, empty to skip it (ignored with
 *                        {@code module}); its archive, the name without {@code .sha256}, is the throughput object
 * @param extras          {@code --target URL} endpoints
 */
public record TargetOptions(String referenceModule, Optional<ModuleVersion> module, Optional<URI> releaseIndex,
                            Optional<URI> releaseDownload, List<URI> extras) {

    public TargetOptions {
        Objects.requireNonNull(referenceModule, "referenceModule");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(releaseIndex, "releaseIndex");
        Objects.requireNonNull(releaseDownload, "releaseDownload");
        extras = List.copyOf(extras);
    }

    /** The module whose {@code @v/list} answers on every proxy: {@code golang.org/x/text}. */
    public static final String REFERENCE_MODULE = "golang.org/x/text";
    /** The release index the go command's toolchain logic and go.dev's installers read. */
    public static final URI RELEASE_INDEX = URI.create("https://go.dev/dl/?mode=json");
    /** A small file on the host release archives come from. */
    public static final URI RELEASE_DOWNLOAD = URI.create("https://dl.google.com/go/go1.24.4.linux-amd64.tar.gz.sha256");

    /** {@return the defaults: the reference module, the public release index and download host, no extras} */
    public static TargetOptions defaults() {
        return new TargetOptions(REFERENCE_MODULE, Optional.empty(), Optional.of(RELEASE_INDEX),
                Optional.of(RELEASE_DOWNLOAD), List.of());
    }

    /**
     * A module path and, optionally, a version.
     *
     * @param path    the module path
     * @param version the version, when {@code M@V} named one
     */
    public record ModuleVersion(String path, Optional<String> version) {
        public ModuleVersion {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(version, "version");
        }

        /** {@return {@code M} or {@code M@V} parsed} */
        public static ModuleVersion parse(String text) {
            int at = text.indexOf('@');
            if (at == 0 || at == text.length() - 1) {
                throw new IllegalArgumentException("module \"" + text + "\": want M or M@V");
            }
            return at < 0 ? new ModuleVersion(text, Optional.empty())
                    : new ModuleVersion(text.substring(0, at), Optional.of(text.substring(at + 1)));
        }
    }
}
