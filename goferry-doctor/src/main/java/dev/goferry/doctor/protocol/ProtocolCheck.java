package dev.goferry.doctor.protocol;

import dev.goferry.doctor.target.TargetKind;

/** Which protocol a target's response body must follow. */
public enum ProtocolCheck {
    /** A GOPROXY {@code @v/list}: lines whose first field is a semantic version (possibly none). */
    GOPROXY_LIST,
    /** A GOPROXY {@code @v/<version>.info} ({@code --module M@V}): a JSON object whose {@code Version} is a semantic version. */
    GOPROXY_INFO,
    /** A checksum database's {@code /sumdb/<name>/supported} on a proxy: a 200, whatever the body, but no web page. */
    SUMDB_SUPPORTED,
    /** A checksum database's {@code /latest}: a signed note holding a tree head. */
    SUMDB_LATEST,
    /** The release index {@code go.dev/dl/?mode=json}: a JSON array of releases with {@code version} and {@code files}. */
    RELEASE_INDEX,
    /** A download (release archive, module zip): anything but a web page. */
    DOWNLOAD,
    /** A VCS host's {@code ?go-get=1} page: HTML with a {@code go-import} meta tag. */
    VCS_DISCOVERY,
    /** A user's {@code --target}: any body. */
    ANY;

    /**
     * {@return the check for a response to {@code target}: as {@link #of(TargetKind)}, except that a
     * proxy asked for a version's {@code .info} answers with JSON}
     */
    public static ProtocolCheck of(dev.goferry.doctor.target.Target target) {
        boolean info = target.url().map(u -> String.valueOf(u.getRawPath()).endsWith(".info")).orElse(false);
        ProtocolCheck byKind = of(target.kind());
        return byKind == GOPROXY_LIST && info ? GOPROXY_INFO : byKind;
    }

    /** {@return the check that applies to responses of targets of {@code kind}} */
    public static ProtocolCheck of(TargetKind kind) {
        return switch (kind) {
            case GOPROXY, TOOLCHAIN_MODULE, MIRROR -> GOPROXY_LIST;
            case SUMDB_VIA_PROXY -> SUMDB_SUPPORTED;
            case SUMDB_DIRECT, SUMDB_MIRROR -> SUMDB_LATEST;
            case RELEASE_INDEX -> RELEASE_INDEX;
            case RELEASE_DOWNLOAD -> DOWNLOAD;
            case VCS_PUBLIC, VCS_PRIVATE -> VCS_DISCOVERY;
            case FILE_PROXY, VCS_NOT_PROBEABLE, USER -> ANY;
        };
    }
}
