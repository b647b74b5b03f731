package dev.goferry.doctor.target;

/** Why the go command (or goferry) talks to an endpoint; decides which protocol check applies. */
public enum TargetKind {
    /** An http(s) GOPROXY entry, probed with a module's {@code @v/list}. */
    GOPROXY("goproxy"),
    /** A {@code file://} GOPROXY entry, checked on disk. */
    FILE_PROXY("file-proxy"),
    /** The checksum database through a GOPROXY entry: {@code <proxy>/sumdb/<name>/supported}. */
    SUMDB_VIA_PROXY("sumdb-proxy"),
    /** The checksum database itself ({@code https://<name>} or GOSUMDB's URL): its signed tree head. */
    SUMDB_DIRECT("sumdb"),
    /** The Go release index, {@code https://go.dev/dl/?mode=json}. */
    RELEASE_INDEX("release-index"),
    /** The host Go release archives are downloaded from. */
    RELEASE_DOWNLOAD("release-download"),
    /** The {@code golang.org/toolchain} module through a proxy (Go 1.21+ toolchain switching). */
    TOOLCHAIN_MODULE("toolchain"),
    /** A public VCS host reached when GOPROXY can go {@code direct}. */
    VCS_PUBLIC("vcs"),
    /** A private VCS host named by a GOPRIVATE/GONOPROXY pattern. */
    VCS_PRIVATE("vcs-private"),
    /** A GOPRIVATE/GONOPROXY wildcard that names no host: reported, never probed. */
    VCS_NOT_PROBEABLE("vcs-wildcard"),
    /** An endpoint the user added with {@code --target URL}. */
    USER("user"),
    /**
     * A module proxy not in GOPROXY, probed as an alternative: never a cause of its own, but a fix may
     * suggest it when this run saw it work.
     */
    MIRROR("mirror"),
    /** A checksum database mirror (its GOSUMDB value is the base), probed as an alternative. */
    SUMDB_MIRROR("sumdb-mirror");

    private final String id;

    TargetKind(String id) {
        this.id = id;
    }

    /** {@return the stable name the JSON output and target ids use} */
    public String id() {
        return id;
    }

    /** Reports whether targets of this kind are reached over the network at all. */
    public boolean probed() {
        return this != FILE_PROXY && this != VCS_NOT_PROBEABLE;
    }

    /** Reports whether the go command uses targets of this kind (alternatives are only candidates). */
    public boolean inUse() {
        return this != MIRROR && this != SUMDB_MIRROR;
    }
}
