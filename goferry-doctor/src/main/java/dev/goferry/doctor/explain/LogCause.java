package dev.goferry.doctor.explain;

import dev.goferry.doctor.Layer;

/**
 * Causes only a log can show: what went wrong in the go command's module logic rather than on the
 * network (a checksum that does not match, a revision that does not exist, git asking for a
 * password). The doctor cannot observe these by probing, so they are not in its catalog; their
 * texts live in the {@code explain} area under {@code explain.cause.<id>.title|explain|fix}.
 * Ids are stable, like the doctor's.
 */
public enum LogCause {
    CHECKSUM_MISMATCH("module.checksum-mismatch", Layer.PROTOCOL),
    SUMDB_MISBEHAVIOR("sumdb.misbehavior", Layer.PROTOCOL),
    MISSING_SUM("module.missing-sum", Layer.LOCAL),
    PRIVATE_NO_DIRECT("goproxy.private-no-direct", Layer.LOCAL),
    VCS_AUTH_REQUIRED("vcs.auth-required", Layer.HTTP),
    VCS_DISALLOWED("vcs.disallowed", Layer.LOCAL),
    VCS_MISSING_TOOL("vcs.missing-tool", Layer.LOCAL),
    UNRECOGNIZED_IMPORT("vcs.unrecognized-import", Layer.HTTP),
    UNKNOWN_REVISION("module.unknown-revision", Layer.PROTOCOL),
    INVALID_VERSION("module.invalid-version", Layer.PROTOCOL),
    PATH_MISMATCH("module.path-mismatch", Layer.PROTOCOL),
    MODULE_NOT_FOUND("module.not-found", Layer.PROTOCOL),
    ZIP_TOO_LARGE("module.zip-too-large", Layer.PROTOCOL),
    TOOLCHAIN_UNAVAILABLE("toolchain.unavailable", Layer.HTTP),
    TOOLCHAIN_TOO_NEW("toolchain.too-new", Layer.LOCAL),
    GOFLAGS_INVALID("goflags.invalid", Layer.LOCAL);

    private final String id;
    private final Layer layer;

    LogCause(String id, Layer layer) {
        this.id = id;
        this.layer = layer;
    }

    /** {@return the stable id, e.g. {@code module.checksum-mismatch}} */
    public String id() {
        return id;
    }

    /** {@return the layer the failure belongs to} */
    public Layer layer() {
        return layer;
    }
}
