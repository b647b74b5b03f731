package dev.goferry.install.toolchain;

import dev.goferry.install.index.Release;
import dev.goferry.install.index.ReleaseFile;
import dev.goferry.install.index.ReleaseIndex;
import dev.goferry.install.index.GoVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code golang.org/toolchain} module: every Go release since 1.21 (and the older ones the Go
 * team back-filled) published through the module proxies as version
 * {@code v0.0.1-go1.22.3.linux-amd64} (cmd/go {@code toolchain.Select}: {@code gotoolchainVersion
 * + "-" + gotoolchain + "." + runtime.GOOS + "-" + runtime.GOARCH}; cmd/distpack builds the zip).
 * The platform suffix uses Go's own GOARCH names ({@code arm}, not the archive's {@code armv6l}).
 */
public final class ToolchainModule {

    /** The module path. */
    public static final String PATH = "golang.org/toolchain";

    /** The fixed semver part of every version (cmd/go's {@code gotoolchainVersion}). */
    public static final String PREFIX = "v0.0.1";

    private static final Pattern VERSION = Pattern.compile(
            "v0\\.0\\.1-(go\\d+\\.\\d+(?:\\.\\d+|(?:beta|rc)\\d+)?)\\.([a-z0-9]+)-([a-z0-9]+)");

    private ToolchainModule() {}

    /**
     * One version of the module.
     *
     * @param moduleVersion e.g. {@code v0.0.1-go1.22.3.linux-amd64}
     * @param goVersion e.g. {@code go1.22.3}
     * @param goos e.g. {@code linux}
     * @param goarch Go's GOARCH, e.g. {@code amd64}, {@code arm}
     */
    public record Listed(String moduleVersion, String goVersion, String goos, String goarch) {

        /** {@return the zip's file name at a proxy: {@code <moduleVersion>.zip}} */
        public String zipName() {
            return moduleVersion + ".zip";
        }
    }

    /** {@return the module version of a Go release for a platform: (go1.19.8, linux, amd64) → v0.0.1-go1.19.8.linux-amd64} */
    public static String moduleVersion(String goVersion, String goos, String goarch) {
        return PREFIX + "-" + goVersion + "." + goos + "-" + goarch;
    }

    /** {@return the parts of a module version, or empty when it is not a toolchain version} */
    public static Optional<Listed> parse(String moduleVersion) {
        Matcher m = VERSION.matcher(moduleVersion);
        return m.matches() ? Optional.of(new Listed(moduleVersion, m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    /**
     * {@return Go's GOARCH for an archive platform name}: the release archives call 32-bit ARM
     * {@code armv6l}, the module uses {@code runtime.GOARCH}, {@code arm}
     */
    public static String goarch(String archiveArch) {
        return archiveArch.equals("armv6l") ? "arm" : archiveArch;
    }

    /**
     * Reads a proxy's {@code @v/list} answer (one version per line, any order, blank lines and
     * other modules' noise ignored) as a release index holding only the versions for
     * {@code goos}/{@code goarch}, so that {@link ReleaseIndex#resolve} answers {@code latest},
     * {@code 1.22} and {@code 1.22.3} exactly as for the go.dev index. A release is stable when it
     * is neither a beta nor a release candidate. Each release holds one file: the module zip, with
     * no SHA-256 (the checksum database vouches for it, not an index).
     */
    public static ReleaseIndex index(byte[] list, String goos, String goarch) {
        List<Release> releases = new ArrayList<>();
        for (String line : new String(list, StandardCharsets.UTF_8).split("\n")) {
            Optional<Listed> listed = parse(line.strip());
            if (listed.isEmpty() || !listed.get().goos().equals(goos) || !listed.get().goarch().equals(goarch)) {
                continue;
            }
            Listed l = listed.get();
            Optional<GoVersion> v = GoVersion.parse(l.goVersion());
            if (v.isEmpty()) {
                continue;
            }
            releases.add(new Release(l.goVersion(), v.get().pre().isEmpty(),
                    List.of(new ReleaseFile(l.zipName(), goos, goarch, l.goVersion(), "", 0, "archive"))));
        }
        return new ReleaseIndex(releases);
    }
}
