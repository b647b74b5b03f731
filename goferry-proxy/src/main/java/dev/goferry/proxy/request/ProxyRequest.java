package dev.goferry.proxy.request;

import dev.goferry.gomod.module.Escaping;
import dev.goferry.gomod.module.ModulePaths;

/**
 * One GOPROXY protocol request, with its module path and version already checked by Go's module
 * rules. Every storage key and upstream URL is built from these validated values (re-escaped),
 * never from the raw request text, which is what makes traversal impossible by construction.
 */
public sealed interface ProxyRequest {

    /** {@return the unescaped module path} */
    String path();

    /** {@return the storage key: the path of this object in the GOPROXY URL space, without a leading slash} */
    String key();

    /** {@return the Content-Type of a successful answer} */
    String contentType();

    /**
     * Reports whether a successful answer never changes: the .info, .mod and .zip of a canonical
     * version. Everything else (list, @latest, .info for a branch or query) is refreshed after a TTL.
     */
    boolean immutable();

    /** {@return a short name for logs and metrics: list, info, mod, zip, latest} */
    String endpoint();

    String JSON = "application/json; charset=utf-8";
    String TEXT = "text/plain; charset=utf-8";
    String ZIP = "application/zip";

    /** {@code $module/@v/list}. */
    record ListVersions(String path) implements ProxyRequest {
        public String key() {
            return Escaping.escapePath(path) + "/@v/list";
        }

        public String contentType() {
            return TEXT;
        }

        public boolean immutable() {
            return false;
        }

        public String endpoint() {
            return "list";
        }
    }

    /** {@code $module/@latest}. */
    record Latest(String path) implements ProxyRequest {
        public String key() {
            return Escaping.escapePath(path) + "/@latest";
        }

        public String contentType() {
            return JSON;
        }

        public boolean immutable() {
            return false;
        }

        public String endpoint() {
            return "latest";
        }
    }

    /**
     * {@code $module/@v/$version.info}; the version may be a query (a branch, a revision) that only
     * an upstream can resolve.
     */
    record Info(String path, String version) implements ProxyRequest {
        public String key() {
            return versionKey(path, version, ".info");
        }

        public String contentType() {
            return JSON;
        }

        /** Only a canonical version that agrees with the path's major version names a fixed answer. */
        public boolean immutable() {
            return ModulePaths.canonicalVersion(version).equals(version) && ModulePaths.check(path, version).isEmpty();
        }

        public String endpoint() {
            return "info";
        }
    }

    /** {@code $module/@v/$version.mod}, canonical versions only. */
    record Mod(String path, String version) implements ProxyRequest {
        public String key() {
            return versionKey(path, version, ".mod");
        }

        public String contentType() {
            return TEXT;
        }

        public boolean immutable() {
            return true;
        }

        public String endpoint() {
            return "mod";
        }
    }

    /** {@code $module/@v/$version.zip}, canonical versions only. */
    record Zip(String path, String version) implements ProxyRequest {
        public String key() {
            return versionKey(path, version, ".zip");
        }

        public String contentType() {
            return ZIP;
        }

        public boolean immutable() {
            return true;
        }

        public String endpoint() {
            return "zip";
        }
    }

    private static String versionKey(String path, String version, String ext) {
        return Escaping.escapePath(path) + "/@v/" + Escaping.escapeVersion(version) + ext;
    }
}
