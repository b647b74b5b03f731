package dev.goferry.gomod.module;

import java.util.Comparator;
import java.util.Objects;

/**
 * A module path and version, as in go.sum lines and {@code go mod download} arguments. The
 * version may be "" (a module without version) and, in go.sum keys, may carry a
 * {@code /go.mod} suffix.
 *
 * @param path the module path, unescaped
 * @param version the version, unescaped, or ""
 */
public record ModuleVersion(String path, String version) {

    /**
     * The go.sum order (x/mod {@code module.Sort}): by path, then by semantic version of the
     * version up to any {@code /}, then by the suffix after it (so {@code v1.0.0} sorts before
     * {@code v1.0.0/go.mod}). Versions equal under semver compare equal here.
     */
    public static final Comparator<ModuleVersion> GO_SUM_ORDER = (a, b) -> {
        if (!a.path.equals(b.path)) {
            return a.path.compareTo(b.path);
        }
        String vi = a.version;
        String vj = b.version;
        String fi = "";
        String fj = "";
        int k = vi.indexOf('/');
        if (k >= 0) {
            fi = vi.substring(k);
            vi = vi.substring(0, k);
        }
        k = vj.indexOf('/');
        if (k >= 0) {
            fj = vj.substring(k);
            vj = vj.substring(0, k);
        }
        if (!vi.equals(vj)) {
            return dev.goferry.gomod.semver.Semver.compare(vi, vj);
        }
        return fi.compareTo(fj);
    };

    public ModuleVersion {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(version, "version");
    }

    /** {@return {@code path@version}, or just the path when there is no version} */
    @Override
    public String toString() {
        return version.isEmpty() ? path : path + "@" + version;
    }
}
